/** The browser's PDF viewer runs no extension: the way to Dossier's reader. */
const PDF_VIEWER =
  'Extensions cannot read pages shown in the browser’s PDF viewer: right-click the PDF and choose “Open in Dossier”.';

/** Why Dossier cannot run on a page, or null when it can. */
export function idleReason(url: string | undefined): string | null {
  if (!url) return 'This tab has no page yet.';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'This tab has no page yet.';
  }
  const host = parsed.hostname;
  if (
    host === 'chromewebstore.google.com' ||
    (host === 'chrome.google.com' && parsed.pathname.startsWith('/webstore'))
  ) {
    return 'Extensions cannot run on the Chrome Web Store.';
  }
  // Firefox keeps extensions off its add-ons site (extensions.webextensions.restrictedDomains).
  if (host === 'addons.mozilla.org' || host === 'accounts.firefox.com') {
    return 'Extensions cannot run on Firefox’s add-ons and accounts sites.';
  }
  switch (parsed.protocol) {
    case 'http:':
    case 'https:':
      if (/\.pdf$/i.test(parsed.pathname)) return PDF_VIEWER;
      return null;
    case 'file:':
      return /\.pdf$/i.test(parsed.pathname) ? 'Extensions cannot read pages shown in the PDF viewer.' : null;
    case 'chrome:':
    case 'chrome-untrusted:':
    case 'edge:':
    case 'about:':
    case 'devtools:':
    case 'resource:':
    case 'view-source:':
      return 'Extensions cannot run on browser pages.';
    case 'chrome-extension:':
    case 'moz-extension:':
      // Dossier's own PDF reader is a page it annotates.
      if (
        parsed.pathname === '/pdf.html' &&
        parsed.href.startsWith(globalThis.chrome?.runtime?.getURL?.('/') ?? '\0')
      ) {
        return null;
      }
      return 'Extensions cannot run on other extensions’ pages.';
    case 'data:':
    case 'blob:':
      return 'Dossier does not annotate data and blob pages.';
    default:
      return `Dossier does not run on ${parsed.protocol} pages.`;
  }
}
