import type { Page } from 'playwright-core';
import { openPanelPage, paintedRanges } from '../scripts/page-probe';
import { expect, test } from './fixtures';

/** The quotes painted on a page, for asserting that a name links (or no longer does). */
async function quotes(page: Page): Promise<string[]> {
  return (await paintedRanges(page)).map((r) => r.quote);
}

test('a card made, edited and deleted in the side panel re-paints the page; delete can be undone', async ({
  context,
  extensionId,
  openAnnotated,
}) => {
  const { page, tabId } = await openAnnotated('/demo/');
  expect(await quotes(page)).not.toContain('Mara Lindqvist');
  const panel = await openPanelPage(context, extensionId, tabId);

  // A new card needs a name: the error is tied to the field, which gets the focus.
  await panel.getByRole('button', { name: 'New card' }).click();
  await panel.getByRole('button', { name: 'Create card' }).click();
  const name = panel.getByRole('textbox', { name: 'Name' });
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toBeFocused();
  await expect(panel.getByText('Name: ', { exact: false })).toBeVisible();

  await name.fill('Mara Lindqvist');
  await panel.getByRole('combobox', { name: 'Kind' }).fill('company');
  // Cards hold plain text: markup is refused where it was typed.
  const summary = panel.getByRole('textbox', { name: 'Summary' });
  await summary.fill('Reporter <img src=x onerror=alert(1)>');
  await panel.getByRole('button', { name: 'Create card' }).click();
  await expect(summary).toHaveAttribute('aria-invalid', 'true');
  await expect(summary).toBeFocused();
  await expect(panel.getByText('Summary: must be plain text, not HTML markup')).toBeVisible();
  await summary.fill('Reporter at the Ledger; covers chips & "export controls" < 2025.');
  await panel.getByRole('button', { name: 'Create card' }).click();
  await expect(panel.getByRole('heading', { name: 'Mara Lindqvist', level: 2 })).toBeVisible();
  await expect(panel.getByText('Reporter at the Ledger; covers chips & "export controls" < 2025.')).toBeVisible();
  await expect(panel.getByRole('status')).toHaveText('Created “Mara Lindqvist”.');
  await expect.poll(() => quotes(page)).toContain('Mara Lindqvist');

  // An edit re-compiles the dictionary: a new alias links on the open page.
  await panel.getByRole('button', { name: 'Edit card' }).click();
  await panel.getByRole('textbox', { name: 'Aliases' }).fill('Northbridge Ledger');
  await panel.getByRole('button', { name: 'Save card' }).click();
  await expect(panel.getByText('Also: Northbridge Ledger')).toBeVisible();
  await expect.poll(() => quotes(page)).toContain('Northbridge Ledger');

  // Deleted, it stops linking; Undo brings it back with its edit.
  await panel.getByRole('button', { name: 'Delete card' }).click();
  await expect(panel.getByRole('status')).toContainText('Deleted “Mara Lindqvist”.');
  await expect.poll(() => quotes(page)).not.toContain('Mara Lindqvist');
  await panel.getByRole('button', { name: 'Undo' }).click();
  await expect(panel.getByRole('heading', { name: 'Mara Lindqvist', level: 2 })).toBeVisible();
  await expect.poll(() => quotes(page)).toContain('Northbridge Ledger');

  // The edit is in the store: a fresh panel reads it back.
  await panel.reload();
  await expect(panel.getByRole('heading', { name: /This page/ })).toBeVisible();
});

test('"Track in Dossier" on a selection makes a card of it and the side panel opens on it', async ({
  worker,
  context,
  extensionId,
  openAnnotated,
}) => {
  const { page, tabId } = await openAnnotated('/demo/');
  expect(await quotes(page)).not.toContain('Daniel Okafor');
  const result = await worker.evaluate(
    ([id, url]) =>
      (
        globalThis as unknown as {
          dossierMenuClick: (info: object, tab: object) => Promise<{ cardId: string; created: boolean }>;
        }
      ).dossierMenuClick({ menuItemId: 'track', selectionText: '  Daniel   Okafor ' }, { id, url }),
    [tabId, page.url()] as const,
  );
  expect(result).toEqual({ cardId: 'daniel-okafor', created: true });
  await expect.poll(() => quotes(page)).toContain('Daniel Okafor');

  const panel = await openPanelPage(context, extensionId, tabId);
  await expect(panel.getByRole('heading', { name: 'Daniel Okafor', level: 2 })).toBeVisible();
  await expect(panel.getByText('1 mention on this page')).toBeVisible();

  // Tracking the same words again opens the same card.
  const again = await worker.evaluate(
    ([id, url]) =>
      (
        globalThis as unknown as {
          dossierMenuClick: (info: object, tab: object) => Promise<{ cardId: string; created: boolean }>;
        }
      ).dossierMenuClick({ menuItemId: 'track', selectionText: 'daniel okafor' }, { id, url }),
    [tabId, page.url()] as const,
  );
  expect(again).toEqual({ cardId: 'daniel-okafor', created: false });
});

