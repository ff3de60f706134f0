import browser from 'webextension-polyfill';
import { ALL_SITES } from '../../model/host-access';

/** The sites Dossier may read now: all of them, or the ones the user allowed one by one. */
export interface SiteAccess {
  all: boolean;
  sites: string[];
}

/** Reads the host permissions the browser holds for Dossier. */
export async function readSiteAccess(): Promise<SiteAccess> {
  const all = await browser.permissions.contains({ origins: [...ALL_SITES] });
  const { origins = [] } = await browser.permissions.getAll();
  const sites = origins.filter((origin) => !ALL_SITES.includes(origin) && origin.startsWith('http')).sort();
  return { all, sites };
}

/**
 * Asks the browser for some sites; call it straight from a click (the browser asks the user only within that
 * gesture). Resolves to whether the user allowed them.
 */
export function requestSites(origins: readonly string[]): Promise<boolean> {
  return browser.permissions.request({ origins: [...origins] }).catch(() => false);
}
