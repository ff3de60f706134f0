import { type Fact, unavailable } from '../../model/evidence';

/*
 * The main document's HTTP facts for an evidence capture: its final URL, the redirects that led there, its status
 * and its `Date` header. Only webRequest shows response headers and redirects, and it is an optional permission
 * here (the same one "Open every PDF in Dossier" asks for); while it is held, each tab's last main-frame
 * navigation is kept in session storage. Without it, or for a page loaded before it was granted, a capture says
 * the facts are not available: nothing is guessed.
 */

/** One response of a navigation (a redirect or the final one). */
export interface Hop {
  url: string;
  status: number;
  date: string | null;
}

/** The HTTP facts of a tab's page as a capture records them. */
export interface HttpFacts {
  finalUrl: Fact<string>;
  redirects: Fact<string[]>;
  httpDate: Fact<string>;
  status: Fact<number>;
}

const KEY = (tabId: number) => `evidence.http.${tabId}`;
const NO_PERMISSION =
  'not available: the browser shows response headers and redirects only to an extension holding the optional webRequest permission, which was not granted';
const NOT_SEEN =
  'not available: the page was loaded before Dossier could observe its navigation (reload it, then capture again)';

/** A navigation's facts from its responses in order, checked against the address the tab shows now. */
export function factsOf(hops: readonly Hop[] | null, tabUrl: string): HttpFacts | null {
  const last = hops?.at(-1);
  if (!hops || !last || withoutFragment(last.url) !== withoutFragment(tabUrl)) return null;
  return {
    finalUrl: { available: true, value: last.url },
    redirects: { available: true, value: hops.slice(0, -1).map((hop) => `${hop.status} ${hop.url}`) },
    httpDate: last.date ? { available: true, value: last.date } : unavailable('the response had no Date header'),
    status: { available: true, value: last.status },
  };
}

/** What a capture says when the navigation was not observed. */
export function unobserved(permitted: boolean): HttpFacts {
  const reason = permitted ? NOT_SEEN : NO_PERMISSION;
  return {
    finalUrl: unavailable(reason),
    redirects: unavailable(reason),
    httpDate: unavailable(reason),
    status: unavailable(reason),
  };
}

/** The HTTP facts of a tab's page, as observed (or why they are not available). */
export async function httpFactsOf(tabId: number, tabUrl: string): Promise<HttpFacts> {
  const permitted = await chrome.permissions.contains({ permissions: ['webRequest'] }).catch(() => false);
  if (!permitted) return unobserved(false);
  const stored = (await chrome.storage.session.get(KEY(tabId)))[KEY(tabId)] as Hop[] | undefined;
  return factsOf(stored ?? null, tabUrl) ?? unobserved(true);
}

// Responses of navigations in flight, by request id (one navigation's redirects share it).
const inFlight = new Map<string, Hop[]>();

const onHeaders = (details: chrome.webRequest.OnHeadersReceivedDetails) => {
  if (details.tabId < 0) return undefined;
  const date = details.responseHeaders?.find((h) => h.name.toLowerCase() === 'date')?.value ?? null;
  const hops = [...(inFlight.get(details.requestId) ?? []), { url: details.url, status: details.statusCode, date }];
  if (details.statusCode >= 300 && details.statusCode < 400) {
    inFlight.set(details.requestId, hops);
    return undefined;
  }
  inFlight.delete(details.requestId);
  void chrome.storage.session.set({ [KEY(details.tabId)]: hops }).catch(() => undefined);
  return undefined;
};

/** Observes main-frame navigations while webRequest is held (now, or once it is granted). */
export function watchNavigationFacts(): void {
  const start = () => {
    const events = chrome.webRequest?.onHeadersReceived;
    if (!events || events.hasListener(onHeaders)) return;
    events.addListener(onHeaders, { urls: ['http://*/*', 'https://*/*'], types: ['main_frame'] }, ['responseHeaders']);
  };
  start();
  chrome.permissions.onAdded.addListener((added) => {
    if (added.permissions?.includes('webRequest')) start();
  });
  chrome.permissions.onRemoved.addListener((removed) => {
    if (removed.permissions?.includes('webRequest')) chrome.webRequest?.onHeadersReceived.removeListener(onHeaders);
  });
}

/** Forgets a closed tab's facts. */
export function forgetNavigationFacts(tabId: number): Promise<void> {
  return chrome.storage.session.remove(KEY(tabId)).catch(() => undefined);
}

function withoutFragment(url: string): string {
  return url.split('#')[0] ?? url;
}
