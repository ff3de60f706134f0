import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { ask, expect, painted, pressInPage, tabIdOf, test, waitForPainted } from './harness';

/* What a user does besides reading, in Firefox: a pack refused, a clip exported, a highlight kept across a reload. */

const badPacks = resolve(import.meta.dirname, '../e2e/fixtures/bad-packs');

/** The text of every element matching a selector. */
const texts = (page: Page, selector: string) =>
  page.evaluate((s: string) => [...document.querySelectorAll(s)].map((e) => e.textContent ?? ''), selector);

/** Clicks the first button whose text is `label`, as a user does. */
async function clickButton(page: Page, label: string): Promise<void> {
  await page.locator(`button::-p-text(${label})`).click();
}

test('a malformed pack file is refused on the options page with its reason, and nothing changes', async ({
  extensionPage,
}) => {
  const expected = JSON.parse(readFileSync(`${badPacks}.json`, 'utf8')) as Record<string, string>;
  const options = await extensionPage('src/ui/options/index.html');
  await options.waitForSelector('table');
  const before = await texts(options, 'tr');
  const input = (await options.$('input[type="file"]'))!;
  for (const file of ['bad-kind.csv', 'aliases-not-array.json']) {
    await input.uploadFile(resolve(badPacks, file));
    await expect.poll(async () => (await texts(options, '[role="alert"]')).join(' ')).toContain(expected[file]!);
    expect((await texts(options, '[role="alert"]')).join(' ')).toContain('Nothing was imported.');
  }
  const again = await extensionPage('src/ui/options/index.html');
  await again.waitForSelector('table');
  expect(await texts(again, 'tr')).toEqual(before);
});

test('a page is clipped from the sidebar and its Markdown export carries the article and its cards', async ({
  firefox,
  openAnnotated,
  extensionPage,
  openPanel,
}, testInfo) => {
  const page = await openAnnotated('/demo/');
  const extension = await extensionPage('src/ui/permissions/index.html');
  const tabId = await tabIdOf(extension, page.url());
  const panel = await openPanel(tabId);
  await clickButton(panel, 'Clip page');
  await expect
    .poll(async () => (await texts(panel, '[role="status"]')).join(' '))
    .toContain('Clipped “China bets on AI token futures');

  // The export is a download, as in Chromium: Firefox writes it into a folder this test reads.
  const folder = testInfo.outputPath('downloads');
  mkdirSync(folder, { recursive: true });
  await (
    firefox.browser as unknown as { connection: { send: (m: string, p: object) => Promise<unknown> } }
  ).connection.send('browser.setDownloadBehavior', {
    downloadBehavior: { type: 'allowed', destinationFolder: folder },
  });
  await panel.locator('[role="tab"]::-p-text(Clips)').click();
  await panel.locator('button.result').click();
  await clickButton(panel, 'Export Markdown');
  // One Markdown file, complete once Firefox has moved it from its .part file.
  const downloaded = () => {
    const names = readdirSync(folder);
    const md = names.filter((name) => name.endsWith('.md'));
    return md.length === 1 && !names.some((name) => name.endsWith('.part'))
      ? readFileSync(resolve(folder, md[0]!), 'utf8')
      : '';
  };
  await expect.poll(downloaded, { timeout: 15_000 }).not.toBe('');
  expect(readdirSync(folder).filter((name) => name.endsWith('.md'))).toHaveLength(1);
  const markdown = downloaded();
  expect(markdown).toMatch(/^---\ntitle: /);
  expect(markdown).toContain('China bets on AI token futures');
  expect(markdown).toContain('[[Nvidia]]');
  expect(markdown).toContain('Officials in Taiwan suspect that Nvidia chips');
});

test('a highlight made from the selection toolbar is painted again after a reload', async ({
  firefox,
  openAnnotated,
}) => {
  const page = await openAnnotated('/demo/');
  const phrase = 'rented inside overseas data centers';
  const found = await page.evaluate((wanted: string) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(wanted);
      if (at < 0) continue;
      (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      return true;
    }
    return false;
  }, phrase);
  expect(found).toBe(true);
  // The toolbar follows a key release, as after selecting with Shift+arrows.
  await page.keyboard.press('Shift');
  await pressInPage(firefox, page, 'Highlight');
  await expect.poll(() => painted(page, 'ann-mark')).toEqual([phrase]);

  await page.reload();
  await waitForPainted(page);
  await expect.poll(() => painted(page, 'ann-mark')).toEqual([phrase]);
});

test('a page captured as evidence in Firefox keeps its serialised DOM, and the viewer shows it', async ({
  openAnnotated,
  extensionPage,
  openPanel,
}, testInfo) => {
  const page = await openAnnotated('/demo/');
  const extension = await extensionPage('src/ui/permissions/index.html');
  const tabId = await tabIdOf(extension, page.url());
  const panel = await openPanel(tabId);
  await panel.locator('label.evidence-check input').click();
  await clickButton(panel, 'Clip page');
  await expect
    .poll(async () => (await texts(panel, '[role="status"]')).join(' '), { timeout: 30_000 })
    .toMatch(/Captured as evidence: snapshot\.html/);
  const list = await ask<
    Array<{ captureId: string; snapshot: string; gaps: string[]; files: Array<{ name: string }> }>
  >(panel, 'evidence.list', {});
  expect(list.value).toHaveLength(1);
  const capture = list.value[0]!;
  // Firefox has no pageCapture: the snapshot is the serialised DOM.
  expect(capture.snapshot).toBe('dom');
  expect(capture.files.map((file) => file.name)).toEqual(['snapshot.html', 'screenshot.png']);
  const viewer = await extensionPage(`src/ui/evidence/index.html?capture=${capture.captureId}`);
  await viewer.waitForSelector('iframe[title="Snapshot of the page"]');
  // The frame is sandboxed with an opaque origin: its document is read as the viewer wrote it.
  const srcdoc = await viewer.evaluate(
    () => document.querySelector('iframe[title="Snapshot of the page"]')?.getAttribute('srcdoc') ?? '',
  );
  expect(srcdoc).toContain('China bets on AI token futures');
  expect(srcdoc).toContain("default-src 'none'");
  expect(srcdoc).not.toMatch(/<script/i);
  await viewer.screenshot({ path: testInfo.outputPath('viewer-firefox.png') });
});
