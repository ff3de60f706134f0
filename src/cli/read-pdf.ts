import { readFileSync, statSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { DocumentText, PageText } from '../pdf/page-text';
import { describePdfError, MAX_PDF_BYTES, type PdfInfo, readDocumentText, readInfo } from '../pdf/read';

/** A PDF read in Node: its text (pages joined), each page's text and its metadata. */
export interface ReadPdf extends DocumentText {
  pages: PageText[];
  info: PdfInfo;
  bytes: Uint8Array;
}

/** Whether a file name is a PDF's. */
export const isPdfPath = (file: string) => /\.pdf$/i.test(file);

/** Reads a PDF file with pdf.js (its legacy build, for Node); a password-protected or damaged file is an error. */
export async function readPdfFile(file: string, password?: string): Promise<ReadPdf> {
  const size = statSync(file).size;
  if (size > MAX_PDF_BYTES)
    throw new Error(`the file is ${Math.round(size / 1048576)} MB: Dossier reads PDFs of at most 100 MB`);
  const bytes = new Uint8Array(readFileSync(file));
  // pdf.js takes its data away (transfers it to the worker): give it a copy, keep ours for the hash.
  const task = getDocument({ data: bytes.slice(), password, isEvalSupported: false, verbosity: 0 });
  try {
    const doc = await task.promise.catch((error: unknown) => {
      throw new Error(describePdfError(error).message);
    });
    const [text, info] = await Promise.all([readDocumentText(doc), readInfo(doc)]);
    return { ...text, info, bytes };
  } finally {
    await task.destroy();
  }
}
