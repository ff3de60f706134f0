import { idleReason } from './idle-reason';
import { signalBadge } from './signal-badge';
import { siteStatus } from './site-rules';
import { sites } from './sites';
import { tabState } from './tab-state';

/** Shows on the toolbar button what Dossier does on a tab: why it is idle, or how many cards it found. */
export async function showTabStatus(tabId: number, url?: string): Promise<void> {
  const liveUrl = url ?? (await chrome.tabs.get(tabId).catch(() => null))?.url;
  const reason = idleReason(liveUrl);
  try {
    if (reason) {
      await chrome.action.setTitle({ tabId, title: `Dossier is idle here. ${reason}` });
      await chrome.action.setBadgeText({ tabId, text: '' });
      return;
    }
    const status = siteStatus(await sites.settings(), liveUrl);
    if (!status.enabled) {
      await chrome.action.setTitle({ tabId, title: status.reason ?? 'Dossier is off here.' });
      await chrome.action.setBadgeBackgroundColor({ tabId, color: '#6b7280' });
      await chrome.action.setBadgeText({ tabId, text: 'off' });
      return;
    }
    const state = await tabState(tabId, liveUrl);
    const count = state.cards.length;
    // Watch signals that fired here outrank the count of cards.
    const signals = await signalBadge(tabId, liveUrl, count);
    if (signals) {
      await chrome.action.setTitle({ tabId, title: signals.title });
      await chrome.action.setBadgeBackgroundColor({ tabId, color: signals.color });
      await chrome.action.setBadgeText({ tabId, text: signals.text });
      return;
    }
    await chrome.action.setTitle({
      tabId,
      title: count ? `Dossier: ${count} tracked ${count === 1 ? 'card' : 'cards'} on this page` : 'Dossier',
    });
    await chrome.action.setBadgeBackgroundColor({ tabId, color: '#3b4a6b' });
    await chrome.action.setBadgeText({ tabId, text: count ? String(count) : '' });
  } catch {
    // The tab closed meanwhile: nothing to show.
  }
}

/** Shows the status of every open tab: at install and browser start, tabs loaded before the worker listened. */
export async function showAllTabsStatus(): Promise<void> {
  const tabs = await chrome.tabs.query({});
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : showTabStatus(tab.id, tab.url))));
}
