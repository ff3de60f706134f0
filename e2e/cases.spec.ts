import { openPanelPage } from '../scripts/page-probe';
import { addNote, own } from './annotate';
import { violations } from './axe';
import { expect, test } from './fixtures';
import { ask } from './team';

/*
 * Cases in the side panel: a new case becomes the current one, clipping files into it, the Clips tab filters
 * by it, a clip moves out of it; every event on its items (created, viewed, annotated, edited, exported,
 * closed, reopened) is in its custody log, whose chain the panel checks. Screenshots of the case's file are
 * saved with the test's results.
 */

test('a case: current in the header, clips filed and filtered, every event in its checked custody log', async ({
  context,
  extensionId,
  openAnnotated,
}, testInfo) => {
  test.setTimeout(120_000);
  const { page, tabId } = await openAnnotated('/demo/');
  const panel = await openPanelPage(context, extensionId, tabId);
  await panel.setViewportSize({ width: 380, height: 900 });
  const header = panel.locator('header.bar');
  const notice = panel.locator('main > .notice');

  // A new case, from the header: it becomes the current one.
  await header.getByRole('button', { name: 'New case' }).click();
  expect(await violations(panel), 'new case').toEqual([]);
  await panel.getByLabel('Name').fill('Chip export controls');
  await panel.getByLabel('Description').fill('Rented GPUs abroad, 2026.');
  await panel.getByRole('button', { name: 'Create case' }).click();
  await expect(notice).toHaveText('Created the case “Chip export controls”: clips now go into it.');
  await expect(panel.getByRole('heading', { name: /Chip export controls/, level: 2 })).toBeVisible();
  await expect(header.getByLabel('Case')).toHaveValue(/^[0-9a-f]{16}$/);
  const caseId = await header.getByLabel('Case').inputValue();
  await expect(panel.locator('.custody-check')).toHaveText('Chain holds: 1 entry in 1 chain.');
  await expect(panel.locator('.custody-log li')).toHaveText([/^created the case/]);

  // Clipping files the page into it.
  await panel.getByRole('button', { name: '← Back' }).click();
  await panel.getByRole('button', { name: '← Back' }).click();
  await header.getByRole('button', { name: 'Clip page' }).click();
  await expect(notice).toContainText('into the case “Chip export controls”.');
  // A note on the clipped page is an event of the case too.
  await page.bringToFront();
  await addNote(page, 'rented inside overseas data centers', 'Check the customs filings.');
  await expect.poll(() => own(page, 'ann-note')).toEqual(['rented inside overseas data centers']);

  // The Clips tab filters by case.
  await panel.getByRole('tab', { name: 'Clips' }).click();
  const count = panel.locator('.clip-list-bar .count');
  await expect(count).toHaveText('1 clip');
  await panel.getByLabel('Case').last().selectOption({ label: 'No case' });
  await expect(count).toHaveText('0 clips');
  await panel.getByLabel('Case').last().selectOption({ label: 'Chip export controls' });
  await expect(count).toHaveText('1 clip');
  await expect(panel.locator('.result')).toContainText('case Chip export controls');

  // Opened, tagged and exported: each an event; then moved out of the case.
  await panel.locator('.result').first().click();
  await expect(panel.locator('.reader-body').first()).toBeVisible();
  await panel.getByLabel('Tags').fill('gpu, customs');
  await panel.getByRole('button', { name: 'Save' }).click();
  const download = panel.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export Markdown' }).click();
  await download;
  await panel.locator('.clip-case select').selectOption({ label: 'No case' });
  await expect(panel.getByRole('status').filter({ hasText: 'Taken out of its case.' })).toBeVisible();
  await panel.locator('.clip-case select').selectOption({ label: 'Chip export controls' });
  await expect(panel.getByRole('status').filter({ hasText: 'Filed in “Chip export controls”.' })).toBeVisible();
  await panel.getByRole('button', { name: '← Clips' }).click();

  // The case's file: every event, in order, with time (UTC), user and device; the chain holds.
  await header.getByRole('button', { name: 'Cases' }).click();
  expect(await violations(panel), 'cases').toEqual([]);
  await panel.getByRole('button', { name: /Chip export controls/ }).click();
  const events = [
    'created the case',
    'created China bets on AI token futures',
    'annotated',
    'viewed',
    'edited',
    'exported',
    'edited',
    'created',
  ];
  await expect(panel.locator('.custody-event')).toHaveText(events.map((e) => e.split(' ')[0] as string));
  await expect(panel.locator('.custody-check')).toHaveText('Chain holds: 8 entries in 1 chain.');
  await expect(panel.locator('.custody-who').first()).toHaveText(
    /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC · local · [0-9a-f]{16} · #1$/,
  );
  await expect(panel.locator('.custody-log li').nth(6)).toContainText('(moved out of the case)');
  await expect(panel.getByRole('button', { name: 'Its clip' })).toBeVisible();
  await panel.screenshot({ path: testInfo.outputPath('case-file-380.png'), fullPage: true });
  expect(await violations(panel), 'case file').toEqual([]);
  for (const colorScheme of ['dark', 'light'] as const) {
    await panel.emulateMedia({ colorScheme });
    expect(await violations(panel), `case file (${colorScheme})`).toEqual([]);
  }

  // Renamed, closed (no longer current, nor offered in the header), reopened.
  await panel.getByLabel('Name').fill('Chip export controls (GPU rentals)');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByRole('heading', { name: /GPU rentals/, level: 2 })).toBeVisible();
  await panel.getByRole('button', { name: 'Close case' }).click();
  await expect(panel.locator('.case-status').first()).toHaveText('closed');
  await expect(header.getByLabel('Case')).toHaveValue('');
  await expect(header.getByLabel('Case').locator('option')).toHaveText(['No case']);
  expect((await ask(panel, 'case.current.set', { caseId })).error).toMatch(/is closed: reopen it first/);
  await panel.getByRole('button', { name: 'Reopen case' }).click();
  await expect(panel.locator('.case-status').first()).toHaveText('open');
  await expect(panel.locator('.custody-event')).toHaveText([
    ...events.map((e) => e.split(' ')[0] as string),
    'edited',
    'closed',
    'reopened',
  ]);
  await expect(panel.locator('.custody-check')).toHaveText('Chain holds: 11 entries in 1 chain.');
  await panel.getByRole('button', { name: 'Make current' }).click();
  await expect(header.getByLabel('Case')).toHaveValue(caseId);
  await panel.screenshot({ path: testInfo.outputPath('case-file-reopened-380.png'), fullPage: true });

  // A bad name is refused, and nothing changes.
  const refused = await ask(panel, 'case.update', { caseId, name: '   ' });
  expect(refused.error).toMatch(/Invalid case.update message/);
  expect((await ask<{ name: string }>(panel, 'case.current', {})).value.name).toBe(
    'Chip export controls (GPU rentals)',
  );
});
