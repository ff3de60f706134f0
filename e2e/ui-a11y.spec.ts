import { openPanelPage } from '../scripts/page-probe';
import { violations } from './axe';
import { expect, test } from './fixtures';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no violation in the side panel and the options page (${colorScheme})`, async ({
    context,
    extensionId,
    openAnnotated,
  }) => {
    const { tabId } = await openAnnotated('/demo/');
    const panel = await openPanelPage(context, extensionId, tabId);
    await panel.emulateMedia({ colorScheme });
    await panel.getByRole('button', { name: 'Mentions of China' }).click();
    expect(await violations(panel), 'This page').toEqual([]);

    await panel.getByRole('tab', { name: 'Library' }).click();
    await panel.getByRole('searchbox', { name: 'Search cards' }).fill('chip');
    expect(await violations(panel), 'Library').toEqual([]);

    await panel.getByRole('button', { name: 'Clip page' }).click();
    await expect(panel.getByRole('status').filter({ hasText: 'Clipped' })).toBeVisible();
    await panel.getByRole('tab', { name: 'Clips' }).click();
    await expect(panel.locator('.result')).toHaveCount(1);
    expect(await violations(panel), 'Clips').toEqual([]);
    await panel.locator('.result').click();
    await expect(panel.locator('.reader-body .mention').first()).toBeVisible();
    expect(await violations(panel), 'clip reader').toEqual([]);
    await panel.getByRole('button', { name: '← Clips' }).click();
    await panel.getByRole('tab', { name: 'Library' }).click();

    await panel.locator('.result').first().click();
    await expect(panel.getByRole('button', { name: 'Edit card' })).toBeVisible();
    expect(await violations(panel), 'card').toEqual([]);

    await panel.getByRole('button', { name: 'Edit card' }).click();
    await panel.getByRole('textbox', { name: 'Name' }).fill('');
    await panel.getByRole('button', { name: 'Save card' }).click();
    await expect(panel.getByRole('textbox', { name: 'Name' })).toHaveAttribute('aria-invalid', 'true');
    expect(await violations(panel), 'editor with an error').toEqual([]);

    const options = await context.newPage();
    await options.emulateMedia({ colorScheme });
    await options.goto(`chrome-extension://${extensionId}/src/ui/options/index.html`);
    await options.getByRole('table').waitFor();
    await options.getByRole('button', { name: 'Wipe everything…' }).click();
    expect(await violations(options), 'options').toEqual([]);
  });
}
