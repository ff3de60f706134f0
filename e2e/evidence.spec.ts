import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { BrowserContext, Page } from 'playwright-core';
import { refuseOutsideRequests } from '../scripts/browser';
import { missingShared, skipWithoutShared } from '../scripts/needs-shared';
import { openPanelPage, tabIdOf } from '../scripts/page-probe';
import { verifyBundle } from '../src/evidence/verify';
import { addNote } from './annotate';
import { expect, test } from './fixtures';

/*
 * Evidence-grade capture, end to end: a case, pages captured as evidence (the demo page, a corpus page), the
 * snapshot viewed offline, the working copy annotated, the case exported as a signed bundle; the bundle verifies,
 * and one changed byte or one removed log entry makes it fail, naming what changed.
 */

const corpusPage = resolve(import.meta.dirname, '../../shared/corpus/dev/bbc-1/source.html');
const FIXTURE = resolve(import.meta.dirname, 'fixtures/evidence/demo-case.zip');
const ROOT = resolve(import.meta.dirname, '..');

/** Makes the user's signing key on the options page, as a user does; its fingerprint. */
async function makeSigningKey(context: BrowserContext, extensionId: string): Promise<string> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/ui/options/index.html`);
  await options.getByRole('button', { name: 'Make a signing key' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'signing key is ready' })).toBeVisible();
  const fingerprint = (await options.getByTestId('key-fingerprint').textContent()) ?? '';
  await options.close();
  return fingerprint;
}

/** Creates a case from the panel's header, as the current case. */
async function newCase(panel: Page, name: string, always: boolean): Promise<void> {
  await panel.getByRole('button', { name: 'New case' }).click();
  await panel.getByLabel('Name').fill(name);
  if (always) await panel.getByRole('checkbox', { name: 'Capture every clip of this case as evidence' }).check();
  await panel.getByRole('button', { name: 'Create case' }).click();
  await expect(panel.getByRole('combobox', { name: 'Case' })).toHaveValue(/^[0-9a-f]{16}$/);
}

/** Opens a case's file from the list of cases and exports it; the bundle's bytes. */
async function exportCase(panel: Page, name: string, sign: boolean): Promise<Uint8Array> {
  await panel.getByRole('button', { name: 'Cases', exact: true }).click();
  await panel.getByRole('button', { name }).first().click();
  const signBox = panel.getByRole('checkbox', { name: 'Sign with my key' });
  if (sign) await expect(signBox).toBeChecked();
  else if (await signBox.count()) await signBox.uncheck();
  const download = panel.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export case (ZIP)' }).click();
  const file = await (await download).path();
  await expect(panel.getByRole('status').filter({ hasText: /^Exported dossier-case-/ })).toBeVisible();
  return new Uint8Array(readFileSync(file));
}

function edit(zip: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(zip);
  change(files);
  return zipSync(files);
}

/** Runs `npm run verify`'s program on a bundle: its exit code and output. */
function verifyCli(path: string): { code: number; output: string } {
  try {
    const output = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/verify.ts', path], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    return { code: 0, output };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { code: failed.status, output: failed.stdout };
  }
}

test('a case captured as evidence, viewed offline, annotated and exported verifies; a changed byte or a removed entry does not', async ({
  context,
  worker,
  extensionId,
  server,
  openAnnotated,
}, testInfo) => {
  const corpusHere = existsSync(corpusPage);
  test.skip(skipWithoutShared(corpusHere, 'capturing a corpus page as evidence'), 'the shared corpus is missing');
  expect(corpusHere, missingShared('Capturing a corpus page as evidence')).toBe(true);
  test.setTimeout(120_000);
  await refuseOutsideRequests(context);
  const fingerprint = await makeSigningKey(context, extensionId);

  // A case that captures every clip filed into it.
  const { page: demo, tabId } = await openAnnotated('/demo/');
  const panel = await openPanelPage(context, extensionId, tabId);
  await newCase(panel, 'Token futures', true);
  await expect(panel.getByRole('checkbox', { name: 'Capture as evidence' })).toBeChecked();
  await panel.getByRole('button', { name: 'Clip page' }).click();
  await expect(panel.getByRole('status').filter({ hasText: /^Clipped/ })).toContainText(
    'into the case “Token futures”. Captured as evidence: snapshot.mhtml, screenshot.png.',
    { timeout: 30_000 },
  );

  // A corpus page, clipped from its own panel into the same (current) case.
  const corpus = await context.newPage();
  await corpus.goto(`${server.url}/corpus/dev/bbc-1/source.html`, { waitUntil: 'load' });
  const corpusPanel = await openPanelPage(context, extensionId, await tabIdOf(worker, corpus));
  await corpusPanel.getByRole('button', { name: 'Clip page' }).click();
  await expect(corpusPanel.getByRole('status').filter({ hasText: /^Clipped/ })).toContainText(
    'Captured as evidence: snapshot.mhtml, screenshot.png.',
    {
      timeout: 30_000,
    },
  );
  await corpusPanel.close();

  // The demo page's snapshot, viewed from its clip: nothing is fetched but the extension's own files.
  // The new case's file shows; back to the list of cases, back to the panel's tabs.
  await panel.getByRole('button', { name: '← Back' }).click();
  await panel.getByRole('button', { name: '← Back' }).click();
  await panel.getByRole('tab', { name: 'Clips' }).click();
  await panel
    .getByRole('button', { name: /China bets on AI token futures/ })
    .first()
    .click();
  const opened = context.waitForEvent('page');
  await panel.getByRole('button', { name: 'View snapshot' }).click();
  const viewer = await opened;
  const snapshot = viewer.frameLocator('iframe[title="Snapshot of the page"]');
  await expect(snapshot.getByRole('heading', { level: 1 })).toContainText('China bets on AI token futures');
  // Every request of the viewer and its frame, from a fresh load; and any load the CSP had to refuse.
  const requests: string[] = [];
  const refused: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  viewer.on('console', (message) => {
    if (/Refused to|Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  await viewer.reload();
  await expect(snapshot.getByRole('heading', { level: 1 })).toContainText('China bets on AI token futures');
  await expect(viewer.getByLabel('Capture record')).toContainText('snapshot.mhtml');
  await expect(viewer.getByLabel('Capture record')).toContainText('not available: the browser shows response headers');
  await viewer.screenshot({ path: testInfo.outputPath('viewer.png') });
  // The page's scripts never ran in the snapshot (none is left in it).
  expect(await snapshot.locator('script').count()).toBe(0);
  expect(requests.length, 'the request log saw the viewer load').toBeGreaterThan(0);
  const outside = requests.filter((url) => !url.startsWith(`chrome-extension://${extensionId}/`));
  expect(outside, 'the viewer fetched nothing from the web').toEqual([]);
  expect(refused, 'nothing even tried to load').toEqual([]);
  await viewer.getByRole('button', { name: 'Show the screenshot' }).click();
  await expect(viewer.getByRole('img', { name: /Screenshot of the visible page/ })).toBeVisible();
  await viewer.screenshot({ path: testInfo.outputPath('viewer-screenshot.png') });
  await viewer.close();

  // The working copy is annotated: a note on the page, and the clip's note.
  await demo.bringToFront();
  await addNote(demo, 'token futures', 'Check the exchange filing');
  await panel.getByLabel('Note').fill('Seen on the demo page; snapshot kept.');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();

  const zip = await exportCase(panel, 'Token futures', true);
  await panel.screenshot({ path: testInfo.outputPath('case-exported.png') });
  const files = Object.keys(unzipSync(zip));
  expect(files).toEqual(
    expect.arrayContaining([
      'manifest.json',
      'manifest.sig',
      'custody.jsonl',
      'case.json',
      'clips.jsonld',
      'notes/index.md',
    ]),
  );
  expect(files.filter((name) => /^evidence\/[^/]+\/snapshot\.mhtml$/.test(name))).toHaveLength(2);
  expect(files.filter((name) => /^evidence\/[^/]+\/screenshot\.png$/.test(name))).toHaveLength(2);
  const log = strFromU8(unzipSync(zip)['custody.jsonl'] as Uint8Array)
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { event: string; seq: number });
  expect(log.map((entry) => entry.event)).toEqual(
    expect.arrayContaining(['created', 'captured', 'viewed', 'annotated', 'exported']),
  );

  const report = await verifyBundle(zip);
  expect(report.problems).toEqual([]);
  expect(report.holds.join('\n')).toContain(`signed by the Ed25519 key ${fingerprint}`);
  const path = testInfo.outputPath('case.zip');
  writeFileSync(path, zip);
  const passed = verifyCli(path);
  expect(passed.code, passed.output).toBe(0);

  // One changed byte of any file fails, naming the file.
  const snapshotFile = files.find((name) => name.endsWith('snapshot.mhtml')) as string;
  for (const name of [snapshotFile, 'notes/index.md', 'custody.jsonl']) {
    const changed = edit(zip, (all) => {
      const bytes = (all[name] as Uint8Array).slice();
      const at = Math.floor(bytes.length / 2);
      bytes[at] = (bytes[at] as number) ^ 0x20;
      all[name] = bytes;
    });
    const changedPath = testInfo.outputPath('changed.zip');
    writeFileSync(changedPath, changed);
    const failed = verifyCli(changedPath);
    expect(failed.code, name).toBe(1);
    expect(failed.output).toContain(`✗ ${name}: changed`);
  }
  // One removed log entry fails, naming the entry, even with the manifest's listing of the log made to match.
  const removed = edit(zip, (all) => {
    const lines = strFromU8(all['custody.jsonl'] as Uint8Array).split('\n');
    lines.splice(2, 1);
    all['custody.jsonl'] = strToU8(lines.join('\n'));
  });
  const problems = (await verifyBundle(removed)).problems.join('\n');
  expect(problems).toContain('custody.jsonl: changed');
  expect(problems).toMatch(/custody\.jsonl: the chain of local on [0-9a-f]{16}, entry 4: entry 3 is missing/);
});

