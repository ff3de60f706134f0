import { sendToTab } from '../../messaging/client';
import type { SiteState } from '../../messaging/protocol';
import { showTabStatus } from './action';
import { siteOf, siteStatus } from './site-rules';
import type { Sites } from './sites';
import { clearFrames } from './tab-state';

/** The site state of a page's URL. */
export async function siteState(sites: Sites, url: string | undefined): Promise<SiteState> {
  const settings = await sites.settings();
  return { site: siteOf(url), paused: settings.paused, ...siteStatus(settings, url) };
}

/** After a change, every open tab re-checks: pages turned off drop their highlights, turned on annotate again. */
export async function refreshTabs(): Promise<void> {
  const tabs = await chrome.tabs.query({});
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined) return;
      await clearFrames(tab.id);
      await sendToTab(tab.id, 'page.refresh', {});
      await showTabStatus(tab.id, tab.url);
    }),
  );
}

/** Turns Dossier on or off for the site of a URL, then refreshes open tabs. */
export async function setSiteOf(sites: Sites, url: string | undefined, enabled: boolean): Promise<SiteState> {
  const site = siteOf(url);
  if (!site) throw new Error('This page has no site to turn Dossier on or off for.');
  await sites.setSite(site, enabled);
  void refreshTabs();
  return siteState(sites, url);
}
