import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { paintedRanges } from '../scripts/page-probe';
import { expect, test } from './fixtures';

async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/ui/options/index.html`);
  await page.getByRole('table').waitFor();
  return page;
}

/** Clicks a button that downloads a file; returns the file's text. */
async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

const PACK_CSV = 'name,aliases,kind,summary,tags\nNorthbridge Ledger,,company,"=1+1 is a formula",press\n';

test('packs are disabled, enabled, exported and removed from the options page', async ({
  context,
  extensionId,
  openAnnotated,
}) => {
  const { page } = await openAnnotated('/demo/');
  const options = await openOptions(context, extensionId);
  await options.getByLabel('Import pack').setInputFiles({
    name: 'press.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(PACK_CSV),
  });
  await expect(options.getByRole('status').filter({ hasText: 'Imported' })).toContainText('1 added');
  await expect.poll(async () => (await paintedRanges(page)).map((r) => r.quote)).toContain('Northbridge Ledger');

  const enabled = options.getByRole('checkbox', { name: 'Enable “press”' });
  await enabled.uncheck();
  await expect(options.getByRole('status').filter({ hasText: 'disabled' })).toBeVisible();
  await expect.poll(async () => (await paintedRanges(page)).map((r) => r.quote)).not.toContain('Northbridge Ledger');
  await enabled.check();
  await expect.poll(async () => (await paintedRanges(page)).map((r) => r.quote)).toContain('Northbridge Ledger');

  // Exports: the CSV neutralises the formula, the JSON is a pack that imports again.
  const csv = await downloaded(options, () => options.getByRole('button', { name: 'Export “press” as CSV' }).click());
  expect(csv.name).toBe('press.csv');
  expect(csv.text).toContain("'=1+1 is a formula");
  const json = await downloaded(options, () => options.getByRole('button', { name: 'Export “press” as JSON' }).click());
  expect(JSON.parse(json.text)).toMatchObject({
    format: 'dossier-pack',
    id: 'press',
    cards: [{ name: 'Northbridge Ledger' }],
  });

  // The built-in pack cannot be removed; another is removed after a confirmation.
  await expect(options.getByRole('button', { name: /^Remove “Dossier/ })).toHaveCount(0);
  await options.getByRole('button', { name: 'Remove “press”' }).click();
  await options.getByRole('button', { name: 'Cancel' }).click();
  await expect(options.getByRole('row', { name: /press/ })).toBeVisible();
  await options.getByRole('button', { name: 'Remove “press”' }).click();
  await options.getByRole('button', { name: 'Remove pack' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Removed' })).toContainText(
    'Removed “press” and its 1 cards.',
  );
  await expect(options.getByRole('row', { name: /press/ })).toHaveCount(0);
  await expect.poll(async () => (await paintedRanges(page)).map((r) => r.quote)).not.toContain('Northbridge Ledger');
});

test('sites are turned off and on, and the highlight style reaches the page', async ({
  context,
  extensionId,
  openAnnotated,
}) => {
  const { page } = await openAnnotated('/demo/');
  const options = await openOptions(context, extensionId);

  await options.getByRole('textbox', { name: 'Turn off on a site' }).fill('http://127.0.0.1:1/some/path');
  await options.getByRole('button', { name: 'Turn off', exact: true }).click();
  await expect(options.getByRole('listitem').filter({ hasText: '127.0.0.1' })).toBeVisible();
  await expect.poll(async () => (await paintedRanges(page)).length).toBe(0);
  await options.getByRole('button', { name: 'Turn on for 127.0.0.1' }).click();
  await expect.poll(async () => (await paintedRanges(page)).length).toBeGreaterThan(0);

  await options.getByRole('textbox', { name: 'Turn off on a site' }).fill('not a site');
  await options.getByRole('button', { name: 'Turn off', exact: true }).click();
  await expect(options.getByRole('alert')).toContainText('is not a site name');

  // Underline only: the page's entity highlights lose their background.
  const entityBackground = () =>
    page.evaluate(() => {
      const probe = document.createElement('div');
      document.body.append(probe);
      const value = getComputedStyle(probe, '::highlight(ann-entity)').backgroundColor;
      probe.remove();
      return value;
    });
  const before = await entityBackground();
  await options.getByRole('radio', { name: 'Underline only' }).check();
  await expect.poll(entityBackground).toBe('rgba(0, 0, 0, 0)');
  expect(before).not.toBe('rgba(0, 0, 0, 0)');
  await options.reload();
  await expect(options.getByRole('radio', { name: 'Underline only' })).toBeChecked();
  await options.getByRole('button', { name: 'Reset to default' }).click();
  await expect.poll(entityBackground).toBe(before);
});

test('everything is exported, wiped after a confirmation, and restored from the export', async ({
  context,
  extensionId,
  openAnnotated,
}) => {
  const { page } = await openAnnotated('/demo/');
  const options = await openOptions(context, extensionId);
  await expect(options.getByText(/Storage used: \d/)).toBeVisible();
  await options.getByLabel('Import pack').setInputFiles({
    name: 'press.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(PACK_CSV),
  });
  await expect(options.getByRole('row', { name: /press/ })).toBeVisible();
  await options.getByRole('textbox', { name: 'Turn off on a site' }).fill('example.org');
  await options.getByRole('button', { name: 'Turn off', exact: true }).click();

  const backup = await downloaded(options, () => options.getByRole('button', { name: 'Export everything' }).click());
  expect(backup.name).toMatch(/^dossier-backup-\d{4}-\d\d-\d\d\.json$/);
  const parsed = JSON.parse(backup.text) as { format: string; docs: Array<{ _id: string }> };
  expect(parsed.format).toBe('dossier-backup');
  expect(parsed.docs.map((d) => d._id)).toEqual(expect.arrayContaining(['pack:press', 'card:northbridge-ledger']));

  await options.getByRole('button', { name: 'Wipe everything…' }).click();
  await options.getByRole('button', { name: 'Wipe everything', exact: true }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Everything was deleted' })).toBeVisible();
  await expect(options.getByRole('row', { name: /press/ })).toHaveCount(0);
  await expect(options.getByText('None: Dossier runs on every site.')).toBeVisible();
  await expect.poll(async () => (await paintedRanges(page)).map((r) => r.quote)).not.toContain('Northbridge Ledger');
  // The built-in cards are back.
  await expect.poll(async () => (await paintedRanges(page)).length).toBeGreaterThan(0);

  // A broken backup changes nothing.
  const restore = options.getByLabel('Restore from backup');
  await restore.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":') });
  await options.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(options.getByRole('alert')).toContainText('broken.json: The file is not valid JSON');
  // A backup the store's own schemas refuse changes nothing, and says which document is wrong and why.
  const tampered = (change: (docs: Array<Record<string, unknown>>) => void) => {
    const data = JSON.parse(backup.text) as { docs: Array<Record<string, unknown>> };
    change(data.docs);
    return Buffer.from(JSON.stringify(data));
  };
  const ledger = (docs: Array<Record<string, unknown>>) => docs.find((d) => d._id === 'card:northbridge-ledger')!;
  const refusals: Array<[string, Buffer, RegExp]> = [
    [
      'hostile-link.json',
      tampered((docs) => {
        docs.push({
          _id: 'sighit:0123456789abcdef',
          type: 'signal-hit',
          schema: 2,
          hitId: '0123456789abcdef',
          url: 'javascript:alert(document.domain)',
          title: 'Trap',
          time: new Date().toISOString(),
          cardId: 'northbridge-ledger',
          cardName: 'Northbridge Ledger',
          signal: 'x',
          terms: [],
          evidence: 'x',
        });
      }),
      /^hostile-link\.json: docs\.\d+ \(signal-hit sighit:0123456789abcdef\): url: must be a page's address \(http, https or file\), not a javascript:, data: or other URL; nothing was restored\.$/,
    ],
    [
      'many-aliases.json',
      tampered((docs) => {
        ledger(docs).aliases = Array.from({ length: 900_000 }, (_, i) => `Ledger ${i}`);
      }),
      /^many-aliases\.json: docs\.\d+ \(card card:northbridge-ledger\): aliases: must hold at most 1,000 aliases; nothing was restored\.$/,
    ],
    [
      'deep.json',
      Buffer.from(backup.text.replace('"docs": [', `"deep": ${'['.repeat(100_000)}${']'.repeat(100_000)}, "docs": [`)),
      /^deep\.json: The backup nests deeper than 32 levels/,
    ],
  ];
  for (const [name, buffer, message] of refusals) {
    await restore.setInputFiles({ name, mimeType: 'application/json', buffer });
    await options.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(options.getByRole('alert')).toHaveText(message);
  }
  await expect(options.getByRole('row', { name: /press/ })).toHaveCount(0);
  await expect(options.getByText('None: Dossier runs on every site.')).toBeVisible();
  await options.setViewportSize({ width: 380, height: 640 });
  await options.getByRole('alert').scrollIntoViewIfNeeded();
  await options.screenshot({ path: test.info().outputPath('restore-refused.png') });
  await options.setViewportSize({ width: 1280, height: 720 });
  await restore.setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup.text) });
  await options.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Restored' })).toContainText('from backup.json');
  await expect(options.getByRole('row', { name: /press/ })).toBeVisible();
  await expect(options.getByRole('listitem').filter({ hasText: 'example.org' })).toBeVisible();
  await expect.poll(async () => (await paintedRanges(page)).map((r) => r.quote)).toContain('Northbridge Ledger');
});