test('the example bundle: the demo page captured for a case, exported signed', async ({
  context,
  extensionId,
  openAnnotated,
}, testInfo) => {
  await makeSigningKey(context, extensionId);
  const { page, tabId } = await openAnnotated('/demo/');
  // A small viewport keeps the example's screenshot small.
  await page.setViewportSize({ width: 480, height: 320 });
  const panel = await openPanelPage(context, extensionId, tabId);
  await newCase(panel, 'Demo case', false);
  await panel.getByRole('checkbox', { name: 'Capture as evidence' }).check();
  await panel.getByRole('button', { name: 'Clip page' }).click();
  await expect(panel.getByRole('status').filter({ hasText: /^Clipped/ })).toContainText(
    'Captured as evidence: snapshot.mhtml, screenshot.png.',
    {
      timeout: 30_000,
    },
  );
  const zip = await exportCase(panel, 'Demo case', true);
  expect((await verifyBundle(zip)).problems).toEqual([]);
  writeFileSync(testInfo.outputPath('demo-case.zip'), zip);
  // The committed example is written when missing, or when asked (EVIDENCE_FIXTURE=write).
  if (!existsSync(FIXTURE) || process.env.EVIDENCE_FIXTURE === 'write') {
    mkdirSync(resolve(FIXTURE, '..'), { recursive: true });
    writeFileSync(FIXTURE, zip);
  }
  console.log(`demo-case.zip: ${zip.length} bytes`);
});

test('the serialised DOM (Firefox’s snapshot) inlines images and style sheets, keeps typed values, drops scripts', async ({
  context,
  server,
}) => {
  const page = await context.newPage();
  await page.goto(`${server.url}/pages/evidence/`);
  await page.getByRole('textbox', { name: 'Typed' }).fill('typed by the user');
  // The snapshot script as the background injects it (its last statement's value is the result).
  const script = readFileSync(resolve(ROOT, 'dist/snapshot.js'), 'utf8');
  const answer = (await page.evaluate(script)) as { ok: boolean; value: { html: string; gaps: string[] } };
  expect(answer.ok).toBe(true);
  const { html, gaps } = answer.value;
  expect(gaps).toEqual([]);
  expect(html).not.toMatch(/<script|onclick|<link/i);
  expect(html).toMatch(/<img src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="The pixel">/);
  expect(html).toContain('background: url("data:image/png;base64,');
  expect(html).toContain('value="typed by the user"');
  expect(html).not.toContain(`${server.url}/pages/evidence/pixel.png`);
  // The page itself was not changed.
  expect(await page.locator('script').count()).toBe(1);
  expect(await page.locator('link[rel=stylesheet]').count()).toBe(1);
});
