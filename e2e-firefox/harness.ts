import { test as base, expect } from '@playwright/test';
import type { ConsoleMessage, Page } from 'puppeteer-core';
import { type FirefoxOptions, type FirefoxSession, launchFirefox } from '../scripts/firefox';
import { openInTab, readInPage, waitForPainted } from '../scripts/firefox-probe';
import { type RunningServer, serve } from '../scripts/static-server';

/*
 * The Firefox suite: Playwright's runner and assertions, with Debian's firefox-esr driven by puppeteer-core over
 * WebDriver BiDi (Playwright's own Firefox is a patched build that cannot be installed here). Each test gets a
 * fresh profile with dist-firefox/ installed. What a user sees inside our closed shadow root (the popover, the
 * selection toolbar) is read through BiDi's serialisation of closed shadow trees, as CDP does in Chromium.
 */

interface Fixtures {
  /** How Firefox is launched (a test file may override it with `test.use`). */
  firefoxOptions: FirefoxOptions;
  firefox: FirefoxSession;
  /** Messages of the pages opened through the fixtures that are errors: a test ends with none of ours. */
  consoleErrors: string[];
  /** Opens a page of the loopback server (`/demo/`, `/pages/…`) and waits until Dossier has painted it. */
  openAnnotated: (path: string) => Promise<Page>;
  /** Opens one of the extension's pages in a tab (`src/ui/side-panel/index.html?tab=3`). */
  extensionPage: (path: string) => Promise<Page>;
  /** Opens the sidebar's page for a tab, in a tab 380 px wide (the sidebar's default width). */
  openPanel: (tabId: number) => Promise<Page>;
}

interface WorkerFixtures {
  server: RunningServer;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  server: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a destructured object.
    async ({}, use) => {
      const server = await serve();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  firefoxOptions: [{}, { option: true }],
  firefox: async ({ firefoxOptions }, use) => {
    const session = await launchFirefox(firefoxOptions);
    await use(session);
    await session.close();
  },
  consoleErrors: async ({ firefox }, use) => {
    const errors: string[] = [];
    await use(errors);
    // The pages' errors that name us, and every error or warning of the extension's own contexts.
    expect([...errors.filter((text) => /dossier/i.test(text)), ...firefox.ourErrors()]).toEqual([]);
  },
  openAnnotated: async ({ firefox, server, consoleErrors }, use) => {
    await use(async (path) => {
      const page = await firefox.browser.newPage();
      watchConsole(page, consoleErrors);
      await page.goto(`${server.url}${path}`);
      await waitForPainted(page);
      return page;
    });
  },
  extensionPage: async ({ firefox, consoleErrors }, use) => {
    await use(async (path) => {
      const page = await firefox.browser.newPage();
      watchConsole(page, consoleErrors);
      await openInTab(firefox, page, path);
      return page;
    });
  },
  openPanel: async ({ extensionPage }, use) => {
    await use(async (tabId) => {
      const page = await extensionPage(`src/ui/side-panel/index.html?tab=${tabId}`);
      await page.setViewport({ width: 380, height: 900 });
      return page;
    });
  },
});

export { painted, readInPage, waitForPainted } from '../scripts/firefox-probe';
export { expect };

function watchConsole(page: Page, errors: string[]): void {
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`Dossier page error: ${String(error)}`));
}

/** Clicks a button of our in-page UI by its label, as a user's pointer does. */
export async function pressInPage(firefox: FirefoxSession, page: Page, label: string): Promise<void> {
  await expect
    .poll(async () => (await readInPage(firefox, page))?.buttons.some((b) => b.label === label) ?? false)
    .toBe(true);
  const button = (await readInPage(firefox, page))!.buttons.find((b) => b.label === label)!;
  await page.mouse.click(button.x, button.y);
}

/** Sends a message to the background from an extension page, as the side panel does. */
export function ask<T>(page: Page, type: string, payload: object): Promise<{ ok: boolean; value: T; error?: string }> {
  return page.evaluate(
    (t: string, p: object) =>
      (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage({ type: t, payload: p }),
    type,
    payload,
  ) as Promise<{ ok: boolean; value: T; error?: string }>;
}

/** The id of the tab showing a URL, asked from an extension page. */
export async function tabIdOf(extension: Page, url: string): Promise<number> {
  const id = await extension.evaluate(async (u: string) => {
    const tabs = await (globalThis as unknown as { browser: typeof chrome }).browser.tabs.query({});
    return tabs.find((tab) => tab.url === u)?.id ?? -1;
  }, url);
  if (id < 0) throw new Error(`No tab shows ${url}`);
  return id;
}
