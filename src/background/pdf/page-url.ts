/*
 * Dossier's PDF reader shows a PDF from elsewhere: for the site rules (on or off, ignored cards) its tab is the
 * PDF's address, not the extension's page. A PDF opened from a clip's kept copy or dropped from the disk has no
 * address the reader's URL names: it has no site.
 */

/** The address a tab's page stands for: the reader's PDF (http, https or file) for the reader, else the tab's. */
export function pageUrlOf(tabUrl: string | undefined, readerUrl: string): string | undefined {
  if (!tabUrl?.startsWith(readerUrl)) return tabUrl;
  let file: string | null;
  try {
    file = new URL(tabUrl).searchParams.get('file');
  } catch {
    return undefined;
  }
  if (!file) return undefined;
  try {
    return ['http:', 'https:', 'file:'].includes(new URL(file).protocol) ? file : undefined;
  } catch {
    return undefined;
  }
}
