/**
 * What a user sees of Dossier in Firefox, read from outside over WebDriver BiDi: painted ranges (CSS.highlights
 * is shared with the page's main world), our in-page UI inside its closed shadow root (BiDi serialises closed
 * shadow trees, as CDP pierces them in Chromium), and the extension's own pages opened in a tab.
 */
import type { Browser, Page } from 'puppeteer-core';
import type { FirefoxSession } from './firefox';
import { MENTION_KEYS } from './page-probe';

/** A BiDi command as puppeteer-core's connection sends it. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

/** The raw BiDi connection under puppeteer (it has no public call for closed shadow roots). */
export function bidi(browser: Browser): BidiConnection {
  return (browser as unknown as { connection: BidiConnection }).connection;
}

/** The BiDi id of a page's top browsing context. */
export function contextOf(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}

/**
 * Navigates a tab to an extension page. WebDriver's navigation waits for a load event that a moz-extension:
 * document (in the extension process) does not report to it, so this does not wait on the navigation: it
 * waits until the page's own script has run.
 */
export async function openInTab(firefox: FirefoxSession, page: Page, path: string): Promise<void> {
  const url = `${firefox.base}${path}`;
  await bidi(firefox.browser).send('browsingContext.navigate', { context: contextOf(page), url, wait: 'none' });
  const deadline = Date.now() + 15_000;
  for (;;) {
    const now = await page.evaluate(() => `${location.href} ${document.readyState}`).catch(() => '');
    if (now === `${url} complete`) return;
    if (Date.now() > deadline) throw new Error(`${url} did not open (last seen: ${now || 'nothing'})`);
    await new Promise((done) => setTimeout(done, 100));
  }
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
