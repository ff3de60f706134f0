import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { refuseOutsideRequests } from '../scripts/browser';
import { missingShared, skipWithoutShared } from '../scripts/needs-shared';
import { openPanelPage, tabIdOf } from '../scripts/page-probe';
import { expect, test } from './fixtures';

/*
 * The insight page (entity network, world map, timeline) drawn from the corpus pages clipped with the default
 * pack and the corpus pack: what it draws, what a click opens, in light and dark (screenshots in screenshots/).
 */

const root = resolve(import.meta.dirname, '..');
const corpus = resolve(root, '../shared/corpus/dev');
const pages = (() => {
  try {
    return readdirSync(corpus);
  } catch {
    return [];
  }
})();

/** Pixels of an element's screenshot that differ from its top-left pixel (its background). */
async function inkedPixels(page: Page, selector: string): Promise<number> {
  const png = (await page.locator(selector).screenshot()).toString('base64');
  return page.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height).data;
    let inked = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      const d =
        Math.abs((pixels[i] ?? 0) - (pixels[0] ?? 0)) +
        Math.abs((pixels[i + 1] ?? 0) - (pixels[1] ?? 0)) +
        Math.abs((pixels[i + 2] ?? 0) - (pixels[2] ?? 0));
      if (d > 24) inked++;
    }
    return inked;
  }, png);
}

