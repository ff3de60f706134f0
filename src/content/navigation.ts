/*
 * Single-page apps change the URL without a new document: the Navigation API's `navigatesuccess` fires for
 * the page's own pushState/replaceState (a content script cannot see those calls), and `popstate` covers
 * browsers without it. The page is annotated again after each same-document navigation.
 */

interface NavigationLike extends EventTarget {}

/** Calls `onNavigate` after each same-document navigation; stops when the signal aborts. */
export function watchNavigation(onNavigate: () => void, signal: AbortSignal): void {
  let url = location.href;
  const changed = () => {
    if (location.href === url) return;
    url = location.href;
    onNavigate();
  };
  const navigation = (globalThis as { navigation?: NavigationLike }).navigation;
  if (navigation) navigation.addEventListener('navigatesuccess', changed, { signal });
  window.addEventListener('popstate', changed, { signal });
}
