/*
 * Opening PDFs in Dossier's reader (pdf.html?file=<address>): from a link's context menu, and from the page's
 * context menu or the toolbar button's menu on a PDF the browser shows. The browser's own viewer runs no
 * extension code, so the reader is where Dossier can read a PDF.
 */

/** The context menu item on a link to a PDF. */
export const OPEN_LINK = 'pdf-open-link';
/** The context menu item on a PDF the browser shows (its page, or the toolbar button). */
export const OPEN_PAGE = 'pdf-open-page';

const PDF_PATTERNS = ['http://*/*.pdf*', 'https://*/*.pdf*', 'file:///*.pdf*', 'http://*/*.PDF*', 'https://*/*.PDF*'];

/** The reader's address for a PDF's address. */
export function readerUrl(file: string): string {
  return `${chrome.runtime.getURL('pdf.html')}?file=${encodeURIComponent(file)}`;
}

/** Creates the "Open in Dossier" menu items (after the other items are made). */
export function createPdfMenu(): void {
  chrome.contextMenus.create({
    id: OPEN_LINK,
    title: 'Open PDF in Dossier',
    contexts: ['link'],
    targetUrlPatterns: PDF_PATTERNS,
  });
  chrome.contextMenus.create({
    id: OPEN_PAGE,
    title: 'Open in Dossier',
    contexts: ['page', 'frame', 'action'],
    documentUrlPatterns: PDF_PATTERNS,
  });
}

/** Opens the reader for a menu click (a link in a new tab beside its own, a shown PDF in its own tab). */
export async function onPdfMenu(
  info: { menuItemId: string | number; linkUrl?: string; pageUrl?: string },
  tab: { id?: number; index?: number; url?: string } | undefined,
): Promise<boolean> {
  if (info.menuItemId === OPEN_LINK && info.linkUrl) {
    await chrome.tabs.create({
      url: readerUrl(info.linkUrl),
      ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}),
    });
    return true;
  }
  if (info.menuItemId === OPEN_PAGE) {
    const url = tab?.url ?? info.pageUrl;
    if (!url || tab?.id === undefined) return true;
    await chrome.tabs.update(tab.id, { url: readerUrl(url) });
    return true;
  }
  return false;
}
