import { paintedRanges, readPopover, tabIdOf, waitForHighlights } from '../scripts/page-probe';
import { expect, test } from './fixtures';

test('the next/previous-mention command opens each card with focus inside; Escape closes it and returns focus', async ({
  context,
  worker,
  server,
}) => {
  const page = await context.newPage();
  await page.goto(`${server.url}/demo/`);
  await waitForHighlights(page);
  const painted = await paintedRanges(page);
  const tabId = await tabIdOf(worker, page);
  // What the background's command handler sends to the active tab (Playwright cannot press browser shortcuts).
  const step = (direction: 'next' | 'previous') =>
    worker.evaluate(
      ({ id, direction }) => chrome.tabs.sendMessage(id, { type: 'page.step', payload: { direction } }, { frameId: 0 }),
      { id: tabId, direction },
    );
  await page.getByRole('link', { name: 'World', exact: true }).focus();

  expect(await step('next')).toEqual({ ok: true, value: { found: true } });
  await expect.poll(async () => (await readPopover(page))?.hidden).toBe(false);
  const first = (await readPopover(page))!;
  expect(first.role).toBe('dialog');
  // The demo page's first mention is "U.S." in its navigation bar.
  expect(painted[0]!.quote).toBe('U.S.');
  expect(first.text).toMatch(/^United States country Alias: U\.S\./);
  // Focus is inside our (closed) shadow root: the page sees our host element as the active element.
  expect(await page.evaluate(() => document.activeElement === document.documentElement.lastElementChild)).toBe(true);
  // Buttons in tab order (their accessible names and focus order are checked in annotator.spec.ts).
  expect(first.buttons.map((b) => b.label)).toEqual([
    'Open in side panel',
    '‹',
    '›',
    'Ignore this card here',
    'Turn off on this site',
    'Pause everywhere',
  ]);

  await step('next');
  await expect.poll(async () => (await readPopover(page))?.text).not.toBe(first.text);
  await step('previous');
  await expect.poll(async () => (await readPopover(page))?.text).toBe(first.text);

  await page.keyboard.press('Escape');
  await expect.poll(async () => (await readPopover(page))?.hidden).toBe(true);
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('World');
});
