import type { Page } from 'playwright-core';
import { hoverRange, paintedRanges, readPopover } from '../scripts/page-probe';
import { expect, test } from './fixtures';

/*
 * Pages built to hurt an annotator. On each: no uncaught error of ours, the page keeps working, and Dossier
 * still paints what it should (or degrades visibly rather than breaking).
 */

function watchErrors(page: Page): string[] {
  const ours: string[] = [];
  page.on('pageerror', (e) => {
    if (/chrome-extension:/.test(e.stack ?? '')) ours.push(e.message);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && /chrome-extension:/.test(m.location().url)) ours.push(m.text());
  });
  return ours;
}

const quotes = async (page: Page) => (await paintedRanges(page)).map((r) => r.quote);

test('a strict CSP page (default-src none) is annotated and its popover shows', async ({ context, server }) => {
  const page = await context.newPage();
  const ours = watchErrors(page);
  await page.goto(`${server.url}/pages/hostile/csp.html`);
  await expect.poll(() => quotes(page)).toEqual(['Nvidia', 'Tencent']);
  await hoverRange(page, 0);
  await expect.poll(async () => (await readPopover(page))?.text ?? '').toContain('Nvidia');
  expect(ours).toEqual([]);
});

test('a page that overrides appendChild, MutationObserver, Array.map, JSON.parse and fetch', async ({
  context,
  server,
}) => {
  const page = await context.newPage();
  const ours = watchErrors(page);
  await page.goto(`${server.url}/pages/hostile/overrides.html`);
  await expect.poll(() => quotes(page)).toEqual(['Alibaba', 'ByteDance']);
  await hoverRange(page, 1);
  await expect.poll(async () => (await readPopover(page))?.text ?? '').toContain('ByteDance');
  expect(ours).toEqual([]);
});

test('a page of 50,000 elements', async ({ context, server }) => {
  const page = await context.newPage();
  const ours = watchErrors(page);
  await page.goto(`${server.url}/pages/hostile/big.html`);
  await expect.poll(async () => (await quotes(page)).length, { timeout: 20_000 }).toBe(100);
  expect(await page.evaluate(() => document.querySelectorAll('*').length)).toBeGreaterThan(50_000);
  expect(ours).toEqual([]);
});

test('elements nested 5,000 deep', async ({ context, server }) => {
  const page = await context.newPage();
  const ours = watchErrors(page);
  await page.goto(`${server.url}/pages/hostile/deep.html`);
  await expect.poll(() => quotes(page)).toEqual(['Tencent']);
  expect(ours).toEqual([]);
});

test('five megabytes of text', async ({ context, server }) => {
  const page = await context.newPage();
  const ours = watchErrors(page);
  await page.goto(`${server.url}/pages/hostile/huge-text.html`);
  expect(await page.evaluate(() => document.body.textContent?.length ?? 0)).toBeGreaterThan(5_000_000);
  await expect.poll(async () => (await quotes(page)).length, { timeout: 30_000 }).toBe(25);
  expect(ours).toEqual([]);
});

test('a storm of 1,000 mutations a second for five seconds', async ({ context, server }) => {
  const page = await context.newPage();
  const ours = watchErrors(page);
  await page.goto(`${server.url}/pages/hostile/storm.html`);
  await expect.poll(() => quotes(page)).toContain('Bloomberg');
  // The page's own work finishes on time: our rescans are batched, not one per mutation.
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { stormDone: boolean }).stormDone), { timeout: 10_000 })
    .toBe(true);
  await expect.poll(() => quotes(page)).toEqual(['Bloomberg']);
  expect(ours).toEqual([]);
});
