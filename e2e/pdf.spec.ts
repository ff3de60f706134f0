import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openPanelPage, recordedState } from '../scripts/page-probe';
import { serve } from '../scripts/static-server';
import { DEFAULT_PACK, readPack } from '../src/cli/load-pack';
import { readPdfFile } from '../src/cli/read-pdf';
import { compileDictionary, scan } from '../src/engine';
import { toEntry } from '../src/model/card';
import { violations } from './axe';
import { expect, test } from './fixtures';
import { plainPdf } from './make-pdf';

/*
 * Dossier's PDF reader (pdf.html?file=…) on PDFs made from our own pages (e2e/pages/pdf, made by
 * scripts/make-pdf-fixtures.ts): it paints the mentions `npm run annotate` finds in the same file, the side
 * panel lists them with their pages, and bad files get their messages.
 */

const KEYS = ['pdf-entity', 'pdf-topic', 'pdf-fuzzy'];

/** The quotes painted on the reader's text layers, in document order. */
function paintedQuotes(page: Page): Promise<string[]> {
  return page.evaluate((keys) => {
    const ranges: Range[] = [];
    for (const key of keys) for (const r of CSS.highlights.get(key) ?? []) ranges.push(r as Range);
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    const out: string[] = [];
    for (const r of ranges) out.push(r.toString());
    return out;
  }, KEYS);
}

/** What `npm run annotate -- file.pdf` finds: the quotes, in text order. */
async function annotateQuotes(file: string): Promise<string[]> {
  const pack = readPack(DEFAULT_PACK);
  const { text } = await readPdfFile(file);
  return scan(compileDictionary(pack.cards.map(toEntry)), text).map((m) => text.slice(m.start, m.end));
}

const squash = (s: string) => s.replace(/\s+/g, ' ');

test('a PDF of the demo page paints the mentions annotate finds in it, on every page', async ({
  context,
  extensionId,
  server,
  worker,
}) => {
  const expected = await annotateQuotes('e2e/pages/pdf/demo.pdf');
  expect(expected.length).toBeGreaterThan(20);
  const page = await context.newPage();
  await page.goto(
    `chrome-extension://${extensionId}/pdf.html?file=${encodeURIComponent(`${server.url}/pages/pdf/demo.pdf`)}`,
  );
  await expect(page.locator('#mention-count')).toHaveText(`${expected.length} mentions`);
  const pages = await page.locator('.page').count();
  expect(pages).toBeGreaterThan(1);
  // Pages are drawn as they come into view: visit each.
  for (let n = 1; n <= pages; n++) {
    await page.locator('#page').fill(String(n));
    await page.locator('#page').press('Enter');
    await expect(page.locator(`.page[data-page="${n}"] .textLayer`)).toBeAttached();
  }
  await expect.poll(async () => (await paintedQuotes(page)).length).toBe(expected.length);
  expect((await paintedQuotes(page)).map(squash)).toEqual(expected.map(squash));

  // The side panel's This page lists the cards with their mentions' pages; Show scrolls the reader to one.
  const tabId = await worker.evaluate(
    async (prefix) => (await chrome.tabs.query({})).find((t) => t.url?.startsWith(prefix))?.id ?? -1,
    `chrome-extension://${extensionId}/pdf.html`,
  );
  await expect.poll(async () => (await recordedState(worker, tabId)).mentions.length).toBe(expected.length);
  const recorded = await recordedState(worker, tabId);
  expect(recorded.mentions.every((m) => typeof (m as { page?: number }).page === 'number')).toBe(true);
  mkdirSync('screenshots', { recursive: true });
  await page.locator('#page').fill('1');
  await page.locator('#page').press('Enter');
  await page.screenshot({ path: 'screenshots/pdf-reader-light.png' });

  const panel = await openPanelPage(context, extensionId, tabId);
  const first = panel.locator('ul.cards > li').first();
  await expect(first).toBeVisible();
  await first.locator('button.expand').click();
  await expect(first.locator('.page-number').first()).toHaveText(/^p\. \d+/);
  await panel.screenshot({ path: 'screenshots/pdf-side-panel.png' });
  await first.locator('button.snippet').first().click();
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('pdf-focus'))).toBe(true);
});

