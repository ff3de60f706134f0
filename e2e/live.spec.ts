import { paintedRanges } from '../scripts/page-probe';
import { expect, test } from './fixtures';

test('text the page adds later is annotated, and text it removes loses its highlight', async ({ context, server }) => {
  const page = await context.newPage();
  await page.goto(`${server.url}/pages/live.html`);
  // Nothing tracked on the page yet.
  await page.waitForTimeout(500);
  expect(await paintedRanges(page)).toEqual([]);

  await page.evaluate(() =>
    (window as unknown as { addEntry: (t: string) => void }).addEntry('Nvidia shares rose after Tencent results.'),
  );
  await expect.poll(async () => (await paintedRanges(page)).map((r) => r.quote)).toEqual(['Nvidia', 'Tencent']);

  await page.evaluate(() => document.querySelector('#feed p:last-child')?.remove());
  await expect.poll(async () => (await paintedRanges(page)).length).toBe(0);

  // Editing text in place counts too.
  await page.evaluate(() => {
    const first = document.getElementById('first')?.firstChild as Text;
    first.data = 'Alibaba opened quietly this morning.';
  });
  await expect.poll(async () => (await paintedRanges(page)).map((r) => r.quote)).toEqual(['Alibaba']);
});
