/**
 * Our one element in the page: created on first need (a hover), never at load. Its shadow root is closed so
 * the page can neither style nor read what is inside, and it carries no id, class or attribute.
 */
export interface Host {
  element: HTMLElement;
  root: ShadowRoot;
}

let host: Host | null = null;

/** The host element, attached to the document (created when first asked for). */
export function ensureHost(doc: Document, css: string): Host {
  if (host?.element.isConnected) return host;
  const element = doc.createElement('div');
  const root = element.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  doc.documentElement.append(element);
  host = { element, root };
  return host;
}

/** The host element if it exists: text collection skips it. */
export function currentHost(): HTMLElement | null {
  return host?.element ?? null;
}

/** Removes our element from the page (teardown). */
export function removeHost(): void {
  host?.element.remove();
  host = null;
}
