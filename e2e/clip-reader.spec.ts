import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { missingShared, skipWithoutShared } from '../scripts/needs-shared';
import { openPanelPage, tabIdOf } from '../scripts/page-probe';
import { expect, test } from './fixtures';

const corpusPage = resolve(import.meta.dirname, '../../shared/corpus/dev/bbc-1/source.html');
const hostile = readFileSync(resolve(import.meta.dirname, 'fixtures/clip/hostile-article.html'), 'utf8');

/** Clicks a button that downloads a file; returns its name and bytes. */
async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

/** Clips a tab's page from the panel, then opens the Clips tab on it. */
async function clipAndOpen(panel: Page, title: RegExp | string): Promise<void> {
  await panel.getByRole('button', { name: 'Clip page' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Clipped' })).toBeVisible();
  await panel.getByRole('tab', { name: 'Clips' }).click();
  await panel.getByRole('button', { name: title }).first().click();
  await expect(panel.getByRole('heading', { level: 2, name: title })).toBeVisible();
}

test('the reader view paints a clip’s mentions, each opening its card; back and Escape return to the search', async ({
  context,
  extensionId,
  openAnnotated,
}) => {
  const { tabId } = await openAnnotated('/demo/');
  const panel = await openPanelPage(context, extensionId, tabId);
  await panel.getByRole('button', { name: 'Clip page' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Clipped' })).toBeVisible();
  await panel.getByRole('tab', { name: 'Clips' }).click();
  await panel.getByRole('searchbox', { name: 'Search clips' }).fill('token');
  await panel.getByRole('button', { name: /China bets on AI token futures/ }).click();

  const reader = panel.getByRole('article', { name: /China bets on AI token futures/ });
  await expect(reader.locator('.reader-meta')).toContainText('Mara Lindqvist and Daniel Okafor');
  await expect(reader.getByRole('link', { name: 'Open the source' })).toHaveAttribute('href', /\/demo\/$/);
  const marked = await reader.locator('.reader-body .mention').allTextContents();
  const status = (await reader.locator('.reader-mentions').textContent()) ?? '';
  const [, painted, total] = status.match(/(\d+) of (\d+) mentions/) ?? [];
  expect(Number(painted)).toBe(marked.length);
  expect(Number(painted)).toBe(Number(total));
  expect(marked).toEqual(expect.arrayContaining(['China', 'Japan', 'Nvidia']));

  // A mention opens its card in the panel; back returns to the clip, and Escape to the list with its search.
  await reader.locator('.reader-body a.mention', { hasText: 'Nvidia' }).first().click();
  await expect(panel.getByRole('heading', { level: 2, name: 'Nvidia' })).toBeVisible();
  await panel.getByRole('button', { name: '← Clip' }).click();
  await expect(panel.getByRole('heading', { level: 2, name: /China bets on AI token futures/ })).toBeVisible();
  await panel.keyboard.press('Escape');
  await expect(panel.getByRole('searchbox', { name: 'Search clips' })).toHaveValue('token');
  await expect(panel.getByRole('button', { name: /China bets on AI token futures/ })).toBeFocused();
  await panel.getByRole('button', { name: /China bets on AI token futures/ }).click();
  await panel.getByRole('button', { name: '← Clips' }).click();
  await expect(panel.getByRole('searchbox', { name: 'Search clips' })).toHaveValue('token');
});

test('the reader view of a corpus page loads nothing remote until "Show images"', async ({
  context,
  worker,
  extensionId,
  server,
}) => {
  test.skip(
    skipWithoutShared(existsSync(corpusPage), 'the reader view of a corpus page'),
    'the shared corpus is not beside the project',
  );
  expect(existsSync(corpusPage), missingShared('The reader view of a corpus page')).toBe(true);
  // Nothing leaves the machine; what would have is recorded.
  const outside: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'chrome-extension:') {
      return route.continue();
    }
    outside.push(url.href);
    return route.abort();
  });
  const page = await context.newPage();
  await page.goto(`${server.url}/corpus/dev/bbc-1/source.html`, { waitUntil: 'load' });
  const panel = await openPanelPage(context, extensionId, await tabIdOf(worker, page));
  const requests: string[] = [];
  panel.on('request', (request) => {
    if (!request.url().startsWith('chrome-extension:')) requests.push(request.url());
  });
  await panel.getByRole('button', { name: 'Clip page' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Clipped' })).toBeVisible();
  await page.close();
  outside.length = 0;

  await panel.getByRole('tab', { name: 'Clips' }).click();
  await panel.locator('.result').first().click();
  const reader = panel.locator('article.reader');
  await expect(reader.locator('.reader-body p').first()).toBeVisible();
  expect(await reader.locator('.reader-body .mention').count()).toBeGreaterThan(0);
  const show = reader.getByRole('button', { name: /Show images \(\d+\)/ });
  await expect(show).toBeVisible();
  const waiting = await reader
    .locator('.reader-body [data-remote-src]')
    .evaluateAll((images) => images.map((image) => image.getAttribute('data-remote-src') ?? ''));
  expect(waiting.length).toBeGreaterThan(0);
  await panel.waitForTimeout(500);
  expect(await reader.locator('.reader-body [src^="http"], .reader-body [srcset]').count()).toBe(0);
  expect({ outside, requests }).toEqual({ outside: [], requests: [] });

  await show.click();
  await expect(show).toBeHidden();
  await expect.poll(() => requests.length).toBeGreaterThan(0);
  const hosts = new Set(waiting.map((url) => new URL(url).host));
  expect(requests.filter((url) => !hosts.has(new URL(url).host))).toEqual([]);
});

test('a hostile article renders nothing executable in the reader view', async ({
  context,
  worker,
  extensionId,
  server,
}) => {
  const url = `${server.url}/pages/hostile-article-clip.html`;
  await context.route(url, (route) => route.fulfill({ contentType: 'text/html', body: hostile }));
  await context.route('https://news.example/**', (route) => route.abort());
  const page = await context.newPage();
  page.on('dialog', (dialog) => void dialog.dismiss());
  await page.goto(url);
  const panel = await openPanelPage(context, extensionId, await tabIdOf(worker, page));
  const dialogs: string[] = [];
  panel.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await clipAndOpen(panel, /Customs officers question GPU rental deals/);
  const body = panel.locator('.reader-body');
  await expect(body).toContainText('Officials in Japan are examining');
  await expect(body.getByRole('link', { name: 'the summary' })).toHaveAttribute('href', 'https://news.example/filing');
  expect(await body.locator('script, iframe, form, input, svg, style, object, embed').count()).toBe(0);
  const found = await panel.evaluate(() => {
    const bad: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      for (const name of element.getAttributeNames()) {
        const value = element.getAttribute(name) ?? '';
        if (/^on/i.test(name) || /javascript:/i.test(value)) bad.push(`${element.localName} ${name}=${value}`);
      }
    }
    return bad;
  });
  expect(found).toEqual([]);
  // Hovering and clicking what the article offers fires nothing.
  await body.getByText('Officials in Japan').hover();
  await body.getByText('Read the filing').click();
  await panel.waitForTimeout(300);
  expect(dialogs).toEqual([]);
  expect(await panel.evaluate(() => (window as unknown as { stolen?: string }).stolen ?? null)).toBeNull();
});

test('tags and note are kept by a re-clip; the clip deletes with Undo, and exports as Markdown, JSON-LD and ZIP', async ({
  context,
  extensionId,
  openAnnotated,
}) => {
  const { tabId } = await openAnnotated('/demo/');
  const panel = await openPanelPage(context, extensionId, tabId);
  await clipAndOpen(panel, /China bets on AI token futures/);
  await panel.getByRole('textbox', { name: 'Tags' }).fill(' chips, China ,chips,, export controls ');
  await panel.getByRole('textbox', { name: 'Note' }).fill('Follow the customs inquiry.\nAsk the desk.');
  await panel.getByRole('button', { name: 'Save tags and note' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Saved the tags and note.' })).toBeVisible();
  await expect(panel.getByRole('textbox', { name: 'Tags' })).toHaveValue('chips, China, export controls');

  // Clipping the page again keeps them.
  await panel.getByRole('button', { name: 'Clip page' }).click();
  await expect(panel.getByRole('status').filter({ hasText: /Clipped .* again|Clipped/ })).toBeVisible();
  const list = (await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'clips.list', payload: {} }))) as {
    value: Array<{ tags: string[]; note: string }>;
  };
  expect(list.value).toEqual([
    expect.objectContaining({
      tags: ['chips', 'China', 'export controls'],
      note: 'Follow the customs inquiry.\nAsk the desk.',
    }),
  ]);
  await panel.getByRole('button', { name: '← Clips' }).click();
  await panel.getByRole('button', { name: /China bets on AI token futures/ }).click();
  await expect(panel.getByRole('textbox', { name: 'Tags' })).toHaveValue('chips, China, export controls');

  // One clip as Markdown, with its front matter.
  const md = await downloaded(panel, () => panel.getByRole('button', { name: 'Export Markdown' }).click());
  expect(md.name).toMatch(/^China bets on AI token futures as Taiwan probes a chip route through Japan[^/\\:]*\.md$/);
  const markdown = md.bytes.toString('utf8');
  const front = parse(markdown.split('---\n')[1]!) as Record<string, unknown>;
  expect(front).toMatchObject({
    title: expect.stringMatching(/^China bets on AI token futures/),
    author: 'Mara Lindqvist and Daniel Okafor',
    tags: ['chips', 'China', 'export controls'],
  });
  expect(front.entities).toEqual(expect.arrayContaining(['[[China]]', '[[Nvidia]]']));
  expect(markdown).toContain('> [!note]\n> Follow the customs inquiry.\n> Ask the desk.');

  // All clips as JSON-LD and as a ZIP of notes.
  await panel.getByRole('button', { name: '← Clips' }).click();
  const json = await downloaded(panel, () => panel.getByRole('button', { name: 'JSON-LD' }).click());
  expect(json.name).toMatch(/^dossier-clips-\d{4}-\d{2}-\d{2}\.jsonld$/);
  const collection = JSON.parse(json.bytes.toString('utf8'));
  expect(collection).toMatchObject({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    first: { type: 'AnnotationPage' },
  });
  expect(collection.total).toBe(collection.first.items.length);
  expect(collection.total).toBeGreaterThan(3);
  expect(collection.first.items[0]).toMatchObject({ type: 'Annotation', motivation: 'identifying' });
  expect(collection['dossier:clips']).toEqual([
    expect.objectContaining({
      title: front.title,
      tags: ['chips', 'China', 'export controls'],
    }),
  ]);
  const zip = await downloaded(panel, () => panel.getByRole('button', { name: 'ZIP of Markdown' }).click());
  expect(zip.name).toMatch(/^dossier-clips-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(zip.bytes));
  expect(Object.keys(files).sort()).toEqual([md.name, 'index.md']);
  expect(strFromU8(files[md.name]!)).toBe(markdown);

  // Delete, then Undo.
  await panel.getByRole('button', { name: /China bets on AI token futures/ }).click();
  await panel.getByRole('button', { name: 'Delete clip' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Deleted “China bets on AI token futures' })).toBeVisible();
  await expect(panel.locator('.result')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Undo' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'is back' })).toBeVisible();
  await expect(panel.locator('.result')).toHaveCount(1);
  await panel.locator('.result').click();
  await expect(panel.getByRole('textbox', { name: 'Tags' })).toHaveValue('chips, China, export controls');
});
