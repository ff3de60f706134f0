import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { extensionId as idOf, launch, serviceWorker } from '../scripts/browser';
import { focused, openPanelPage, readPopover, tabIdOf, waitForHighlights } from '../scripts/page-probe';
import { addNote, highlight, own, press, select } from './annotate';
import { expect, test } from './fixtures';

/*
 * The user's own highlights and notes: made from the selection toolbar (inside our closed shadow root, driven
 * through CDP as a user's clicks), kept across reloads, re-anchored after the page changed around them,
 * listed as orphans when their text is gone, and carried to another Dossier as a W3C JSON-LD file.
 */

const DEMO = readFileSync(resolve(import.meta.dirname, '../demo/index.html'), 'utf8');

test('highlight and note from the toolbar → reload → re-anchored; a paragraph inserted before → still anchored; text gone → orphan', async ({
  context,
  extensionId,
  server,
  openAnnotated,
}) => {
  const { page, tabId } = await openAnnotated('/demo/');

  await highlight(page, 'rented inside overseas data centers');
  await expect.poll(() => own(page, 'ann-mark')).toEqual(['rented inside overseas data centers']);

  await addNote(
    page,
    'export control is now as much about contracts',
    'Key line: controls move from customs to contracts.',
  );
  await expect.poll(() => own(page, 'ann-note')).toEqual(['export control is now as much about contracts']);

  // Reload: both come back from the store and anchor where they were.
  await page.reload();
  await waitForHighlights(page);
  await expect.poll(() => own(page, 'ann-mark')).toEqual(['rented inside overseas data centers']);
  await expect.poll(() => own(page, 'ann-note')).toEqual(['export control is now as much about contracts']);

  // The page changed: a paragraph was inserted before them, and a sentence was edited near one.
  const changed = DEMO.replace(
    '<p>TAIPEI —',
    '<p>Editor’s note: this article was updated on Thursday with comment from officials in Tokyo, who said export control is under review.</p>\n<p>TAIPEI —',
  ).replace('Officials in Taiwan suspect that Nvidia chips', 'Officials in Taipei suspect that Nvidia chips');
  await context.route(`${server.url}/demo/`, (route) => route.fulfill({ contentType: 'text/html', body: changed }));
  await page.reload();
  await waitForHighlights(page);
  await expect.poll(() => own(page, 'ann-mark')).toEqual(['rented inside overseas data centers']);
  await expect.poll(() => own(page, 'ann-note')).toEqual(['export control is now as much about contracts']);
  // The note is on the quote's own paragraph, not on the inserted one that shares words with it.
  const paragraph = await page.evaluate(() => {
    const range = [...((CSS.highlights.get('ann-note') as Highlight | undefined) ?? [])][0] as Range | undefined;
    return range?.startContainer.parentElement?.textContent?.slice(0, 20) ?? '';
  });
  expect(paragraph).toBe('“If the suspicion ho');

  // The highlighted sentence is gone: the highlight is an orphan, listed in the side panel, never dropped.
  await context.unroute(`${server.url}/demo/`);
  await context.route(`${server.url}/demo/`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: DEMO.replace('using hardware rented inside overseas data centers', 'using leased capacity'),
    }),
  );
  await page.reload();
  await waitForHighlights(page);
  await expect.poll(() => own(page, 'ann-note')).toEqual(['export control is now as much about contracts']);
  expect(await own(page, 'ann-mark')).toEqual([]);
  const panel = await openPanelPage(context, extensionId, tabId);
  const list = panel.getByRole('region', { name: /Your highlights and notes/ });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list).toContainText('Key line: controls move from customs to contracts.');
  await expect(list.locator('.orphan')).toContainText('rented inside overseas data centers');
  await expect(list.locator('.orphan')).toContainText('Not found on this page');
});

test('a note is edited and deleted from the page; the side panel follows', async ({
  context,
  extensionId,
  openAnnotated,
}) => {
  const { page, tabId } = await openAnnotated('/demo/');
  await select(page, 'Robotics is the most obvious market');
  await press(page, 'Add note');
  await page.keyboard.type('First thought.');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => own(page, 'ann-note')).toEqual(['Robotics is the most obvious market']);

  const panel = await openPanelPage(context, extensionId, tabId);
  const list = panel.getByRole('region', { name: /Your highlights and notes/ });
  await expect(list).toContainText('First thought.');

  // Clicking the highlight shows its note, with Edit note and Delete.
  await page.bringToFront();
  const box = await page.evaluate(() => {
    const range = [...((CSS.highlights.get('ann-note') as Highlight | undefined) ?? [])][0] as Range;
    const rect = range.getClientRects()[0] as DOMRect;
    return { x: rect.left + 10, y: rect.top + rect.height / 2 };
  });
  await page.mouse.click(box.x, box.y);
  await expect.poll(async () => (await readPopover(page))?.text ?? '').toContain('First thought.');
  await press(page, 'Edit note');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Second thought.');
  await press(page, 'Save');
  await expect(list).toContainText('Second thought.');

  await page.mouse.click(box.x, box.y);
  await press(page, 'Delete');
  await expect.poll(() => own(page, 'ann-note')).toEqual([]);
  await expect(list.getByRole('listitem')).toHaveCount(0);
});