test('next and previous mention go across pages from the keyboard', async ({ context, extensionId, server }) => {
  const page = await context.newPage();
  await page.goto(
    `chrome-extension://${extensionId}/pdf.html?file=${encodeURIComponent(`${server.url}/pages/pdf/demo.pdf`)}`,
  );
  await expect(page.locator('#viewer')).toHaveAttribute('aria-busy', 'false');
  // The page of the focused mention (its page is drawn first, so it comes after a moment).
  const focusedPage = () =>
    page.evaluate(() => {
      const r = [...(CSS.highlights.get('pdf-focus') ?? [])][0] as Range | undefined;
      return Number(r?.startContainer.parentElement?.closest<HTMLElement>('.page')?.dataset.page ?? 0);
    });
  // Previous from the start wraps to the document's last mention, on its last page.
  await page.keyboard.press('Alt+Shift+Comma');
  await expect.poll(focusedPage).toBe(4);
  await page.keyboard.press('Escape');
  await expect.poll(focusedPage).toBe(0);
  await page.keyboard.press('Alt+Shift+Period');
  await expect.poll(focusedPage).toBe(1);
});

test('dark pages, zoom and find', async ({ context, extensionId, server }) => {
  await context.pages()[0]?.emulateMedia({ colorScheme: 'dark' });
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(
    `chrome-extension://${extensionId}/pdf.html?file=${encodeURIComponent(`${server.url}/pages/pdf/demo.pdf`)}`,
  );
  await expect(page.locator('.page[data-page="1"] .textLayer')).toBeAttached();
  await expect(page.locator('#theme')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('#mention-count')).toHaveText(/^\d+ mentions$/);
  await page.screenshot({ path: 'screenshots/pdf-reader-dark.png' });
  const width = await page
    .locator('.page')
    .first()
    .evaluate((e) => e.getBoundingClientRect().width);
  await page.locator('#zoom-in').click();
  await expect(page.locator('#zoom')).toHaveText('150%');
  expect(
    await page
      .locator('.page')
      .first()
      .evaluate((e) => e.getBoundingClientRect().width),
  ).toBeGreaterThan(width * 1.15);
  await page.locator('#find').fill('tencent');
  await page.locator('#find').press('Enter');
  await expect(page.locator('#find-count')).toHaveText(/^1 of \d+$/);
  expect(await page.evaluate(() => [...(CSS.highlights.get('pdf-find-current') ?? [])][0]?.toString())).toMatch(
    /tencent/i,
  );
});

for (const [file, message] of [
  ['damaged.pdf', /damaged or is not a PDF/],
  ['no-text.pdf', /this PDF has no text: Dossier cannot read it/i],
  ['missing.pdf', /could not be loaded/],
] as const) {
  test(`${file} gives its message`, async ({ context, extensionId, server }) => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(
      `chrome-extension://${extensionId}/pdf.html?file=${encodeURIComponent(`${server.url}/pages/pdf/${file}`)}`,
    );
    await expect(page.locator('#status')).toHaveText(message);
    await expect(page.locator('#status')).toHaveClass(/error/);
    expect(errors).toEqual([]);
  });
}

test('an encrypted PDF asks for its password, refuses a wrong one, opens with the right one', async ({
  context,
  extensionId,
  server,
}) => {
  const page = await context.newPage();
  await page.goto(
    `chrome-extension://${extensionId}/pdf.html?file=${encodeURIComponent(`${server.url}/pages/pdf/encrypted.pdf`)}`,
  );
  const password = page.locator('#password-input');
  await expect(password).toBeVisible();
  await expect(page.locator('#password')).toContainText('protected by a password');
  await password.fill('wrong');
  await password.press('Enter');
  await expect(page.locator('#password-error')).toHaveText(/not right/);
  await password.fill('dossier');
  await password.press('Enter');
  await expect(page.locator('#password')).toBeHidden();
  await expect(page.locator('#mention-count')).toHaveText(/^\d+ mentions$/);
});