test('the network, map and timeline of the clipped corpus pages: drawn, clickable, light and dark', async ({
  context,
  worker,
  extensionId,
  server,
}) => {
  test.skip(
    skipWithoutShared(pages.length > 0, 'the insight page of the corpus'),
    'the shared corpus is not beside the project',
  );
  expect(pages.length > 0, missingShared('The insight page of the corpus')).toBe(true);
  test.setTimeout(240_000);
  await refuseOutsideRequests(context);
  const panel = await openPanelPage(context, extensionId, 0);
  const imported = (await panel.evaluate(
    (text) => chrome.runtime.sendMessage({ type: 'pack.import', payload: { fileName: 'corpus.csv', text } }),
    readFileSync(resolve(root, '../shared/corpus/pack.csv'), 'utf8'),
  )) as { ok: boolean; error?: string };
  expect(imported.error ?? null).toBeNull();
  for (const name of pages) {
    const page = await context.newPage();
    await page.goto(`${server.url}/corpus/dev/${name}/source.html`, { waitUntil: 'load' });
    const tabId = await tabIdOf(worker, page);
    const answer = (await panel.evaluate(
      (id) => chrome.runtime.sendMessage({ type: 'clip.save', payload: { tabId: id } }),
      tabId,
    )) as { ok: boolean; error?: string };
    expect(answer.error ?? null, name).toBeNull();
    await page.close();
  }
  const data = (await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'insights.data', payload: {} }))) as {
    ok: boolean;
    value: { articles: Array<{ counts: Record<string, number> }> };
  };
  expect(data.value.articles).toHaveLength(pages.length);
  const mentioned = new Set(data.value.articles.flatMap((a) => Object.keys(a.counts)));

  const insights = await context.newPage();
  await insights.goto(`chrome-extension://${extensionId}/src/ui/insights/index.html#network`);
  const canvas = insights.locator('.network-canvas');
  await expect(canvas).toHaveAttribute('data-painted', 'true');
  // Every card a clip mentions is a node; the corpus pages share many, so there are links.
  expect(Number(await canvas.getAttribute('data-nodes'))).toBe(mentioned.size);
  expect(Number(await canvas.getAttribute('data-edges'))).toBeGreaterThan(mentioned.size);
  expect(await inkedPixels(insights, '.network-canvas')).toBeGreaterThan(5000);
  console.log(`network: ${await insights.locator('.network-stats').textContent()}`);

  // A click on China's node opens its card and lists the articles mentioning it.
  const point = await insights.evaluate(() =>
    (globalThis as unknown as { dossierNodePoint: (id: string) => { x: number; y: number } }).dossierNodePoint('china'),
  );
  const box = (await canvas.boundingBox()) as { x: number; y: number };
  await insights.mouse.click(box.x + point.x, box.y + point.y);
  const pane = insights.locator('.insight-pane[data-card="china"]');
  await expect(pane.getByRole('heading', { name: 'China' })).toBeVisible();
  await expect(pane.getByRole('heading', { name: 'Key signals' })).toBeVisible();
  const chinaArticles = data.value.articles.filter((a) => (a.counts.china ?? 0) > 0).length;
  await expect(pane.locator('.insight-articles li')).toHaveCount(chinaArticles);
  await insights.screenshot({ path: 'screenshots/insights-network-light.png' });

  // A click on a link (midway between two cards mentioned together, the midpoint farthest from any card) lists
  // the articles mentioning both.
  // (Closing the card widens the canvas: positions are read after.)
  await insights.getByRole('button', { name: 'Close the card' }).click();
  await insights.waitForTimeout(300);
  const pairs = data.value.articles.flatMap((a) => {
    const ids = Object.keys(a.counts).sort();
    return ids.flatMap((x, i) => ids.slice(i + 1).map((y) => [x, y] as [string, string]));
  });
  const edge = await insights.evaluate(
    ([candidates, ids]) => {
      const g = globalThis as unknown as { dossierNodePoint: (id: string) => { x: number; y: number } };
      const points = ids.map((id) => g.dossierNodePoint(id));
      let best = { x: 0, y: 0, clearance: 0, pair: candidates[0] as [string, string] };
      for (const pair of candidates) {
        const a = g.dossierNodePoint(pair[0]);
        const b = g.dossierNodePoint(pair[1]);
        const x = (a.x + b.x) / 2;
        const y = (a.y + b.y) / 2;
        const clearance = Math.min(...points.map((p) => Math.hypot(p.x - x, p.y - y)));
        if (clearance > best.clearance) best = { x, y, clearance, pair };
      }
      return best;
    },
    [pairs, [...mentioned]] as const,
  );
  await insights.mouse.click(box.x + edge.x, box.y + edge.y);
  const edgePane = insights.locator('.edge-pane');
  await expect(edgePane.getByRole('heading')).toContainText('—');
  const linked = data.value.articles.filter(
    (a) => (a.counts[edge.pair[0]] ?? 0) > 0 && (a.counts[edge.pair[1]] ?? 0) > 0,
  );
  await expect(edgePane.locator('.insight-articles li')).toHaveCount(linked.length);
  await expect(edgePane.locator('.insight-articles li').first()).toBeVisible();
  await insights.screenshot({ path: 'screenshots/insights-network-edge-light.png' });

  // The view's buttons (for the keyboard): zoom in about the centre, then fit the whole network again.
  const chinaAt = () =>
    insights.evaluate(() =>
      (globalThis as unknown as { dossierNodePoint: (id: string) => { x: number; y: number } }).dossierNodePoint(
        'china',
      ),
    );
  const fitted = await chinaAt();
  const size = (await canvas.boundingBox()) as { width: number; height: number };
  const centre = { x: size.width / 2, y: size.height / 2 };
  await insights.getByRole('button', { name: 'Zoom in' }).focus();
  await insights.keyboard.press('Enter');
  await expect
    .poll(async () => {
      const zoomed = await chinaAt();
      return (
        Math.hypot(zoomed.x - centre.x, zoomed.y - centre.y) / Math.hypot(fitted.x - centre.x, fitted.y - centre.y)
      );
    })
    .toBeCloseTo(1.25, 1);
  await insights.getByRole('button', { name: 'Fit' }).click();
  await expect.poll(async () => (await chinaAt()).x).toBeCloseTo(fitted.x, 0);

  // The map shades the tracked countries mentioned; a click opens the country's card.
  await insights.getByRole('tab', { name: 'Map' }).click();
  const world = insights.locator('svg.world');
  // China carries its code; the corpus pack's countries (a CSV pack) are known by their names.
  expect(Number(await world.getAttribute('data-shaded'))).toBeGreaterThanOrEqual(3);
  await expect(insights.locator('path.country[data-iso="GB"]')).not.toHaveClass(/level-0/);
  const china = insights.locator('path.country[data-iso="CN"]');
  await expect(china).not.toHaveClass(/level-0/);
  await china.click();
  await expect(insights.locator('.insight-pane[data-card="china"]')).toBeVisible();
  await insights.screenshot({ path: 'screenshots/insights-map-light.png' });

  // The timeline of Nvidia: its mentions per week add up to those of the clips.
  await insights.getByRole('tab', { name: 'Timeline' }).click();
  await insights.getByRole('combobox', { name: 'Card' }).selectOption({ label: 'Nvidia' });
  const chart = insights.locator('svg.chart');
  const nvidia = data.value.articles.reduce((sum, a) => sum + (a.counts.nvidia ?? 0), 0);
  await expect(chart).toHaveAttribute('data-total', String(nvidia));
  await insights.getByRole('combobox', { name: 'By' }).selectOption('month');
  await expect(chart).toHaveAttribute('data-total', String(nvidia));
  await insights.screenshot({ path: 'screenshots/insights-timeline-light.png' });

  // Dark mode.
  await insights.emulateMedia({ colorScheme: 'dark' });
  for (const view of ['network', 'map', 'timeline']) {
    await insights.goto(`chrome-extension://${extensionId}/src/ui/insights/index.html#${view}?card=china`);
    await insights.reload();
    if (view === 'network') await expect(canvas).toHaveAttribute('data-painted', 'true');
    else await expect(insights.locator(view === 'map' ? 'svg.world' : 'svg.chart')).toBeVisible();
    await insights.screenshot({ path: `screenshots/insights-${view}-dark.png` });
  }
});