test('from the keyboard: the shortcut puts focus in the toolbar of the selection, Enter highlights it', async ({
  worker,
  openAnnotated,
}) => {
  const { page, tabId } = await openAnnotated('/demo/');
  await select(page, 'investors expect new launches');
  // The shortcut's listener (a test cannot press a browser shortcut).
  const found = await worker.evaluate(
    (id) =>
      (
        globalThis as unknown as {
          dossierCommand: (command: string, tab: { id: number }) => Promise<{ found: boolean }>;
        }
      ).dossierCommand('annotate-selection', { id }),
    tabId,
  );
  expect(found).toEqual({ found: true });
  // Focus is on the toolbar's first button (inside the closed shadow root: the accessibility tree sees it).
  expect(await focused(page)).toEqual({ role: 'button', name: 'Highlight' });
  await page.keyboard.press('Enter');
  await expect.poll(() => own(page, 'ann-mark')).toEqual(['investors expect new launches']);
});

test('where Dossier is off, the user’s highlights are not shown and selecting offers no toolbar', async ({
  context,
  extensionId,
  openAnnotated,
}) => {
  const { page, tabId } = await openAnnotated('/demo/');
  await highlight(page, 'Robotics is the most obvious market');
  await expect.poll(() => own(page, 'ann-mark')).toEqual(['Robotics is the most obvious market']);
  const panel = await openPanelPage(context, extensionId, tabId);
  await panel.evaluate(
    (id) => chrome.runtime.sendMessage({ type: 'tab.site.set', payload: { tabId: id, enabled: false } }),
    tabId,
  );
  await expect.poll(() => own(page, 'ann-mark')).toEqual([]);
  await select(page, 'investors expect new launches');
  await page.waitForTimeout(300);
  expect((await readPopover(page))?.buttons.some((b) => b.label === 'Highlight') ?? false).toBe(false);
  await panel.evaluate(
    (id) => chrome.runtime.sendMessage({ type: 'tab.site.set', payload: { tabId: id, enabled: true } }),
    tabId,
  );
  await expect.poll(() => own(page, 'ann-mark')).toEqual(['Robotics is the most obvious market']);
});

test('a page’s annotations exported as W3C JSON-LD are imported by another Dossier and anchored on the same page', async ({
  context,
  extensionId,
  server,
  openAnnotated,
}) => {
  const { page, tabId } = await openAnnotated('/demo/');
  await addNote(
    page,
    'Alibaba Group and Tencent are also moving beyond chatbots',
    'Embodied AI: watch for robotics launches.',
  );
  await expect.poll(() => own(page, 'ann-note')).toHaveLength(1);

  const panel = await openPanelPage(context, extensionId, tabId);
  const list = panel.getByRole('region', { name: /Your highlights and notes/ });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  const downloading = panel.waitForEvent('download');
  await list.getByRole('button', { name: 'Export (JSON-LD)' }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toMatch(/^dossier-annotations-127\.0\.0\.1-\d{4}-\d\d-\d\d\.jsonld$/);
  const text = readFileSync((await file.path())!, 'utf8');
  const collection = JSON.parse(text) as {
    '@context': string;
    type: string;
    total: number;
    first: {
      items: Array<{
        type: string;
        motivation: string;
        body: Array<{ value: string }>;
        target: { source: string; selector: Array<{ type: string; exact?: string }> };
      }>;
    };
  };
  expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
  expect(collection.type).toBe('AnnotationCollection');
  expect(collection.total).toBe(1);
  const [item] = collection.first.items;
  expect(item?.motivation).toBe('commenting');
  expect(item?.body[0]?.value).toBe('Embodied AI: watch for robotics launches.');
  expect(item?.target.source).toBe(`${server.url}/demo/`);
  expect(item?.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);

  // Another Dossier (a fresh profile) imports the file from its side panel and shows the note on the page.
  const other = await launch();
  try {
    const otherWorker = await serviceWorker(other);
    const otherPage = await other.newPage();
    await otherPage.goto(`${server.url}/demo/`);
    await waitForHighlights(otherPage);
    expect(await own(otherPage, 'ann-note')).toEqual([]);
    const otherPanel = await openPanelPage(other, idOf(otherWorker), await tabIdOf(otherWorker, otherPage));
    const otherList = otherPanel.getByRole('region', { name: /Your highlights and notes/ });
    await otherList
      .locator('input[type=file]')
      .setInputFiles({ name: 'notes.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(text) });
    await expect(otherPanel.getByRole('status').filter({ hasText: 'Imported' })).toContainText(
      'Imported 1 highlights and notes for 1 page.',
    );
    await expect
      .poll(() => own(otherPage, 'ann-note'))
      .toEqual(['Alibaba Group and Tencent are also moving beyond chatbots']);
    await expect(otherList).toContainText('Embodied AI: watch for robotics launches.');

    // A malformed file is refused with its reason, and what was imported stays.
    await otherList.locator('input[type=file]').setInputFiles({
      name: 'bad.jsonld',
      mimeType: 'application/ld+json',
      buffer: Buffer.from(
        JSON.stringify({
          type: 'AnnotationCollection',
          first: {
            items: [
              {
                ...item,
                body: [{ type: 'TextualBody', value: '<b>x</b>', format: 'text/html', purpose: 'commenting' }],
              },
            ],
          },
        }),
      ),
    });
    await expect(otherPanel.getByRole('status').filter({ hasText: 'cannot be imported' })).toContainText(
      'annotation 1: body.0.format',
    );
    await expect(otherList.getByRole('listitem')).toHaveCount(1);
  } finally {
    await other.close();
  }
});
