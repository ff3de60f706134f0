/*
 * A content script may read a page's closed shadow roots, each browser its own way: Chromium through
 * `chrome.dom.openOrClosedShadowRoot(element)`, Firefox through the property `element.openOrClosedShadowRoot`
 * that it gives content scripts only (https://developer.mozilla.org/docs/Web/API/Element/openOrClosedShadowRoot).
 * Outside an extension (unit tests, the CLI) neither exists and only open roots are seen.
 */

/** Reads an element's closed shadow root, or null when this world cannot. */
export type ClosedShadowRoot = (element: HTMLElement) => ShadowRoot | null;

/** This world's reader of closed shadow roots, if it has one. */
export function closedShadowRootReader(): ClosedShadowRoot | null {
  const chromium = globalThis.chrome?.dom?.openOrClosedShadowRoot;
  if (chromium) return (element) => chromium(element);
  if (typeof HTMLElement !== 'undefined' && 'openOrClosedShadowRoot' in HTMLElement.prototype) {
    return (element) => (element as HTMLElement & { openOrClosedShadowRoot: ShadowRoot | null }).openOrClosedShadowRoot;
  }
  return null;
}
