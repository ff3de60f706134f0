import { openPanel } from '../browser/side-panel';
import type { Library } from '../library';
import { refreshTabs } from './site-handlers';
import { setFocus } from './tab-state';

/** Tells open extension pages (the side panel) that a tab's state changed; nobody listening is fine. */
export function announce(tabId: number): void {
  chrome.runtime.sendMessage({ type: 'tab.changed', payload: { tabId } }).catch(() => undefined);
}

/**
 * "Track in Dossier" on a page's selection: the side panel opens on the card named by the selection (made
 * now, or the card that already has that name), ready to be described; open tabs link the new name.
 */
export function trackSelection(
  library: Library,
  selection: string | undefined,
  tab: { id?: number; url?: string } | undefined,
): Promise<{ cardId: string; created: boolean }> {
  const tabId = tab?.id;
  // Called before any await: the browser honours the user's click only within this turn.
  const opening = tabId === undefined ? Promise.resolve() : openPanel(tabId).catch(() => undefined);
  return (async () => {
    const { card, created } = await library.track(selection ?? '');
    await opening;
    if (tabId !== undefined) {
      await setFocus(tabId, card.id, tab?.url);
      announce(tabId);
    }
    if (created) void refreshTabs();
    return { cardId: card.id, created };
  })();
}
