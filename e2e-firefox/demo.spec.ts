import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page } from 'puppeteer-core';
import { paintedRanges } from '../scripts/page-probe';
import { scorePage } from '../src/cli/score';
import defaultPack from '../src/packs/default-pack.json' with { type: 'json' };
import { ask, expect, readInPage, tabIdOf, test } from './harness';

interface Gold {
  entity: string;
  quote: string;
  prefix: string;
  suffix: string;
  optional: boolean;
}
const gold = JSON.parse(readFileSync(resolve(import.meta.dirname, '../demo/gold.json'), 'utf8')).mentions as Gold[];
const names = new Map(defaultPack.cards.map((c) => [c.id, c.name]));

/** The painted ranges as the Chromium suite reads them (the same function runs in the page). */
const rangesOf = (page: Page) => paintedRanges(page as unknown as PlaywrightPage);

interface Recorded {
  mentions: Array<{ cardId: string; quote: string; start: number }>;
  focusCardId?: string | null;
}

/** The tab's state as the background recorded it (storage.session, read from an extension page). */
async function recorded(extension: Page, tabId: number): Promise<Recorded> {
  const state = await ask<Recorded>(extension, 'tab.state', { tabId });
  if (!state.ok) throw new Error(state.error);
  return state.value;
}

test('the demo page is painted in Firefox with exactly its hand-checked mentions', async ({
  openAnnotated,
  extensionPage,
}) => {
  const page = await openAnnotated('/demo/');
  const extension = await extensionPage('src/ui/permissions/index.html');
  const tabId = await tabIdOf(extension, page.url());
  await expect.poll(async () => (await recorded(extension, tabId)).mentions.length).toBeGreaterThan(0);
  const mentions = [...(await recorded(extension, tabId)).mentions].sort((a, b) => a.start - b.start);
  const painted = await rangesOf(page);
  expect(painted.map((p) => p.quote)).toEqual(mentions.map((m) => m.quote));

  const predicted: Gold[] = painted.map((p, i) => ({
    entity: names.get(mentions[i]!.cardId) ?? mentions[i]!.cardId,
    quote: p.quote,
    prefix: p.prefix,
    suffix: p.suffix,
    optional: false,
  }));
  const score = scorePage(predicted, gold);
  expect({ missed: score.falseNegatives, spurious: score.falsePositives }).toEqual({ missed: [], spurious: [] });
  expect(score.truePositives).toBe(gold.filter((g) => !g.optional).length);
  await page.screenshot({ path: test.info().outputPath('demo-firefox.png') });
});

test('shadow roots open and closed, and frames, are read in Firefox', async ({ openAnnotated }) => {
  const page = await openAnnotated('/pages/reader.html');
  const quotes = async () => (await rangesOf(page)).map((r) => r.quote);
  await expect
    .poll(quotes)
    .toEqual(expect.arrayContaining(['Alibaba', 'ByteDance', 'United\n      States', 'Nvidia', 'Tencent']));
  for (const hidden of ['China', 'Japan', 'Taiwan', 'MuleRun']) expect(await quotes()).not.toContain(hidden);
  // One mention in an open shadow root, one in a closed one (Firefox's element.openOrClosedShadowRoot).
  const inShadow = await page.evaluate(() => {
    let n = 0;
    for (const key of ['ann-entity', 'ann-topic', 'ann-fuzzy']) {
      for (const r of CSS.highlights.get(key) ?? []) if (r.startContainer.getRootNode() instanceof ShadowRoot) n++;
    }
    return n;
  });
  expect(inShadow).toBe(2);
  const frame = page.frames().find((f) => f.url().endsWith('/frame.html'))!;
  await expect
    .poll(() =>
      frame.evaluate(() => {
        const out: string[] = [];
        for (const key of ['ann-entity', 'ann-topic', 'ann-fuzzy'])
          for (const r of CSS.highlights.get(key) ?? []) out.push(String(r));
        return out;
      }),
    )
    .toEqual(['Japan']);
});

