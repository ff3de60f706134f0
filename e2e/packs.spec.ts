import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { refuseOutsideRequests } from '../scripts/browser';
import { missingShared, skipWithoutShared } from '../scripts/needs-shared';
import { paintedRanges, recordedState, tabIdOf, waitForHighlights } from '../scripts/page-probe';
import { readCorpus } from '../src/cli/corpus';
import { readPack } from '../src/cli/load-pack';
import { mentionAt, sameMention } from '../src/cli/score';
import { compileDictionary, scan } from '../src/engine';
import { toEntry } from '../src/model/card';
import { expect, test } from './fixtures';

const corpus = resolve(import.meta.dirname, '../../shared/corpus');
const badPacks = resolve(import.meta.dirname, 'fixtures/bad-packs');

async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/ui/options/index.html`);
  await page.getByRole('table').waitFor();
  return page;
}

const packRows = (page: Page) => page.getByRole('row').allInnerTexts();

test('every malformed pack file is refused with its reason, and the store is left as it was', async ({
  context,
  extensionId,
}, testInfo) => {
  test.setTimeout(120_000);
  const expected = JSON.parse(readFileSync(`${badPacks}.json`, 'utf8')) as Record<string, string>;
  // Files over the size limits are made here rather than kept in the repository: a 12 MB JSON list (read as a
  // stream) whose cards are text, and a CSV list whose third row repeats the second's name.
  const huge = testInfo.outputPath('huge.json');
  writeFileSync(huge, `{"cards":[${'"x",'.repeat(3_000_000)}"x"]}`);
  const hugeCsv = testInfo.outputPath('huge.csv');
  writeFileSync(hugeCsv, `name,aliases,kind,summary,tags\n${'Acme,,company,x,\n'.repeat(700_000)}`);
  const files: Array<[string, string]> = [
    ...Object.entries(expected).map(([file, message]): [string, string] => [resolve(badPacks, file), message]),
    [huge, 'huge.json: cards[0]: must be an object, not "x"'],
    [hugeCsv, 'huge.csv: row 3: the name "Acme" is already used on row 2'],
  ];

  const options = await openOptions(context, extensionId);
  const before = await packRows(options);
  const alert = options.getByRole('alert');
  for (const [file, message] of files) {
    await options.getByLabel('Import pack').setInputFiles(file);
    await expect(alert).toContainText(basename(file));
    await expect(alert).toContainText(message);
    await expect(alert).toContainText('Nothing was imported.');
  }
  await options.reload();
  await options.getByRole('table').waitFor();
  expect(await packRows(options)).toEqual(before);
});

test.describe('with the corpus pack imported', () => {
  const present = existsSync(resolve(corpus, 'pack.csv'));
  test.skip(skipWithoutShared(present, 'the corpus pack'), 'the shared corpus is not beside the project');

  test('the corpus pack imports from the options page and its mentions are painted on the real pages', async ({
    context,
    worker,
    extensionId,
    server,
  }) => {
    expect(present, missingShared('Importing the corpus pack')).toBe(true);
    test.setTimeout(180_000);
    await refuseOutsideRequests(context);
    const options = await openOptions(context, extensionId);
    await options.getByLabel('Import pack').setInputFiles(resolve(corpus, 'pack.csv'));
    await expect(options.getByRole('status')).toContainText('Imported “pack”');
    await expect(options.getByRole('row', { name: /pack 1\.0\.0 112/ })).toBeVisible();

    // What the engine finds in each page's article, as the corpus README matches mentions.
    const pack = readPack(resolve(corpus, 'pack.csv'));
    const dictionary = compileDictionary(pack.cards.map(toEntry));
    const names = new Map(pack.cards.map((c) => [c.id, c.name]));
    const coverage: Record<string, number> = {};
    for (const page of readCorpus(resolve(corpus, 'dev'))) {
      const expected = scan(dictionary, page.text).map((m) => mentionAt(page.text, names.get(m.id)!, m.start, m.end));
      if (expected.length === 0) continue;
      const tab = await context.newPage();
      await tab.goto(`${server.url}/corpus/dev/${page.page}/source.html`, { waitUntil: 'load' });
      await waitForHighlights(tab);
      const tabId = await tabIdOf(worker, tab);
      await expect.poll(async () => (await recordedState(worker, tabId)).mentions.length).toBeGreaterThan(0);
      const recorded = [...(await recordedState(worker, tabId)).mentions].sort((a, b) => a.start - b.start);
      const painted = await paintedRanges(tab);
      const found = painted.map((p, i) => ({
        entity: names.get(recorded[i]?.cardId ?? '') ?? '',
        quote: p.quote,
        prefix: p.prefix,
        suffix: p.suffix,
      }));
      const hit = expected.filter((e) => found.some((f) => sameMention(f, e))).length;
      coverage[page.page] = hit / expected.length;
      await tab.close();
    }
    console.log(`share of the engine's article mentions painted on each page: ${JSON.stringify(coverage)}`);
    const short = Object.entries(coverage).filter(([, share]) => share < 0.95);
    expect(short, JSON.stringify(coverage)).toEqual([]);
  });
});
