/*
 * The URL a clip is filed under, so that clipping the same article again finds the earlier clip: the page's
 * `<link rel="canonical">` when it names an http(s) URL, else the page's URL without its fragment and the
 * parameters that only track where a reader came from.
 */

/** Query parameters that identify a campaign or a click, not the page. */
const TRACKING =
  /^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|_gl|ref_src|cmpid|ocid|smid|s_cid)$/i;

/** The page's URL without fragment and tracking parameters. */
export function withoutTracking(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  // forEach, not the keys() iterator: in a Firefox content script the page's URLSearchParams comes through an
  // X-ray wrapper whose iterators are not iterable there ("keys() is not iterable").
  const keys: string[] = [];
  parsed.searchParams.forEach((_value, key) => {
    keys.push(key);
  });
  for (const key of keys) if (TRACKING.test(key)) parsed.searchParams.delete(key);
  return parsed.toString();
}

/** The canonical URL of a page (see above); `pageUrl` must be an absolute URL. */
export function canonicalUrl(doc: Document, pageUrl: string): string {
  const href = doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href');
  if (href) {
    try {
      const resolved = new URL(href, pageUrl);
      if (resolved.protocol === 'https:' || resolved.protocol === 'http:') return withoutTracking(resolved.toString());
    } catch {
      // An unparseable canonical link is ignored.
    }
  }
  return withoutTracking(pageUrl);
}
