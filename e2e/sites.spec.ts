import {
  clickNode,
  hoverRange,
  openPanelPage,
  paintedRanges,
  readPopover,
  waitForHighlights,
} from '../scripts/page-probe';
import { expect, test } from './fixtures';

const title = (worker: import('playwright-core').Worker, tabId: number) =>
  worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId);
const recorded = (worker: import('playwright-core').Worker, tabId: number) =>
  worker.evaluate(async (id) => {
    const stored = (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as { frames?: object } | undefined;
    return Object.keys(stored?.frames ?? {}).length;
  }, tabId);

test('the side panel turns Dossier off for a site and pauses it everywhere; an off site is not read at all', async ({
  context,
  worker,
  extensionId,
  openAnnotated,
}) => {
  const { page, tabId } = await openAnnotated('/demo/');
  const panel = await openPanelPage(context, extensionId, tabId);
  const siteBox = panel.getByRole('checkbox', { name: 'On for 127.0.0.1' });
  await expect(siteBox).toBeChecked();

  await siteBox.uncheck();
  await expect.poll(async () => (await paintedRanges(page)).length).toBe(0);
  await expect.poll(() => title(worker, tabId)).toBe('Dossier is off on 127.0.0.1.');
  // Reloaded, the page is not collected or matched: the background records nothing for it.
  await page.reload();
  await page.waitForTimeout(500);
  expect(await recorded(worker, tabId)).toBe(0);
  expect((await paintedRanges(page)).length).toBe(0);

  await siteBox.check();
  await expect.poll(async () => (await paintedRanges(page)).length).toBeGreaterThan(0);

  const pause = panel.getByRole('checkbox', { name: 'Pause everywhere' });
  await pause.check();
  await expect.poll(async () => (await paintedRanges(page)).length).toBe(0);
  await expect.poll(() => title(worker, tabId)).toBe('Dossier is paused everywhere.');
  await pause.uncheck();
  await expect.poll(async () => (await paintedRanges(page)).length).toBeGreaterThan(0);
});

test('"Turn off on this site" in the popover clears the page', async ({ context, server }) => {
  const page = await context.newPage();
  await page.goto(`${server.url}/demo/`);
  await waitForHighlights(page);
  await hoverRange(page, 0);
  await expect
    .poll(async () => (await readPopover(page))?.buttons.map((b) => b.label) ?? [])
    .toContain('Turn off on this site');
  const off = (await readPopover(page))!.buttons.find((b) => b.label === 'Turn off on this site')!;
  await clickNode(page, off.backendNodeId);
  await expect.poll(async () => (await paintedRanges(page)).length).toBe(0);
  await expect.poll(async () => (await readPopover(page))?.hidden).toBe(true);
});
