import type { Page } from 'playwright-core';
import { openPanelPage } from '../scripts/page-probe';
import { expect, test } from './fixtures';

/*
 * The side panel's Library tab with a list of 30,000 cards: the list's cards are searched in the background by
 * name and alias, a page of 200 at a time, beside the panel's own search of the other cards.
 */

/** A list of `count` cards (90,000 names at 30,000), every seventh an organisation tagged "shipping". */
function watchlist(count: number) {
  const lines = ['name,aliases,kind,summary,tags'];
  for (let i = 0; i < count; i++) {
    const organisation = i % 7 === 0;
    lines.push(
      `Varenko Ostrel ${i},O. Varenko ${i}|Ostrel Varenko ${i},${organisation ? 'organisation' : 'person'},"Listed since 2019, by the watchlist's issuer under regulation 2019/1234",${organisation ? 'shipping' : 'sanctions|pep'}`,
    );
  }
  lines.push('Zyrtanov Holdings,Zyrtanov Group,organisation,A holding named once,shipping');
  return Buffer.from(`${lines.join('\n')}\n`);
}

const results = (panel: Page) => panel.locator('.result');

test('the Library tab searches a 30,000-card list in the background, a page at a time, with its filters', async ({
  context,
  extensionId,
  openAnnotated,
}, testInfo) => {
  test.setTimeout(180_000);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/ui/options/index.html`);
  await options.getByRole('table').waitFor();
  await options
    .getByLabel('Import pack')
    .setInputFiles({ name: 'watch.csv', mimeType: 'text/csv', buffer: watchlist(30_000) });
  await expect(options.getByRole('status').filter({ hasText: 'Imported list' })).toContainText('30,001 added', {
    timeout: 90_000,
  });
  await options.close();

  const { tabId } = await openAnnotated('/demo/');
  const panel = await openPanelPage(context, extensionId, tabId);
  await panel.getByRole('tab', { name: 'Library' }).click();
  const status = panel.locator('.library [role=status]');
  // The other cards are drawn at once; the list's are not sent, only searched.
  await expect(results(panel).first()).toBeVisible();
  await expect(status).toContainText('Type a name to search the 30,001 cards of “watch”.');
  const own = await results(panel).count();
  expect(own).toBeLessThan(200);

  const search = panel.getByRole('searchbox', { name: 'Search cards' });
  await search.fill('Varenko Ostrel 2999');
  // The name itself first, then the names that start with it (29990 to 29999).
  await expect(status).toContainText('11 in the lists by name or alias');
  await expect(results(panel).first()).toContainText('Varenko Ostrel 2999');
  await expect(results(panel).first()).toContainText('watch');
  await expect(results(panel)).toHaveCount(11);

  // By an alias, letter case aside; the panel's own search of the other cards still forgives typos.
  await search.fill('zyrtanov group');
  await expect(results(panel)).toHaveCount(1);
  await expect(results(panel).first()).toContainText('Zyrtanov Holdings');
  await search.fill('Nvdia');
  await expect(results(panel).first()).toContainText('Nvidia');
  await expect(status).toContainText('No card of the lists has a name or alias starting so.');

  // Every card matches "Varenko": 200 at a time, the next page on request.
  await search.fill('varenko');
  await expect(status).toContainText('30,000 in the lists by name or alias (1–200 read).');
  await expect(results(panel)).toHaveCount(200);
  await panel.setViewportSize({ width: 360, height: 800 });
  await panel.screenshot({ path: testInfo.outputPath('library-list-360.png') });
  const firstPage = await results(panel).locator('.name').allInnerTexts();
  await panel.getByRole('button', { name: 'Next 200 of the lists' }).click();
  await expect(status).toContainText('(201–400 read)');
  const secondPage = await results(panel).locator('.name').allInnerTexts();
  expect(secondPage).toHaveLength(200);
  expect(secondPage.filter((name) => firstPage.includes(name))).toEqual([]);
  await panel.getByRole('button', { name: 'Previous 200 of the lists' }).click();
  await expect(status).toContainText('(1–200 read)');

  // Kind, tag and pack apply to the 200 read, and the status says so.
  await panel.getByRole('combobox', { name: 'Kind' }).selectOption('organisation');
  await expect(status).toContainText('the kind, tag and pack filters keep');
  const organisations = await results(panel).allInnerTexts();
  expect(organisations.length).toBeGreaterThan(10);
  expect(organisations.length).toBeLessThan(200);
  for (const text of organisations) expect(text).toContain('organisation');
  await panel.getByRole('combobox', { name: 'Kind' }).selectOption('');
  await panel.getByRole('combobox', { name: 'Tag' }).selectOption('pep');
  await expect(status).toContainText('the kind, tag and pack filters keep');
  for (const text of await results(panel).allInnerTexts()) expect(text).toContain('person');
  await panel.getByRole('combobox', { name: 'Tag' }).selectOption('');
  await panel.getByRole('combobox', { name: 'Pack' }).selectOption({ label: 'watch' });
  await search.fill('');
  await expect(results(panel)).toHaveCount(0);
  await expect(status).toContainText('Type a name to search the 30,001 cards of “watch”.');
});
