import type { PDFDocumentProxy } from 'pdfjs-dist';
import { type DocumentText, documentText, type PageText, pageText, textItems } from './page-text';

/** Largest PDF Dossier opens. */
export const MAX_PDF_BYTES = 100 * 1024 * 1024;
/** Past this many pages, a document is matched page by page as it is read, not whole at once. */
export const LONG_PDF_PAGES = 1000;

/** What the user is told about a PDF without text (a scan): nothing can be matched in it. */
export const NO_TEXT = 'This PDF has no text: Dossier cannot read it (it may be a scan).';

/** The metadata Dossier keeps of a PDF. */
export interface PdfInfo {
  fingerprint: string;
  pages: number;
  title: string | null;
  author: string | null;
  created: string | null;
  modified: string | null;
}

/** Reads the text of one page (1-based). */
export async function readPage(doc: PDFDocumentProxy, number: number): Promise<PageText> {
  const page = await doc.getPage(number);
  const content = await page.getTextContent();
  return pageText(textItems(content.items));
}

/** Reads every page's text in order; `onPage` sees each as it comes. */
export async function readPages(
  doc: PDFDocumentProxy,
  onPage?: (number: number, page: PageText) => void,
): Promise<PageText[]> {
  const pages: PageText[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await readPage(doc, n);
    pages.push(page);
    onPage?.(n, page);
  }
  return pages;
}

/** A whole document's text (pages joined), or the NO_TEXT error when it has none. */
export async function readDocumentText(doc: PDFDocumentProxy): Promise<DocumentText & { pages: PageText[] }> {
  const pages = await readPages(doc);
  if (pages.every((p) => p.text.trim() === '')) throw new Error(NO_TEXT);
  return { ...documentText(pages.map((p) => p.text)), pages };
}

/** A PDF date (`D:20240131120000Z`) as an ISO 8601 string, or null. */
export function pdfDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?/.exec(value);
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00'] = m;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The document's fingerprint, page count and its metadata's title, author and dates. */
export async function readInfo(doc: PDFDocumentProxy): Promise<PdfInfo> {
  const { info } = (await doc.getMetadata().catch(() => ({ info: {} }))) as { info: Record<string, unknown> };
  const text = (key: string) => {
    const value = info[key];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  };
  return {
    fingerprint: doc.fingerprints[0] ?? '',
    pages: doc.numPages,
    title: text('Title'),
    author: text('Author'),
    created: pdfDate(info.CreationDate),
    modified: pdfDate(info.ModDate),
  };
}

/** A message for the user about a PDF pdf.js could not open; `needsPassword` when a password would help. */
export function describePdfError(error: unknown): { message: string; needsPassword: boolean; wrongPassword: boolean } {
  const name = error instanceof Error ? error.name : '';
  const code = (error as { code?: unknown } | null)?.code;
  if (name === 'PasswordException') {
    const wrong = code === 2;
    return {
      message: wrong ? 'The password is not right: try again.' : 'This PDF is protected by a password.',
      needsPassword: true,
      wrongPassword: wrong,
    };
  }
  if (name === 'InvalidPDFException') {
    return {
      message: 'This file is damaged or is not a PDF: Dossier cannot open it.',
      needsPassword: false,
      wrongPassword: false,
    };
  }
  if (name === 'ResponseException' || name === 'MissingPDFException') {
    return { message: 'The PDF could not be loaded from its address.', needsPassword: false, wrongPassword: false };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { message: `Dossier could not open this PDF: ${detail}`, needsPassword: false, wrongPassword: false };
}

/** Whether bytes start like a PDF (`%PDF-` within the first kilobyte, as readers accept). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}