test('hovering a mention opens its card; the sidebar shows it and lists the page', async ({
  firefox,
  openAnnotated,
  extensionPage,
  openPanel,
}) => {
  const page = await openAnnotated('/demo/');
  const extension = await extensionPage('src/ui/permissions/index.html');
  const tabId = await tabIdOf(extension, page.url());
  const mentions = [...(await recorded(extension, tabId)).mentions].sort((a, b) => a.start - b.start);
  const first = mentions[0]!;
  const card = defaultPack.cards.find((c) => c.id === first.cardId)!;

  const range = (await rangesOf(page))[0]!;
  await page.mouse.move(range.rect.x + range.rect.width / 2, range.rect.y + range.rect.height / 2, { steps: 2 });
  await expect.poll(async () => (await readInPage(firefox, page))?.text ?? '').toContain(card.summary.slice(0, 40));
  const popover = (await readInPage(firefox, page))!;
  expect(popover.role).toBe('dialog');
  expect(popover.text).toContain(card.name);
  await page.screenshot({ path: test.info().outputPath('popover-firefox.png') });

  // Firefox opens its sidebar only from the browser's own controls: the popover says so, and the card waits there.
  const open = popover.buttons.find((b) => b.label === 'Open in side panel')!;
  await page.mouse.click(open.x, open.y);
  await expect.poll(async () => (await readInPage(firefox, page))?.text ?? '').toContain('toolbar button');
  await expect.poll(async () => (await recorded(extension, tabId)).focusCardId).toBe(card.id);

  const panel = await openPanel(tabId);
  await expect
    .poll(() => panel.evaluate(() => document.querySelector('#card-name')?.textContent ?? ''))
    .toBe(card.name);
  // Back from the card to the page's list (the card view's "← This page").
  await panel.evaluate(() => {
    for (const b of document.querySelectorAll('button:not([role="tab"])')) {
      if (/This page/.test(b.textContent ?? '')) (b as HTMLButtonElement).click();
    }
  });
  const cards = new Set(mentions.map((m) => m.cardId));
  await expect
    .poll(() => panel.evaluate(() => document.querySelector('#this-page')?.textContent ?? ''))
    .toContain(`${cards.size} cards`);
  const listed = await panel.evaluate(() => [...document.querySelectorAll('button')].map((b) => b.textContent ?? ''));
  for (const id of cards) expect(listed.some((label) => label.startsWith(names.get(id)!))).toBe(true);
  await panel.screenshot({ path: test.info().outputPath('sidebar-firefox-380.png') });
});

test('the next-mention command opens the first card, and the highlight style reaches the page', async ({
  firefox,
  openAnnotated,
  extensionPage,
}) => {
  const page = await openAnnotated('/demo/');
  const extension = await extensionPage('src/ui/options/index.html');
  // WebDriver's keys do not reach Firefox's shortcut handling: the command's listener is called as Firefox would.
  await extension.evaluate(async (url: string) => {
    const api = (
      globalThis as unknown as { browser: typeof chrome & { runtime: { getBackgroundPage(): Promise<Window> } } }
    ).browser;
    const background = (await api.runtime.getBackgroundPage()) as unknown as {
      dossierCommand(command: string, tab: chrome.tabs.Tab): Promise<unknown>;
    };
    const tab = (await api.tabs.query({})).find((t) => t.url === url)!;
    await background.dossierCommand('next-mention', tab);
  }, page.url());
  await expect.poll(async () => (await readInPage(firefox, page))?.text ?? '').toContain('1 of 7 mentions');

  const style = { mode: 'background', entity: '#ff0000', topic: '#00ff00' };
  expect((await ask(extension, 'highlight.set', { style })).ok).toBe(true);
  // Firefox names no document: the stylesheet goes to the frame (src/background/browser/document-target.ts).
  await expect
    .poll(() =>
      page.evaluate(() => {
        const probe = document.querySelector('h1') ?? document.body;
        return getComputedStyle(probe, '::highlight(ann-entity)').backgroundColor;
      }),
    )
    .toBe('rgba(255, 0, 0, 0.35)');
});
