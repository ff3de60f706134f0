import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serviceWorker } from '../scripts/browser';
import {
  clickNode,
  hoverRange,
  openPanelPage,
  paintedRanges,
  readPopover,
  recordedState,
  tabIdOf,
  waitForHighlights,
} from '../scripts/page-probe';
import { scorePage } from '../src/cli/score';
import defaultPack from '../src/packs/default-pack.json' with { type: 'json' };
import { expect, test } from './fixtures';

interface Gold {
  entity: string;
  quote: string;
  prefix: string;
  suffix: string;
  optional: boolean;
}
const gold = JSON.parse(readFileSync(resolve(import.meta.dirname, '../demo/gold.json'), 'utf8')).mentions as Gold[];
const names = new Map(defaultPack.cards.map((c) => [c.id, c.name]));
test('the demo page is painted with exactly its hand-checked mentions', async ({ worker, openAnnotated }) => {
  const { page, tabId } = await openAnnotated('/demo/');
  await expect.poll(async () => (await recordedState(worker, tabId)).mentions.length).toBeGreaterThan(0);
  const state = await recordedState(worker, tabId);
  const painted = await paintedRanges(page);
  const mentions = [...state.mentions].sort((a, b) => a.start - b.start);
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
});

test('hovering a mention opens its card; the side panel opens on it and lists the page', async ({
  context,
  worker,
  extensionId,
  openAnnotated,
}) => {
  const { page, tabId } = await openAnnotated('/demo/');
  const state = await recordedState(worker, tabId);
  const mentions = [...state.mentions].sort((a, b) => a.start - b.start);
  const first = mentions[0]!;
  const card = defaultPack.cards.find((c) => c.id === first.cardId)!;

  await hoverRange(page, 0);
  await expect.poll(async () => (await readPopover(page))?.text ?? '').toContain(card.summary.slice(0, 40));
  const popover = (await readPopover(page))!;
  expect(popover.role).toBe('dialog');
  expect(popover.text).toContain(card.name);
  const open = popover.buttons.find((b) => b.label === 'Open in side panel');
  expect(open).toBeTruthy();

  await clickNode(page, open!.backendNodeId);
  // The background records the card only once chrome.sidePanel.open has resolved.
  await expect
    .poll(() =>
      worker.evaluate(async (id) => {
        const got = await chrome.storage.session.get(`tab:${id}`);
        return (got[`tab:${id}`] as { focusCardId?: string } | undefined)?.focusCardId ?? null;
      }, tabId),
    )
    .toBe(card.id);

  const panel = await openPanelPage(context, extensionId, tabId);
  await expect(panel.getByRole('heading', { name: card.name, level: 2 })).toBeVisible();
  await panel.getByRole('button', { name: /This page/ }).click();
  const cards = new Set(mentions.map((m) => m.cardId));
  await expect(panel.getByRole('heading', { name: /This page/ })).toContainText(`${cards.size} cards`);
  for (const id of cards) {
    await expect(panel.getByRole('button', { name: new RegExp(`^${escapeRegExp(names.get(id)!)}`) })).toBeVisible();
  }
});

