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
  switch (parsed.protocol) {
    case 'http:':
    case 'https:':
      if (/\.pdf$/i.test(parsed.pathname)) return 'Extensions cannot read pages shown in the PDF viewer.';
      return null;
    case 'file:':
      return /\.pdf$/i.test(parsed.pathname) ? 'Extensions cannot read pages shown in the PDF viewer.' : null;
    case 'chrome:':
    case 'chrome-untrusted:':
    case 'edge:':
    case 'about:':
    case 'devtools:':
    case 'view-source:':
      return 'Extensions cannot run on browser pages.';
    case 'chrome-extension:':
      return 'Extensions cannot run on other extensions’ pages.';
    case 'data:':
    case 'blob:':
      return 'Dossier does not annotate data and blob pages.';
    default:
      return `Dossier does not run on ${parsed.protocol} pages.`;
  }
}
