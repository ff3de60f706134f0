/*
 * Single-page apps change the URL without a new document: the Navigation API's `navigatesuccess` fires for
 * the page's own pushState/replaceState (a content script cannot see those calls), and `popstate` covers
 * browsers without it. The page is annotated again once the URL has stayed put for a moment after a
 * same-document navigation.
 */

interface NavigationLike extends EventTarget {}

/**
 * How long the URL must stay put after a same-document navigation before the page is read again. An app renders
 * its new route in the tasks after its pushState (and often changes the URL twice for one navigation: a pushState,
 * then a replaceState with the route's state), while the browser and our own service worker handle the new URL.
 * Reading the page in those tasks competes with all of that for the CPU and reads a half-rendered route; content
 * that comes later still is painted as it arrives by the mutation watcher.
 */
export const NAVIGATION_SETTLE_MS = 150;

/** Calls `onNavigate` once the URL has settled after same-document navigations; stops when the signal aborts. */
export function watchNavigation(onNavigate: () => void, signal: AbortSignal, settleMs = NAVIGATION_SETTLE_MS): void {
  let url = location.href;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settled = () => {
    timer = undefined;
    if (signal.aborted || location.href === url) return;
    url = location.href;
    onNavigate();
  };
  const changed = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(settled, settleMs);
  };
  signal.addEventListener('abort', () => timer !== undefined && clearTimeout(timer), { once: true });
  const navigation = (globalThis as { navigation?: NavigationLike }).navigation;
  if (navigation) navigation.addEventListener('navigatesuccess', changed, { signal });
  window.addEventListener('popstate', changed, { signal });
}
