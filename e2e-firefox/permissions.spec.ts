import type { Page } from 'puppeteer-core';
import { NOT_ALLOWED_REASON } from '../src/model/host-access';
import { ask, expect, painted, tabIdOf, test, waitForPainted } from './harness';

/*
 * Firefox's MV3 leaves host permissions to the user. Installed without them, Dossier opens the page that asks
 * for them, stays idle on pages (and says why on its toolbar button), and reads open pages as soon as the user
 * allows all sites. Firefox's permission prompt is answered "allow" by a test preference; the click is the
 * user's, through WebDriver.
 */
test.use({
  firefoxOptions: { grantHosts: false, prefs: { 'extensions.webextOptionalPermissionPrompts': false } },
});

/** The toolbar button's title on a tab, read from an extension page. */
const buttonTitle = (extension: Page, tabId: number) =>
  extension.evaluate(
    (id: number) => (globalThis as unknown as { browser: typeof chrome }).browser.action.getTitle({ tabId: id }),
    tabId,
  );

test('without host permissions Dossier asks for them, says why it is idle, and reads the page once allowed', async ({
  firefox,
  server,
  extensionPage,
  openPanel,
}) => {
  // The page that asks opened by itself at install (looked for from another of the extension's pages).
  const options = await extensionPage('src/ui/options/index.html');
  const asking = `${firefox.base}src/ui/permissions/index.html`;
  await expect
    .poll(() =>
      options.evaluate(
        async (url: string) =>
          (await (globalThis as unknown as { browser: typeof chrome }).browser.tabs.query({ url })).length,
        asking,
      ),
    )
    .toBe(1);

  const page = await firefox.browser.newPage();
  await page.goto(`${server.url}/demo/`);
  const extension = await extensionPage('src/ui/permissions/index.html');
  const tabId = await tabIdOf(extension, page.url());
  await expect.poll(() => buttonTitle(extension, tabId)).toBe(`Dossier is idle here. ${NOT_ALLOWED_REASON}`);
  expect(await painted(page, 'ann-entity')).toEqual([]);
  const state = await ask<{ idleReason: string | null }>(extension, 'tab.state', { tabId });
  expect(state.value.idleReason).toBe(NOT_ALLOWED_REASON);

  // The sidebar says so too, and offers this site alone.
  const panel = await openPanel(tabId);
  await expect
    .poll(() => panel.evaluate(() => document.querySelector('.allow-site button')?.textContent ?? ''))
    .toBe('Allow Dossier on 127.0.0.1');
  await panel.screenshot({ path: test.info().outputPath('sidebar-not-allowed-firefox.png') });

  // The user allows all sites: the open page is read at once, without a reload.
  await extension.bringToFront();
  await extension.screenshot({ path: test.info().outputPath('permissions-firefox.png') });
  await extension.locator('button::-p-text(Allow on all sites)').click();
  await expect
    .poll(() => extension.evaluate(() => document.querySelector('[role="status"].ok')?.textContent ?? ''))
    .toContain('Dossier may read every site');
  await waitForPainted(page);
  expect(await painted(page, 'ann-entity')).toContain('Nvidia');
  await expect.poll(() => buttonTitle(extension, tabId)).toMatch(/^Dossier: .*tracked cards/);
});
