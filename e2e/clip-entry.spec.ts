import { openPanelPage, tabIdOf } from '../scripts/page-probe';
import { expect, test } from './fixtures';

/*
 * Clipping without opening the side panel: the page's context menu and the keyboard shortcut (both reach the
 * worker's one listener; a test cannot open a native menu or press a browser shortcut, so it calls them).
 */

test('"Clip this page to Dossier" from the context menu and the shortcut clip the page; the badge and an open panel say so', async ({
  worker,
  context,
  extensionId,
  openAnnotated,
}) => {
  const { page, tabId } = await openAnnotated('/demo/');
  const panel = await openPanelPage(context, extensionId, tabId);
  await expect(panel.getByRole('button', { name: 'Clip page' })).toBeVisible();

  await worker.evaluate(
    ({ id, url }) =>
      (
        globalThis as unknown as {
          dossierMenuClick: (info: { menuItemId: string }, tab: { id: number; url: string }) => Promise<void>;
        }
      ).dossierMenuClick({ menuItemId: 'clip' }, { id, url }),
    { id: tabId, url: page.url() },
  );
  await expect(panel.getByRole('status').first()).toContainText('Clipped “China bets on AI token futures');
  expect(await worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('✓');
  const clips = async () =>
    (await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'clips.list', payload: {} }))) as {
      value: Array<{ title: string; clipped: string; updated: string }>;
    };
  const first = (await clips()).value;
  expect(first).toHaveLength(1);

  // The shortcut clips the same page again: the same clip, updated.
  await worker.evaluate(
    ({ id, url }) =>
      (
        globalThis as unknown as {
          dossierCommand: (command: string, tab: { id: number; url: string }) => Promise<void>;
        }
      ).dossierCommand('clip-page', { id, url }),
    { id: tabId, url: page.url() },
  );
  await expect.poll(async () => (await clips()).value[0]?.updated).not.toBe(first[0]?.updated);
  expect((await clips()).value).toHaveLength(1);

  // A page Dossier cannot read: the badge says so, with the reason in its title.
  const blank = await context.newPage();
  await blank.goto('about:blank');
  const blankId = await tabIdOf(worker, blank);
  await worker.evaluate(
    (id) =>
      (
        globalThis as unknown as {
          dossierCommand: (command: string, tab: { id: number }) => Promise<void>;
        }
      ).dossierCommand('clip-page', { id }),
    blankId,
  );
  expect(await worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), blankId)).toBe('!');
  expect(await worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), blankId)).toMatch(/Could not clip/);
});
