import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { openPanelPage } from '../scripts/page-probe';
import { expect, test } from './fixtures';

/*
 * A PDF's clip may keep the file itself (the user's choice, up to 50 MB): the kept copy opens in the reader from
 * Dossier's store once the PDF's server is gone, goes when the clip is deleted, and a larger file is clipped
 * without it, saying so.
 */

const DEMO = new Uint8Array(readFileSync('e2e/pages/pdf/demo.pdf'));

/** A server of one PDF's bytes, counting its requests; closed by the test. */
async function pdfServer(bytes: Uint8Array): Promise<{ url: string; requests: () => number; server: Server }> {
  let requests = 0;
  const server = createServer((_req, res) => {
    requests++;
    res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(bytes.byteLength) });
    res.end(bytes);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/report.pdf`, requests: () => requests, server };
}

const close = (server: Server) =>
  new Promise<void>((done) => {
    server.closeAllConnections();
    server.close(() => done());
  });

/** Opens a PDF in the reader, reads it to its end, and returns the reader and its tab id. */
async function openRead(context: BrowserContext, extensionId: string, worker: Worker, url: string) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/pdf.html?file=${encodeURIComponent(url)}`);
  await expect(page.locator('#mention-count')).toHaveText(/^\d+ mentions$/, { timeout: 30_000 });
  await expect(page.locator('#viewer')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  const tabId = await worker.evaluate(
    async (prefix) => (await chrome.tabs.query({})).find((t) => t.url?.startsWith(prefix))?.id ?? -1,
    `chrome-extension://${extensionId}/pdf.html`,
  );
  return { page, tabId };
}

const ask = (panel: Page, type: string, payload: object) =>
  panel.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const);

test('a clip that keeps its PDF opens from the store with no server, and its file goes with the clip', async ({
  context,
  extensionId,
  worker,
}) => {
  const source = await pdfServer(DEMO);
  const { page, tabId } = await openRead(context, extensionId, worker, source.url);
  const mentions = await page.locator('#mention-count').textContent();
  const panel = await openPanelPage(context, extensionId, tabId);
  // The side panel offers the choice on a PDF, with its cap, and says what became of the file.
  const keep = panel.getByRole('checkbox', { name: /Keep the PDF file with the clip \(up to 50 MB/ });
  await expect(keep).not.toBeChecked();
  await keep.check();
  await panel.getByRole('button', { name: 'Clip page' }).click();
  await expect(panel.getByRole('status').filter({ hasText: /Its file \(0\.\d MB\) is kept with it\./ })).toBeVisible();
  const clips = await ask(panel, 'clips.list', {});
  const clip = clips.value[0];
  expect(clip.pdf).toMatchObject({
    kept: true,
    bytes: DEMO.byteLength,
    sha256: createHash('sha256').update(DEMO).digest('hex'),
  });
  await page.close();

  // The PDF's server is gone: the kept copy opens from the store, with its mentions.
  const before = source.requests();
  await close(source.server);
  const kept = await context.newPage();
  await kept.goto(`chrome-extension://${extensionId}/pdf.html?clip=${clip.clipId}`);
  await expect(kept.locator('#kept')).toBeVisible();
  await expect(kept.locator('#mention-count')).toHaveText(mentions ?? '');
  await expect(kept.locator('.page[data-page="1"] .textLayer')).toBeAttached();
  expect(source.requests()).toBe(before);
  // The clip's reader view links to it.
  await panel.reload();
  await panel.getByRole('tab', { name: 'Clips' }).click();
  await panel.getByRole('button', { name: clip.title }).first().click();
  await expect(panel.getByRole('link', { name: 'Open the kept PDF' })).toHaveAttribute(
    'href',
    `chrome-extension://${extensionId}/pdf.html?clip=${clip.clipId}`,
  );

  // Deleting the clip deletes the file: Undo brings back the clip without it.
  expect(await ask(panel, 'clip.delete', { clipId: clip.clipId })).toMatchObject({ ok: true });
  expect(await ask(panel, 'clip.file', { clipId: clip.clipId })).toMatchObject({
    ok: false,
    error: 'This clip keeps no PDF file: open it from its address.',
  });
  const back = await ask(panel, 'clip.restore', { clipId: clip.clipId });
  expect(back.value.pdf.kept).toBe(false);
  const gone = await context.newPage();
  await gone.goto(`chrome-extension://${extensionId}/pdf.html?clip=${clip.clipId}`);
  await expect(gone.locator('#status')).toHaveText('This clip keeps no PDF file: open it from its address.');
  // Nothing is left behind in the extension's hand-over storage.
  expect(await worker.evaluate(async () => (await (await caches.open('dossier-handover')).keys()).length)).toBe(0);
});

test('a PDF over the 50 MB cap is clipped without its file, and the side panel says why', async ({
  context,
  extensionId,
  worker,
}) => {
  // The demo PDF with 51 MB of comment after it, then its own startxref again: the same document, larger.
  const text = Buffer.from(DEMO).toString('latin1');
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1];
  expect(startxref).toBeDefined();
  const padding = new Uint8Array(51 * 1048576).fill(0x20);
  padding[0] = 0x25; // '%': a comment line
  const tail = new TextEncoder().encode(`\nstartxref\n${startxref}\n%%EOF\n`);
  const big = new Uint8Array(DEMO.byteLength + 1 + padding.byteLength + tail.byteLength);
  big.set(DEMO, 0);
  big[DEMO.byteLength] = 0x0a;
  big.set(padding, DEMO.byteLength + 1);
  big.set(tail, DEMO.byteLength + 1 + padding.byteLength);
  const source = await pdfServer(big);
  try {
    const { tabId } = await openRead(context, extensionId, worker, source.url);
    const panel = await openPanelPage(context, extensionId, tabId);
    await panel.getByRole('checkbox', { name: /Keep the PDF file/ }).check();
    await panel.getByRole('button', { name: 'Clip page' }).click();
    await expect(
      panel.getByRole('status').filter({
        hasText: `Its file (${(big.byteLength / 1048576).toFixed(1)} MB) is over the 50 MB Dossier keeps: the clip is kept without it.`,
      }),
    ).toBeVisible({ timeout: 20_000 });
    const clips = await ask(panel, 'clips.list', {});
    expect(clips.value[0].pdf).toMatchObject({ kept: false, bytes: big.byteLength });
  } finally {
    await close(source.server);
  }
});
