/*
 * Which sites Dossier may read. Chromium grants an extension's host permissions at install; Firefox's MV3 leaves
 * them to the user, who may grant all sites, some, or none, and withdraw them later (in both browsers).
 * These are the pure parts: the match pattern of a page's site, and what is said where access is missing.
 */

/** The host permissions that mean "all sites" (as manifest.json asks for them). */
export const ALL_SITES: readonly string[] = ['http://*/*', 'https://*/*'];

/** What the toolbar and the side panel say on a page of a site the user has not allowed. */
export const NOT_ALLOWED_REASON =
  'You have not allowed Dossier to read this site (its toolbar button opens the panel that allows it).';

/** The match pattern that grants one site (`https://example.com/*`), or null for a page that has none. */
export function sitePattern(url: string | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (!parsed.hostname) return null;
  return `${parsed.protocol}//${parsed.hostname}/*`;
}

/**
 * The site a user typed (`example.com`, `https://example.com/page`) as the pattern that grants it over
 * https; null when it is not a host name.
 */
export function typedSitePattern(typed: string): string | null {
  const text = typed.trim();
  if (!text) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  const pattern = sitePattern(withScheme);
  if (!pattern) return null;
  const host = new URL(withScheme).hostname;
  // A name with at least one dot, or localhost; no wildcard, no bare word that a typo would make.
  return host === 'localhost' || /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(host) ? pattern : null;
}
