import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page } from 'puppeteer-core';
import { paintedRanges } from '../scripts/page-probe';
import { readCorpus } from '../src/cli/corpus';
import { readPack } from '../src/cli/load-pack';
import { mentionAt, sameMention } from '../src/cli/score';
import { compileDictionary, scan } from '../src/engine';
import { toEntry } from '../src/model/card';
import { ask, expect, tabIdOf, test, waitForPainted } from './harness';

/*
 * Real news pages in Firefox, as their sites served them (scripts and all) with every request that would leave
 * this machine refused: with the corpus pack imported from the options page, Firefox paints what the engine
 * (`npm run annotate`) finds in each page's article.
 */
const corpus = resolve(import.meta.dirname, '../../shared/corpus');
test.skip(!existsSync(resolve(corpus, 'pack.csv')), 'the shared corpus is not beside the project');

/**
 * Lets a page load what the loopback server has, and nothing from elsewhere. A request answered after its tab
 * closed is gone from Firefox's side: that answer's refusal is not a failure.
 */
async function refuseOutsideRequests(page: Page): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:') void request.continue().catch(() => undefined);
    else void request.abort().catch(() => undefined);
  });
}

test('the corpus pack imported in Firefox: its mentions are painted on the real pages', async ({
  firefox,
  server,
  extensionPage,
}) => {
  test.setTimeout(240_000);
  const options = await extensionPage('src/ui/options/index.html');
  await options.waitForSelector('table');
  const input = (await options.$('input[type="file"]'))!;
  await input.uploadFile(resolve(corpus, 'pack.csv'));
  await expect
    .poll(() => options.evaluate(() => document.querySelector('[role="status"]')?.textContent ?? ''))
    .toContain('Imported “pack”');

  const pack = readPack(resolve(corpus, 'pack.csv'));
  const dictionary = compileDictionary(pack.cards.map(toEntry));
  const names = new Map(pack.cards.map((c) => [c.id, c.name]));
  const coverage: Record<string, number> = {};
  for (const page of readCorpus(resolve(corpus, 'dev'))) {
    const expected = scan(dictionary, page.text).map((m) => mentionAt(page.text, names.get(m.id)!, m.start, m.end));
    if (expected.length === 0) continue;
    const tab = await firefox.browser.newPage();
    await refuseOutsideRequests(tab);
    await tab.goto(`${server.url}/corpus/dev/${page.page}/source.html`, { waitUntil: 'load' });
    await waitForPainted(tab);
    const tabId = await tabIdOf(options, tab.url());
    const recordedState = async () => {
      const state = await ask<{ mentions: Array<{ cardId: string; start: number }> }>(options, 'tab.state', { tabId });
      return state.ok ? state.value.mentions : [];
    };
    await expect.poll(async () => (await recordedState()).length).toBeGreaterThan(0);
    const recorded = [...(await recordedState())].sort((a, b) => a.start - b.start);
    const painted = await paintedRanges(tab as unknown as PlaywrightPage);
    const found = painted.map((p, i) => ({
      entity: names.get(recorded[i]?.cardId ?? '') ?? '',
      quote: p.quote,
      prefix: p.prefix,
      suffix: p.suffix,
    }));
    coverage[page.page] = expected.filter((e) => found.some((f) => sameMention(f, e))).length / expected.length;
    await tab.close();
  }
  console.log(`share of the engine's article mentions painted in Firefox: ${JSON.stringify(coverage)}`);
  expect(Object.keys(coverage).length).toBeGreaterThan(0);
  const short = Object.entries(coverage).filter(([, share]) => share < 0.95);
  expect(short, JSON.stringify(coverage)).toEqual([]);
});
