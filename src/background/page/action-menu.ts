import { refreshTabs, setSiteOf } from './site-handlers';
import { siteOf } from './site-rules';
import { sites } from './sites';

/*
 * The toolbar button's own menu (right-click on it): turn Dossier off or on for the current site, and pause
 * it everywhere. Clicking the button itself opens the side panel, which has the same two switches. On a page,
 * "Track in Dossier" on a selection makes a card of it; "Clip this page to Dossier" clips the page.
 */

const SITE = 'site-toggle';
const PAUSE = 'pause';
/** The page's context menu item on a selection. */
export const TRACK = 'track';
/** The page's context menu item that clips it. */
export const CLIP = 'clip';

/** Creates the toolbar button's menu items (at install; Chrome keeps them). */
export async function createActionMenu(): Promise<void> {
  await chrome.contextMenus.removeAll();
  chrome.contextMenus.create({ id: SITE, title: 'Turn Dossier on or off for this site', contexts: ['action'] });
  chrome.contextMenus.create({
    id: PAUSE,
    title: 'Pause Dossier everywhere',
    type: 'checkbox',
    checked: (await sites.settings()).paused,
    contexts: ['action'],
  });
  chrome.contextMenus.create({ id: TRACK, title: 'Track “%s” in Dossier', contexts: ['selection'] });
  chrome.contextMenus.create({
    id: CLIP,
    title: 'Clip this page to Dossier',
    contexts: ['page', 'selection'],
    documentUrlPatterns: ['http://*/*', 'https://*/*', 'file:///*'],
  });
}

/** Handles a click on one of the toolbar button's menu items. */
export async function onActionMenu(info: { menuItemId: string | number; checked?: boolean }, url: string | undefined) {
  if (info.menuItemId === PAUSE) {
    await sites.setPaused(info.checked === true);
    await refreshTabs();
  } else if (info.menuItemId === SITE) {
    const site = siteOf(url);
    if (!site) return;
    const off = (await sites.settings()).disabledSites.includes(site);
    await setSiteOf(sites, url, off);
  }
}
