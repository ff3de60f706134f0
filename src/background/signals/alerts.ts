import type { SignalHitRecord } from '../../model/signal-hit';
import { sites } from '../page/sites';

/*
 * System notifications of watch signals: only when the user turned alerts on (options page), which also asks
 * for the optional `notifications` permission. A click on one opens its page.
 */

const PERMISSION: chrome.permissions.Permissions = { permissions: ['notifications'] };
const key = (id: string) => `alert:${id}`;

/**
 * Whether alerts may be shown: the permission granted (asked first: it is cheap and false until the user turns
 * alerts on, so that nothing else is read for most pages), and turned on.
 */
async function alertsOn(): Promise<boolean> {
  if (!(await chrome.permissions.contains(PERMISSION))) return false;
  return (await sites.settings()).alerts;
}

/** Shows one notification for the hits that are new on a page (the first named, the others counted). */
export async function alertHits(hits: readonly SignalHitRecord[]): Promise<void> {
  const first = hits[0];
  if (!first || !(await alertsOn()) || !chrome.notifications) return;
  const id = `${first.hitId}-${Date.now()}`;
  await chrome.storage.session.set({ [key(id)]: first.url });
  const more = hits.length > 1 ? ` (and ${hits.length - 1} more)` : '';
  await chrome.notifications.create(id, {
    type: 'basic',
    iconUrl: chrome.runtime.getURL('icons/icon-128.png'),
    title: `Signal: ${first.cardName}${more}`,
    message: first.signal,
    contextMessage: first.title || first.url,
    priority: 0,
  });
}

let listening = false;

/** Opens a notification's page when it is clicked; called at start and when the permission is granted. */
export function listenToAlerts(): void {
  if (listening || !chrome.notifications) return;
  listening = true;
  chrome.notifications.onClicked.addListener((id) => {
    void (async () => {
      const got = await chrome.storage.session.get(key(id));
      const url = got[key(id)] as string | undefined;
      if (url && /^https?:|^file:/.test(url)) await chrome.tabs.create({ url });
      await chrome.notifications.clear(id);
      await chrome.storage.session.remove(key(id));
    })().catch((error: unknown) => console.warn('Dossier: could not open an alert', error));
  });
}
