import { test as base, expect } from '@playwright/test';
import type { Browser, ConsoleMessage, Page } from 'puppeteer-core';
import { type FirefoxOptions, type FirefoxSession, launchFirefox } from '../scripts/firefox';
import { MENTION_KEYS } from '../scripts/page-probe';
import { type RunningServer, serve } from '../scripts/static-server';

/*
 * The Firefox suite: Playwright's runner and assertions, with Debian's firefox-esr driven by puppeteer-core over
 * WebDriver BiDi (Playwright's own Firefox is a patched build that cannot be installed here). Each test gets a
 * fresh profile with dist-firefox/ installed. What a user sees inside our closed shadow root (the popover, the
 * selection toolbar) is read through BiDi's serialisation of closed shadow trees, as CDP does in Chromium.
 */

/** A BiDi command as puppeteer-core's connection sends it. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

/** The raw BiDi connection under puppeteer (it has no public call for closed shadow roots). */
function bidi(browser: Browser): BidiConnection {
  return (browser as unknown as { connection: BidiConnection }).connection;
}

/** The BiDi id of a page's top browsing context. */
function contextOf(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}

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
  // biome-ignore lint/correctness/noEmptyPattern: see above.
  consoleErrors: async ({}, use) => {
    const errors: string[] = [];
    await use(errors);
    expect(errors.filter((text) => /dossier/i.test(text))).toEqual([]);
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

export { expect };

function watchConsole(page: Page, errors: string[]): void {
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`Dossier page error: ${String(error)}`));
}

/**
 * Navigates a tab to an extension page. WebDriver's navigation waits for a load event that a moz-extension:
 * document (in the extension process) does not report to it, so this does not wait on the navigation: it
 * waits until the page's own script has run.
 */
export async function openInTab(firefox: FirefoxSession, page: Page, path: string): Promise<void> {
  const url = `${firefox.base}${path}`;
  await bidi(firefox.browser).send('browsingContext.navigate', { context: contextOf(page), url, wait: 'none' });
  await expect
    .poll(() => page.evaluate(() => `${location.href} ${document.readyState}`).catch(() => ''), { timeout: 15_000 })
    .toBe(`${url} complete`);
}

/** Waits until the page has painted at least one mention. */
export async function waitForPainted(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    (keys: string[]) => keys.some((k) => (CSS.highlights.get(k)?.size ?? 0) > 0),
    { timeout, polling: 100 },
    [...MENTION_KEYS],
  );
}

/** The text of each range painted under one highlight key, sorted. */
export function painted(page: Page, key: string): Promise<string[]> {
  return page.evaluate((k: string) => {
    const out: string[] = [];
    for (const range of CSS.highlights.get(k) ?? []) out.push(String(range));
    return out.sort();
  }, key);
}

/** What a user sees of our in-page UI (popover or selection toolbar), read inside its closed shadow root. */
export interface InPageView {
  text: string;
  role: string | null;
  buttons: Array<{ label: string; x: number; y: number }>;
}

/** Reads our in-page UI, or null when it is not shown. */
export async function readInPage(firefox: FirefoxSession, page: Page): Promise<InPageView | null> {
  const connection = bidi(firefox.browser);
  const target = { context: contextOf(page) };
  // The children of <html>, serialised with their shadow roots, closed ones included.
  const { result } = await connection.send('script.evaluate', {
    expression: 'Array.from(document.documentElement.children)',
    target,
    awaitPromise: false,
    resultOwnership: 'none',
    serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' },
  });
  const items = (
    result.result as { value?: Array<{ value?: { shadowRoot?: { sharedId?: string; value?: { mode?: string } } } }> }
  ).value;
  const root = items?.map((item) => item.value?.shadowRoot).find((shadow) => shadow?.value?.mode === 'closed');
  if (!root?.sharedId) return null;
  const read = await connection.send('script.callFunction', {
    functionDeclaration: `(root) => {
      let dialog = null;
      for (const candidate of root.querySelectorAll('[role="dialog"], [role="toolbar"]')) {
        if (candidate.getClientRects().length > 0) { dialog = candidate; break; }
      }
      if (!dialog) return null;
      const buttons = [];
      for (const b of dialog.querySelectorAll('button')) {
        const r = b.getBoundingClientRect();
        if (r.width === 0) continue;
        buttons.push({ label: (b.getAttribute('aria-label') || b.textContent || '').trim(), x: r.x + r.width / 2, y: r.y + r.height / 2 });
      }
      return JSON.stringify({ text: dialog.textContent || '', role: dialog.getAttribute('role'), buttons });
    }`,
    target,
    arguments: [{ sharedId: root.sharedId }],
    awaitPromise: false,
    resultOwnership: 'none',
  });
  const value = (read.result.result as { type: string; value?: string }).value;
  return value ? (JSON.parse(value) as InPageView) : null;
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
