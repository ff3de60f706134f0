import type { BrowserContext, Page } from 'playwright-core';
import { paintedRanges } from '../scripts/page-probe';
import { expect, test } from './fixtures';

/*
 * A watchlist (a CSV of 1 MB or more) imported from the options page: progress and Cancel, the difference of a
 * newer version, and a big file with one bad row refused with nothing changed.
 */

async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/ui/options/index.html`);
  await page.getByRole('table').waitFor();
  return page;
}

const packRows = (page: Page) => page.getByRole('row').allInnerTexts();

/**
 * A list of `count` people with two aliases each (three names a card), in the CSV pack format; from `version` 2
 * every tenth summary differs. `bad` replaces one row (numbered as the import names rows, the header being 1).
 */
function watchlist(
  count: number,
  options: { from?: number; version?: number; bad?: { row: number; cells: string } } = {},
) {
  const { from = 0, version = 1, bad } = options;
  const lines = ['name,aliases,kind,summary,tags'];
  for (let k = 0; k < count; k++) {
    const i = from + k;
    if (bad?.row === k + 2) {
      lines.push(bad.cells);
      continue;
    }
    const summary =
      version > 1 && i % 10 === 0 ? `Listed since 2019; designation amended (v${version})` : 'Listed since 2019';
    lines.push(
      `Varenko Ostrel ${i},O. Varenko ${i}|Ostrel Varenko ${i},person,"${summary}, by the watchlist's issuer under regulation 2019/1234 of the council",sanctions|pep`,
    );
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

test('a 20,000-name list imports with progress and Cancel, and its next version applies only the difference', async ({
  context,
  extensionId,
  server,
}, testInfo) => {
  test.setTimeout(180_000);
  const options = await openOptions(context, extensionId);
  const before = await packRows(options);
  const input = options.getByLabel('Import pack');

  // Cancel: a larger list, cancelled as soon as its progress shows; nothing changes.
  await input.setInputFiles({ name: 'watch.csv', mimeType: 'text/csv', buffer: watchlist(120_000) });
  const progress = options.getByRole('progressbar', { name: 'Import progress' });
  await expect(progress).toBeVisible();
  await options.screenshot({ path: testInfo.outputPath('options-list-import.png') });
  await options.getByRole('button', { name: 'Cancel import' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'cancelled' })).toContainText(
    'watch.csv: import cancelled. Nothing was changed.',
  );
  await expect(progress).toHaveCount(0);
  await options.reload();
  await options.getByRole('table').waitFor();
  expect(await packRows(options)).toEqual(before);

  // 6,700 cards, 20,100 names.
  const first = watchlist(6_700);
  expect(first.length).toBeGreaterThan(1024 * 1024);
  await input.setInputFiles({ name: 'watch.csv', mimeType: 'text/csv', buffer: first });
  const report = options.getByRole('status').filter({ hasText: 'Imported list' });
  await expect(report).toContainText(
    'Imported list “watch”: 6,700 added, 0 changed, 0 removed, 0 unchanged (6,700 cards, 20,100 names).',
    { timeout: 60_000 },
  );
  await expect(options.getByRole('row', { name: /^watch / })).toContainText('6700');

  // A page naming two of the list's people by an alias and a name is painted with them.
  const news = await context.newPage();
  await news.route('**/watch-news.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><title>News</title><p>Ministers met Ostrel Varenko 4321 and Varenko Ostrel 17 in Riga on Monday.</p>',
    }),
  );
  await news.goto(`${server.url}/watch-news.html`);
  await expect
    .poll(async () => (await paintedRanges(news)).map((r) => r.quote).sort(), { timeout: 30_000 })
    .toEqual(['Ostrel Varenko 4321', 'Varenko Ostrel 17']);

  // The next version: 100 removed (0–99), 300 added (6,700–6,999), every tenth of the rest changed.
  const added = watchlist(300, { from: 6_700 })
    .toString('utf8')
    .replace(/^[^\n]*\n/, '');
  const next = Buffer.from(`${watchlist(6_600, { from: 100, version: 2 }).toString('utf8')}${added}`);
  await input.setInputFiles({ name: 'watch.csv', mimeType: 'text/csv', buffer: next });
  await expect(report).toContainText('Imported list “watch”: 300 added, 660 changed, 100 removed, 5,940 unchanged', {
    timeout: 60_000,
  });
  await expect(options.getByRole('row', { name: /^watch / })).toContainText('6900');
});

test('a big list with one bad row far into it is refused, naming the row and field, and nothing changes', async ({
  context,
  extensionId,
}) => {
  test.setTimeout(180_000);
  const options = await openOptions(context, extensionId);
  const input = options.getByLabel('Import pack');
  await input.setInputFiles({ name: 'watch.csv', mimeType: 'text/csv', buffer: watchlist(8_000) });
  await expect(options.getByRole('status').filter({ hasText: 'Imported list' })).toContainText('8,000 added', {
    timeout: 60_000,
  });
  await expect(options.getByRole('row', { name: /^watch / })).toContainText('8000');
  const before = await packRows(options);
  const listed = async () =>
    options.evaluate(async () => {
      // A list's cards, as its export writes them (the library hands a list's cards over by search only).
      const answer = (await chrome.runtime.sendMessage({
        type: 'pack.export',
        payload: { packId: 'watch', format: 'json' },
      })) as { value: { text: string } };
      return (JSON.parse(answer.value.text) as { cards: Array<{ summary: string }> }).cards.map((c) => c.summary);
    });
  const cardsBefore = await listed();

  // 150,000 cards (about 14 MB); row 123,457 has a kind no card may have.
  const bad = watchlist(150_000, { version: 3, bad: { row: 123_457, cells: 'Bad Person,,Not A Kind,,' } });
  await input.setInputFiles({ name: 'watch.csv', mimeType: 'text/csv', buffer: bad });
  const alert = options.getByRole('alert');
  await expect(alert).toContainText('watch.csv: row 123457 (Bad Person), field kind: must be a lower-case word', {
    timeout: 90_000,
  });
  await expect(alert).toContainText('Nothing was imported.');
  await options.reload();
  await options.getByRole('table').waitFor();
  expect(await packRows(options)).toEqual(before);
  expect(await listed()).toEqual(cardsBefore);
});

/**
 * The same list as a JSON pack of `count` people (id "watch-json"), its own fields after its cards (as a file may
 * have them); `bad` replaces card `at` (0-based, as the import names cards).
 */
function jsonWatchlist(count: number, options: { version?: string; bad?: { at: number; card: unknown } } = {}) {
  const { version = '1.0.0', bad } = options;
  const cards: string[] = [];
  for (let i = 0; i < count; i++) {
    const card =
      bad?.at === i
        ? bad.card
        : {
            id: `varenko-ostrel-${i}`,
            name: `Varenko Ostrel ${i}`,
            kind: 'person',
            aliases: [`O. Varenko ${i}`, `Ostrel Varenko ${i}`],
            summary: "Listed since 2019, by the watchlist's issuer under regulation 2019/1234 of the council",
            tags: ['sanctions', 'pep'],
          };
    cards.push(JSON.stringify(card));
  }
  const head = { format: 'dossier-pack', formatVersion: 1, id: 'watch-json', name: 'Watch JSON', version };
  return Buffer.from(`{"cards":[\n${cards.join(',\n')}\n],${JSON.stringify(head).slice(1)}\n`);
}

test('a JSON list imports with progress, named by its own fields; a bad or cut-short one changes nothing', async ({
  context,
  extensionId,
}, testInfo) => {
  test.setTimeout(240_000);
  const options = await openOptions(context, extensionId);
  const input = options.getByLabel('Import pack');

  // 30,000 cards, 90,000 names (about 8 MB): its progress shows while it is read and stored.
  const first = jsonWatchlist(30_000);
  expect(first.length).toBeGreaterThan(1024 * 1024);
  await input.setInputFiles({ name: 'list-export.json', mimeType: 'application/json', buffer: first });
  const progress = options.getByRole('progressbar', { name: 'Import progress' });
  await expect(progress).toBeVisible();
  await expect(options.locator('.import-progress [role=status]')).toContainText(/cards, .* names/);
  await options.screenshot({ path: testInfo.outputPath('options-json-list-import.png') });
  const report = options.getByRole('status').filter({ hasText: 'Imported list' });
  await expect(report).toContainText(
    'Imported list “Watch JSON”: 30,000 added, 0 changed, 0 removed, 0 unchanged (30,000 cards, 90,000 names).',
    { timeout: 120_000 },
  );
  await expect(progress).toHaveCount(0);
  const row = options.getByRole('row', { name: /^Watch JSON / });
  await expect(row).toContainText('30000');
  await expect(row).toContainText('1.0.0');

  const before = await packRows(options);
  const listed = async () =>
    options.evaluate(async () => {
      const answer = (await chrome.runtime.sendMessage({
        type: 'pack.export',
        payload: { packId: 'watch-json', format: 'json' },
      })) as { value: { text: string } };
      return (JSON.parse(answer.value.text) as { cards: Array<{ id: string }> }).cards.map((c) => c.id);
    });
  const cardsBefore = await listed();
  expect(cardsBefore).toHaveLength(30_000);

  // A newer version with a bad card far into it: named by index and field; nothing changes.
  const bad = jsonWatchlist(40_000, {
    version: '2.0.0',
    bad: { at: 34_567, card: { id: 'bad-person', name: 'Bad Person', kind: 'Not A Kind' } },
  });
  await input.setInputFiles({ name: 'list-export.json', mimeType: 'application/json', buffer: bad });
  const alert = options.getByRole('alert');
  await expect(alert).toContainText('list-export.json: cards[34567].kind: must be a lower-case word', {
    timeout: 90_000,
  });
  await expect(alert).toContainText('Nothing was imported.');

  // Cut short: refused as incomplete JSON.
  await input.setInputFiles({ name: 'list-export.json', mimeType: 'application/json', buffer: first.subarray(0, 2e6) });
  await expect(alert).toContainText(
    'list-export.json: not valid JSON: the file ends before the pack does (is the file complete?). Nothing was imported.',
    { timeout: 60_000 },
  );
  await options.reload();
  await options.getByRole('table').waitFor();
  expect(await packRows(options)).toEqual(before);
  expect(await listed()).toEqual(cardsBefore);
});
