import * as v from 'valibot';

/*
 * The one gate for a stored address shown as a link: a page's URL in a clip, a signal hit, a teammate's
 * document or a restored backup may be anything (`javascript:alert(1)`, `data:text/html,…`, ` java\tscript:…`).
 * Only absolute http, https and mailto URLs become links; anything else is shown as text.
 */

/** The schemes a stored URL may have to be shown as a link. */
export const LINK_SCHEMES: readonly string[] = ['http:', 'https:', 'mailto:'];

/** Longest URL shown as a link. */
export const MAX_LINK_URL = 8192;

/**
 * The URL to put in an `href` (as the URL parser writes it), or null when `value` is not an absolute http,
 * https or mailto URL. Control characters anywhere, and whitespace around it, refuse it: URL parsers drop tabs
 * and line breaks inside a scheme (`java\tscript:` is `javascript:`) and trim what surrounds it, so nothing is
 * let through to be read one way here and another in the browser. A space inside (a path) is percent-encoded.
 */
export function safeLink(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LINK_URL) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses.
  if (value !== value.trim() || /[\u0000-\u001f\u007f-\u009f]/.test(value)) return null;
  // An absolute URL names its scheme first; anything else (relative, protocol-relative) is no link.
  if (!/^[a-z][a-z0-9+.-]*:/i.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (!LINK_SCHEMES.includes(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && !url.hostname) return null;
  if (url.username || url.password) return null;
  return url.href;
}

/** Whether `value` is a URL that may be shown as a link (see `safeLink`). */
export function isSafeLink(value: unknown): value is string {
  return safeLink(value) !== null;
}

/**
 * Whether `value` is the address of a page Dossier ran on, as stored with a clip, a signal hit or an
 * annotation: an absolute http, https or file URL, with no control characters and no whitespace around it.
 */
export function isPageUrl(value: string): boolean {
  if (value.length === 0 || value.length > MAX_LINK_URL) return false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses.
  if (value !== value.trim() || /[\u0000-\u001f\u007f-\u009f]/.test(value)) return false;
  if (!/^(https?|file):/i.test(value)) return false;
  try {
    return ['http:', 'https:', 'file:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** A stored page address (see `isPageUrl`). */
export const PageUrlSchema = v.pipe(
  v.string(),
  v.check(isPageUrl, "must be a page's address (http, https or file), not a javascript:, data: or other URL"),
);