test("annotation and hover leave the page's DOM as it was, apart from one host element", async ({
  context,
  server,
}) => {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const records: string[] = [];
    (window as unknown as { __mutations: string[] }).__mutations = records;
    new MutationObserver((list) => {
      for (const m of list) {
        const added = [...m.addedNodes].map(
          (n) => `${n.nodeName}${n instanceof Element ? `[${n.getAttributeNames().join(',')}]` : ''}`,
        );
        records.push(
          `${m.type}:${(m.target as Element).nodeName}:${m.attributeName ?? ''}:+${added.join('|')}:-${m.removedNodes.length}`,
        );
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await page.goto(`${server.url}/demo/`);
  const html = await page.evaluate(() => document.documentElement.outerHTML);
  await waitForHighlights(page);
  await page.waitForTimeout(300);
  const mutations = () => page.evaluate(() => (window as unknown as { __mutations: string[] }).__mutations);
  // Mutations observed from document start include the parser building the page; none may come after load.
  const atLoad = await mutations();
  await page.evaluate(() => {
    (window as unknown as { __mutations: string[] }).__mutations.length = 0;
  });
  expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(html);

  await hoverRange(page, 0);
  await expect.poll(async () => (await readPopover(page))?.hidden === false).toBe(true);
  expect(await mutations()).toEqual(['childList:HTML::+DIV[]:-0']);
  expect(atLoad.every((m) => !m.startsWith('attributes'))).toBe(true);
});

test('a page with no mentions shows nothing and logs no error', async ({ context, worker, server }) => {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/pages/plain.html`);
  const tabId = await tabIdOf(worker, page);
  await expect
    .poll(() => worker.evaluate(async (id) => Object.keys(await chrome.storage.session.get(`tab:${id}`)).length, tabId))
    .toBe(1);
  expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
  expect(await page.evaluate(() => document.documentElement.lastElementChild?.nodeName)).toBe('BODY');
  expect(errors).toEqual([]);
});

test('the background answers malformed and foreign messages with an error result', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/ui/side-panel/index.html?tab=999999`);
  const answers = await page.evaluate(async () => {
    const send = (m: unknown) => chrome.runtime.sendMessage(m);
    return [
      await send('hello'),
      await send(null),
      await send({ type: 'drop.tables', payload: {} }),
      await send({ type: 'card.get', payload: { id: 42 } }),
      await send({ type: 'card.get', payload: { id: 'china', extra: true } }),
      await send({ type: 'page.match', payload: { text: 'China', url: '', title: '' } }),
      await send({ type: 'card.get', payload: { id: 'china' } }),
    ];
  });
  for (const answer of answers.slice(0, -1)) expect(answer).toMatchObject({ ok: false, error: expect.any(String) });
  expect(answers.at(-1)).toMatchObject({ ok: true, value: { id: 'china', name: 'China' } });
});

test('a stopped service worker is woken by a hover and answers', async ({ context, worker, openAnnotated }) => {
  const { page, tabId } = await openAnnotated('/demo/');
  const mentions = [...(await recordedState(worker, tabId)).mentions].sort((a, b) => a.start - b.start);
  const cdp = await context.newCDPSession(page);
  const statuses: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) statuses.push(version.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => statuses.at(-1)).toBe('stopped');

  const index = mentions.findIndex((m) => m.cardId !== mentions[0]!.cardId);
  const card = defaultPack.cards.find((c) => c.id === mentions[index]!.cardId)!;
  await hoverRange(page, index);
  await expect
    .poll(async () => (await readPopover(page))?.text ?? '', { timeout: 15_000 })
    .toContain(card.summary.slice(0, 40));
  expect(statuses).toContain('starting');
  expect(statuses.at(-1)).toBe('running');

  // The woken worker matches a page again from the dictionary it cached, without recompiling.
  const woken = await serviceWorker(context);
  // The cache is binary parts in an IndexedDB database of its own; nothing of it is left in storage.local.
  const cache = await woken.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('dossier-dictionary-cache');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const parts = await new Promise<unknown[]>((resolve) => {
      const all = db.transaction('parts').objectStore('parts').getAll();
      all.onsuccess = () => resolve(all.result);
    });
    db.close();
    return {
      binary: parts.filter((p) => p instanceof ArrayBuffer).length,
      legacy: Object.keys(await chrome.storage.local.get('dictionary-cache')),
    };
  });
  expect(cache).toEqual({ binary: 23, legacy: [] });
  await page.reload();
  await waitForHighlights(page);
  expect((await paintedRanges(page)).length).toBe(mentions.length);
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('on a page where extensions cannot run, the toolbar button says why Dossier is idle', async ({
  context,
  worker,
}) => {
  const page = await context.newPage();
  await page.goto('chrome://version/');
  const tabId = await tabIdOf(worker, page);
  await expect
    .poll(() => worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId))
    .toBe('Dossier is idle here. Extensions cannot run on browser pages.');
});
