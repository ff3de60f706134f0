import { ALL_SITES, NOT_ALLOWED_REASON, sitePattern } from '../../model/host-access';

/*
 * Host permissions as the browser has them now. Chromium grants the manifest's at install (a user may still
 * restrict them to a click or some sites); Firefox's MV3 lets the user grant them, all or site by site, and
 * runs content scripts only where they are granted. Dossier asks on first run and says where it lacks them.
 */

/** The page users are sent to, to allow Dossier on all sites or some. */
export const PERMISSIONS_PAGE = 'src/ui/permissions/index.html';

/** Whether every site may be read. */
export function hasAllSites(): Promise<boolean> {
  return chrome.permissions.contains({ origins: [...ALL_SITES] });
}

/** Why Dossier does not read this page for lack of a host permission, or null when it may. */
export async function hostAccessReason(url: string | undefined): Promise<string | null> {
  const pattern = sitePattern(url);
  // Pages with no site (file:, browser pages) have their own reasons, given by idleReason.
  if (!pattern) return null;
  return (await chrome.permissions.contains({ origins: [pattern] })) ? null : NOT_ALLOWED_REASON;
}

/** At install: when the browser did not grant all sites (Firefox), opens the page that asks for them. */
export async function askForSitesOnInstall(): Promise<void> {
  if (await hasAllSites()) return;
  await chrome.tabs.create({ url: chrome.runtime.getURL(PERMISSIONS_PAGE) });
}