test('a PDF clipped from the side panel keeps its pages, hash and size, and exports them', async ({
  context,
  extensionId,
  server,
  worker,
}) => {
  const page = await context.newPage();
  await page.goto(
    `chrome-extension://${extensionId}/pdf.html?file=${encodeURIComponent(`${server.url}/pages/pdf/demo.pdf`)}`,
  );
  await expect(page.locator('#mention-count')).toHaveText(/^\d+ mentions$/);
  // Read to its end (the reader's document region is no longer busy).
  await expect(page.locator('#viewer')).toHaveAttribute('aria-busy', 'false');
  const tabId = await worker.evaluate(
    async (prefix) => (await chrome.tabs.query({})).find((t) => t.url?.startsWith(prefix))?.id ?? -1,
    `chrome-extension://${extensionId}/pdf.html`,
  );
  const panel = await openPanelPage(context, extensionId, tabId);
  const clip = await panel.evaluate(
    async (id) => chrome.runtime.sendMessage({ type: 'clip.save', payload: { tabId: id } }),
    tabId,
  );
  expect(clip).toMatchObject({ ok: true });
  const { createHash } = await import('node:crypto');
  const { readFileSync } = await import('node:fs');
  const file = readFileSync('e2e/pages/pdf/demo.pdf');
  expect(clip.value.pdf).toMatchObject({
    pages: 4,
    bytes: file.byteLength,
    sha256: createHash('sha256').update(new Uint8Array(file)).digest('hex'),
  });
  expect(clip.value.html).toContain('<h2>Page 2</h2>');
  expect(clip.value.mentions.length).toBeGreaterThan(20);
  expect(clip.value.mentions.every((m: { page?: number }) => (m.page ?? 0) >= 1)).toBe(true);
  const exported = await panel.evaluate(async () => chrome.runtime.sendMessage({ type: 'clips.export', payload: {} }));
  const collection = JSON.parse(exported.value.text);
  const selectors = collection.first.items[0].target.selector;
  expect(selectors[2]).toEqual({
    type: 'FragmentSelector',
    conformsTo: 'http://tools.ietf.org/rfc/rfc3778',
    value: `page=${clip.value.mentions[0].page}`,
  });
});

test('a highlight on a PDF comes back when the same file is opened from another address', async ({
  context,
  extensionId,
  server,
}) => {
  const open = async (url: string) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/pdf.html?file=${encodeURIComponent(url)}`);
    await expect(page.locator('#mention-count')).toHaveText(/^\d+ mentions$/);
    await expect(page.locator('.page[data-page="1"] .textLayer')).toBeAttached();
    return page;
  };
  const first = await open(`${server.url}/pages/pdf/demo.pdf`);
  // Select "Beijing’s plan to make artificial intelligence" in the first page's text layer.
  const selected = await first.evaluate(() => {
    const spans = [...document.querySelectorAll<HTMLElement>('.page[data-page="1"] .textLayer span')];
    const span = spans.find((s) => s.textContent?.includes('Beijing’s plan'));
    const text = span?.firstChild;
    if (!span || !text) return null;
    const at = span.textContent!.indexOf('Beijing’s plan');
    const range = document.createRange();
    range.setStart(text, at);
    range.setEnd(text, at + 'Beijing’s plan'.length);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    return range.toString();
  });
  expect(selected).toBe('Beijing’s plan');
  await first.locator('#mark').click();
  await expect(first.locator('#mark-status')).toHaveText('1 highlight');
  const marked = (page: Page) =>
    page.evaluate(() => [...(CSS.highlights.get('pdf-mark') ?? [])].map((r) => (r as Range).toString()));
  await expect.poll(() => marked(first)).toEqual(['Beijing’s plan']);
  await first.close();

  // The same bytes from another address (another host name for the loopback server).
  const other = server.url.replace('127.0.0.1', 'localhost');
  expect(other).not.toBe(server.url);
  const second = await open(`${other}/pages/pdf/demo.pdf?copy=1`);
  await expect(second.locator('#mark-status')).toHaveText('1 highlight');
  await expect.poll(() => marked(second)).toEqual(['Beijing’s plan']);
});

test('a PDF of 1,200 pages opens, says it is read as the user reads, and is matched to its last page', async ({
  context,
  extensionId,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-pdf-'));
  const pages = Array.from({ length: 1200 }, (_, i) => [
    `Page ${i + 1} of a long filing.`,
    'Nvidia and Tencent agreed.',
  ]);
  writeFileSync(join(dir, 'long.pdf'), plainPdf(pages));
  const server = await serve({ '/gen/': dir });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(
      `chrome-extension://${extensionId}/pdf.html?file=${encodeURIComponent(`${server.url}/gen/long.pdf`)}`,
    );
    await expect(page.locator('#count')).toHaveText('of 1200');
    await expect(page.locator('#status')).toHaveText(/1200 pages: Dossier reads and matches them in the background/);
    // The first page is drawn and painted long before the last is read.
    await expect(page.locator('.page[data-page="1"] .textLayer')).toBeAttached();
    await expect(page.locator('#viewer')).toHaveAttribute('aria-busy', 'false', { timeout: 120_000 });
    await expect(page.locator('#mention-count')).toHaveText('2400 mentions');
    await page.locator('#page').fill('1200');
    await page.locator('#page').press('Enter');
    await expect(page.locator('.page[data-page="1200"] .textLayer')).toBeAttached();
    await expect
      .poll(() =>
        page.evaluate(() => {
          const box = document.querySelector('.page[data-page="1200"]');
          let n = 0;
          for (const r of CSS.highlights.get('pdf-entity') ?? []) if (box?.contains((r as Range).startContainer)) n++;
          return n;
        }),
      )
      .toBe(2);
    expect(errors).toEqual([]);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Open in Dossier on a link to a PDF opens the reader on it in a new tab', async ({ context, server, worker }) => {
  const url = `${server.url}/pages/pdf/demo.pdf`;
  const opening = context.waitForEvent('page');
  await worker.evaluate(
    ([link]) =>
      (globalThis as unknown as { dossierMenuClick: (info: object, tab: object) => Promise<unknown> }).dossierMenuClick(
        { menuItemId: 'pdf-open-link', linkUrl: link },
        { id: -1, index: 0 },
      ),
    [url],
  );
  const reader = await opening;
  await reader.waitForLoadState();
  expect(new URL(reader.url()).searchParams.get('file')).toBe(url);
  await expect(reader.locator('#mention-count')).toHaveText(/^\d+ mentions$/);
});