test('the library finds cards despite typos, filters them, and works from the keyboard', async ({
  context,
  extensionId,
  openAnnotated,
}) => {
  const { tabId } = await openAnnotated('/demo/');
  const panel = await openPanelPage(context, extensionId, tabId);
  const pageTab = panel.getByRole('tab', { name: 'This page' });
  await expect(pageTab).toHaveAttribute('aria-selected', 'true');
  await pageTab.focus();
  await panel.keyboard.press('ArrowRight');
  await expect(panel.getByRole('tab', { name: 'Signals' })).toBeFocused();
  await panel.keyboard.press('ArrowRight');
  const libraryTab = panel.getByRole('tab', { name: 'Library' });
  await expect(libraryTab).toHaveAttribute('aria-selected', 'true');
  await expect(libraryTab).toBeFocused();
  await expect(panel.getByRole('tabpanel', { name: 'Library' })).toBeVisible();

  const search = panel.getByRole('searchbox', { name: 'Search cards' });
  const results = panel
    .getByRole('list')
    .filter({ has: panel.locator('.result') })
    .getByRole('button');
  await search.fill('Nvdia');
  await expect(results.first()).toContainText('Nvidia');
  await search.fill('PRC');
  await expect(results.first()).toContainText('China');
  await search.fill('');
  await panel.getByRole('combobox', { name: 'Kind' }).selectOption('topic');
  const topics = await results.allInnerTexts();
  expect(topics.length).toBeGreaterThan(2);
  for (const text of topics) expect(text).toContain('topic');
  await expect(panel.getByRole('status').filter({ hasText: /cards?$/ })).toHaveText(`${topics.length} cards`);

  // Arrow down from the search reaches the results; Enter opens a card; back returns to the library.
  await search.focus();
  await panel.keyboard.press('ArrowDown');
  await panel.keyboard.press('ArrowDown');
  await expect(results.nth(1)).toBeFocused();
  const second = (await results.nth(1).locator('.name').textContent())?.trim() ?? '';
  await panel.keyboard.press('Enter');
  await expect(panel.getByRole('heading', { name: second, level: 2 })).toBeVisible();
  await panel.getByRole('button', { name: '← Library' }).click();
  await expect(search).toBeVisible();
});

test('"This page" shows a brief and each card opens to its mentions; a mention scrolls the page to it', async ({
  context,
  extensionId,
  openAnnotated,
}) => {
  const { page, tabId } = await openAnnotated('/demo/');
  const panel = await openPanelPage(context, extensionId, tabId);
  const brief = panel.getByRole('region', { name: 'Page brief' });
  await expect(brief).toContainText(/Entities: China \(\d+\)/);
  await expect(brief).toContainText('Topics:');
  await expect(brief.getByRole('listitem').first()).toBeVisible();

  const toggle = panel.getByRole('button', { name: 'Mentions of Japan' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const snippets = panel.locator('#mentions-japan').getByRole('button');
  expect(await snippets.count()).toBeGreaterThan(2);
  await expect(snippets.first()).toContainText('Japan');
  await expect(snippets.first()).toContainText('…');

  await page.evaluate(() => window.scrollTo(0, 0));
  const deep = snippets.filter({ hasText: 'Investigators are expected' });
  await deep.click();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('ann-focus'))).toBe(true);
  // The flashed mention is in view.
  const inView = () =>
    page.evaluate(() => {
      const focus = CSS.highlights.get('ann-focus');
      if (!focus) return 'no focus';
      for (const range of focus) {
        const rect = (range as Range).getBoundingClientRect();
        return rect.top >= 0 && rect.bottom <= innerHeight ? 'in view' : `at ${Math.round(rect.top)}`;
      }
      return 'empty';
    });
  await expect.poll(inView).toBe('in view');
});

test('a card’s related names open their cards', async ({ context, extensionId, openAnnotated }) => {
  const { tabId } = await openAnnotated('/demo/');
  const panel = await openPanelPage(context, extensionId, tabId);
  await panel
    .getByRole('button', { name: /^Taiwan/ })
    .first()
    .click();
  await expect(panel.getByRole('heading', { name: 'Taiwan', level: 2 })).toBeVisible();
  const related = panel.locator('ul.related');
  // Linked names are buttons; a related name without a card stays plain text.
  await related.getByRole('button', { name: 'Nvidia' }).click();
  await expect(panel.getByRole('heading', { name: 'Nvidia', level: 2 })).toBeVisible();
});
