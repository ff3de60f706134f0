import { POPOVER_CSS } from '../ui/popover/popover.css';
import { TOOLBAR_CSS } from '../ui/toolbar/toolbar.css';

/** Everything our shadow root shows (the card popover and the annotation toolbar). */
const HOST_CSS = POPOVER_CSS + TOOLBAR_CSS;

/**
 * Our one element in the page: created on first need (a hover or a keyboard command), never at load. Its
 * shadow root is closed so the page can neither style nor read what is inside, and it carries no id, class or
 * attribute.
 */
export interface Host {
  element: HTMLElement;
  root: ShadowRoot;
}

let host: Host | null = null;

/** The host element, attached to the document (created when first asked for). */
export function ensureHost(doc: Document): Host {
  if (host?.element.isConnected) return host;
  const element = doc.createElement('div');
  const root = element.attachShadow({ mode: 'closed' });
  // A constructed style sheet, not a <style> element: a page's CSP (style-src) does not apply to it.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(HOST_CSS);
  root.adoptedStyleSheets = [sheet];
  doc.documentElement.append(element);
  host = { element, root };
  return host;
}

/** The host element if it exists: text collection skips it. */
export function currentHost(): HTMLElement | null {
  return host?.element ?? null;
}

/** Whether a node is our element or inside it. */
export function isOurs(node: Node): boolean {
  const element = host?.element;
  return element !== undefined && (node === element || element.contains(node));
}

/** Removes our element from the page (teardown). */
export function removeHost(): void {
  host?.element.remove();
  host = null;
}
