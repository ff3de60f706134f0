import type { BrowserContext, Page } from 'playwright-core';
import { expect } from './fixtures';

/* Joining a team as a user does, from the options page's form. */

/** What the join form asks. */
export interface JoinValues {
  url: string;
  team: string;
  user: string;
  password: string;
}

/** Fills the options page's "Join a team" form and sends it. */
export async function fillJoin(options: Page, values: JoinValues): Promise<void> {
  const form = options.getByRole('form', { name: 'Join a team' });
  await form.getByLabel('Server').fill(values.url);
  await form.getByLabel('Team').fill(values.team);
  await form.getByLabel('User name').fill(values.user);
  await form.getByLabel('Password').fill(values.password);
  await form.getByRole('button', { name: 'Join team' }).click();
}

/** Joins a team from a profile's options page and waits until it is synced. */
export async function joinAndSync(context: BrowserContext, extensionId: string, values: JoinValues): Promise<void> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/ui/options/index.html`);
  await fillJoin(options, values);
  await expect(options.getByRole('region', { name: 'Teams' }).getByRole('listitem')).toContainText('Synced', {
    timeout: 10_000,
  });
  await options.close();
}

/** Sends a message to the background from an extension page, as the side panel does. */
export function ask<T>(page: Page, type: string, payload: object): Promise<{ ok: boolean; value: T; error?: string }> {
  return page.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const);
}
