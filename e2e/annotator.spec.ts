import type { Page } from 'playwright-core';
import { focused, openPanelPage, paintedRanges, readPopover, waitForHighlights } from '../scripts/page-probe';
import { expect, test } from './fixtures';

const quotes = async (page: Page) => (await paintedRanges(page)).map((r) => r.quote);

test('the page cannot fetch any of our files, and annotation still works', async ({ context, extensionId, server }) => {
  const page = await context.newPage();
  await page.goto(`${server.url}/demo/`);
  await waitForHighlights(page);
  const manifest = await (await context.newPage()).goto(`chrome-extension://${extensionId}/manifest.json`);
  const declared = (await manifest!.json()) as { web_accessible_resources?: Array<{ use_dynamic_url?: boolean }> };
  expect((declared.web_accessible_resources ?? []).every((w) => w.use_dynamic_url === true)).toBe(true);
  const reachable = await page.evaluate(async (id) => {
    const paths = ['manifest.json', 'content.js', 'src/content/highlights.css', 'icons/icon-16.png'];
    const out: string[] = [];
    for (const path of paths) {
      try {
        await fetch(`chrome-extension://${id}/${path}`);
        out.push(path);
      } catch {
        // refused: what we want
      }
    }
    return out;
  }, extensionId);
  expect(reachable).toEqual([]);
});

test('only what a reader sees is painted: split names, shadow roots open and closed, frames', async ({
  openAnnotated,
}) => {
  const { page } = await openAnnotated('/pages/reader.html');
  await expect
    .poll(() => quotes(page))
    .toEqual(expect.arrayContaining(['Alibaba', 'ByteDance', 'United\n      States', 'Nvidia', 'Tencent']));
  const painted = await quotes(page);
  // Hidden text, scripts, noscript, form fields and editors are not painted.
  for (const hidden of ['China', 'Japan', 'Taiwan', 'MuleRun']) expect(painted).not.toContain(hidden);
  expect(painted.filter((q) => q === 'Reuters' || q === 'Bloomberg')).toEqual(['Reuters', 'Bloomberg']);
  // The shadow roots' mentions are the visible ones (the hidden Reuters and Bloomberg are in the light DOM).
  const inShadow = await page.evaluate(() => {
    let n = 0;
    for (const key of ['ann-entity', 'ann-topic', 'ann-fuzzy']) {
      for (const r of CSS.highlights.get(key) ?? []) if (r.startContainer.getRootNode() instanceof ShadowRoot) n++;
    }
    return n;
  });
  expect(inShadow).toBe(2);
  const frame = page.frames().find((f) => f.url().endsWith('/frame.html'))!;
  await expect.poll(() => quotes(frame as unknown as Page)).toEqual(['Japan']);
});

test('a keyboard command moves to the next mention and opens its card with focus inside; Escape gives focus back', async ({
  context,
  extensionId,
  openAnnotated,
}) => {
  const { page, tabId } = await openAnnotated('/pages/reader.html');
  const panel = await openPanelPage(context, extensionId, tabId);
  await page.focus('#before');
  // The same handler the shortcut runs (Playwright cannot press browser shortcuts).
  const run = (command: string) =>
    panel.evaluate(
      ([command, tabId]) => chrome.runtime.sendMessage({ type: 'command.run', payload: { command, tabId } }),
      [command, tabId] as const,
    );
  await page.bringToFront();
  expect(await run('next-mention')).toEqual({ ok: true, value: { found: true } });
  await expect.poll(async () => (await readPopover(page))?.hidden).toBe(false);
  await expect.poll(() => focused(page)).toEqual({ role: 'dialog', name: 'Alibaba' });
  const order: Array<{ role: string; name: string } | null> = [];
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    order.push(await focused(page));
  }
  expect(order).toEqual([
    { role: 'button', name: 'Open in side panel' },
    { role: 'button', name: 'Previous mention' },
    { role: 'button', name: 'Next mention' },
    { role: 'button', name: 'Ignore this card here' },
    { role: 'button', name: 'Turn off on this site' },
    { role: 'button', name: 'Pause everywhere' },
  ]);
  expect(await run('next-mention')).toEqual({ ok: true, value: { found: true } });
  await expect.poll(() => focused(page)).toEqual({ role: 'dialog', name: 'ByteDance' });
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await readPopover(page))?.hidden).toBe(true);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('before');
  await run('previous-mention');
  await expect.poll(() => focused(page)).toEqual({ role: 'dialog', name: expect.any(String) });
});

test('a card ignored on a site disappears there and comes back when undone', async ({
  context,
  extensionId,
  openAnnotated,
}) => {
  const { page } = await openAnnotated('/pages/reader.html');
  const panel = await openPanelPage(context, extensionId, 999999);
  const send = (message: unknown) => panel.evaluate((m) => chrome.runtime.sendMessage(m), message);
  // The popover's button sends card.ignore from the page; its effect is the same stored entry.
  const { clickNode, hoverRange } = await import('../scripts/page-probe');
  const index = (await quotes(page)).indexOf('Nvidia');
  await hoverRange(page, index);
  await expect
    .poll(async () => (await readPopover(page))?.buttons.map((b) => b.label) ?? [])
    .toContain('Ignore this card here');
  const ignore = (await readPopover(page))!.buttons.find((b) => b.label === 'Ignore this card here')!;
  await clickNode(page, ignore.backendNodeId);
  await expect.poll(() => quotes(page)).not.toContain('Nvidia');
  expect(await quotes(page)).toContain('Alibaba');
  expect(await send({ type: 'ignored.list', payload: {} })).toEqual({
    ok: true,
    value: [{ site: '127.0.0.1', cardId: 'nvidia', name: 'Nvidia' }],
  });
  expect(await send({ type: 'ignored.remove', payload: { site: '127.0.0.1', cardId: 'nvidia' } })).toMatchObject({
    ok: true,
  });
  await expect.poll(() => quotes(page)).toContain('Nvidia');
});