test('a PDF over 100 MB is refused with its size, before it is downloaded', async ({ context, extensionId }) => {
  // A server that announces 150 MB and sends only the header line: the reader must not wait for the rest.
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(150 * 1048576) });
    res.write('%PDF-1.7\n');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  try {
    const { port } = server.address() as AddressInfo;
    const page = await context.newPage();
    await page.goto(
      `chrome-extension://${extensionId}/pdf.html?file=${encodeURIComponent(`http://127.0.0.1:${port}/big.pdf`)}`,
    );
    await expect(page.locator('#status')).toHaveText('This PDF is 150 MB: Dossier opens PDFs of at most 100 MB.');
    await expect(page.locator('.page')).toHaveCount(0);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test('the brief of a PDF is made from its text, in the side panel as on a page', async ({
  context,
  extensionId,
  server,
  worker,
}) => {
  const page = await context.newPage();
  await page.goto(
    `chrome-extension://${extensionId}/pdf.html?file=${encodeURIComponent(`${server.url}/pages/pdf/demo.pdf`)}`,
  );
  await expect(page.locator('#viewer')).toHaveAttribute('aria-busy', 'false');
  const tabId = await worker.evaluate(
    async (prefix) => (await chrome.tabs.query({})).find((t) => t.url?.startsWith(prefix))?.id ?? -1,
    `chrome-extension://${extensionId}/pdf.html`,
  );
  const panel = await openPanelPage(context, extensionId, tabId);
  const brief = await panel.evaluate(
    async (id) => chrome.runtime.sendMessage({ type: 'page.brief', payload: { tabId: id } }),
    tabId,
  );
  expect(brief).toMatchObject({ ok: true });
  expect(brief.value.title).toMatch(/China bets on AI token futures/);
  const names = JSON.stringify(brief.value);
  for (const name of ['China', 'Taiwan', 'Nvidia']) expect(names).toContain(name);
});

test('a PDF picked from the disk opens in the reader with its mentions', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/pdf.html`);
  await expect(page.locator('#status')).toHaveText(/Drop a PDF here/);
  await page.locator('#pick').setInputFiles('e2e/pages/pdf/demo.pdf');
  await expect(page.locator('#mention-count')).toHaveText(/^\d+ mentions$/);
  await expect(page.locator('.page')).toHaveCount(4);
  // One document per reader tab: the picker is gone.
  await expect(page.locator('#pick')).toBeHidden();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no violation in the PDF reader (${colorScheme})`, async ({ context, extensionId, server }) => {
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme });
    await page.goto(
      `chrome-extension://${extensionId}/pdf.html?file=${encodeURIComponent(`${server.url}/pages/pdf/demo.pdf`)}`,
    );
    await expect(page.locator('#viewer')).toHaveAttribute('aria-busy', 'false');
    expect(await violations(page)).toEqual([]);
  });
}
