import { paintedRanges, tabIdOf } from '../scripts/page-probe';
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

test('a single-page app’s navigation: the new route’s mentions are painted and counted under its new address', async ({
  context,
  server,
  worker,
}) => {
  const page = await context.newPage();
  await page.goto(`${server.url}/pages/live.html`);
  const tabId = await tabIdOf(worker, page);
  // Read once with nothing tracked on it: what follows is a live page's report.
  await page.waitForTimeout(500);
  await page.evaluate(() =>
    (window as unknown as { addEntry: (t: string) => void }).addEntry('Nvidia shares rose after Tencent results.'),
  );
  const badge = () => worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  await expect.poll(badge).toBe('2');

  // The app swaps in its next story and changes the address twice for it, as routers do.
  await page.evaluate(() => {
    history.pushState(null, '', '/pages/live.html?story=2');
    const feed = document.getElementById('feed')!;
    feed.replaceChildren();
    (window as unknown as { addEntry: (t: string) => void }).addEntry('Alibaba reported later in the day.');
    history.replaceState({ story: 2 }, '', '/pages/live.html?story=2#top');
  });
  await expect.poll(async () => (await paintedRanges(page)).map((r) => r.quote)).toEqual(['Alibaba']);
  await expect.poll(badge).toBe('1');
  // Back: the first route's address again, with what the page shows then.
  await page.evaluate(() => {
    document.getElementById('feed')!.replaceChildren();
    (window as unknown as { addEntry: (t: string) => void }).addEntry('Tencent and Alibaba, side by side.');
    history.back();
  });
  await expect.poll(badge).toBe('2');
  expect(page.url()).toMatch(/live\.html$/);
});
