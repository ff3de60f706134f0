import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { clipMentions } from '../clip/mentions';
import { pdfArticle } from '../clip/pdf';
import { compileDictionary, scan } from '../engine';
import { type Card, toEntry } from '../model/card';
import { type Clip, clipIdOf } from '../model/clip';
import { pageAt } from '../pdf/page-text';
import type { ReadPdf } from './read-pdf';

/**
 * Clips a PDF read with pdf.js: its pages' text with a heading per page, its metadata, the engine's mentions
 * (each with its page), the file's SHA-256 and size, and pdf.js's fingerprint of it.
 */
export function clipPdf(pdf: ReadPdf, file: string, url: string, cards: readonly Card[], clipped: string): Clip {
  const article = pdfArticle(
    { url, fileName: basename(file), title: pdf.info.title, author: pdf.info.author, created: pdf.info.created },
    pdf.pages.map((p) => p.text),
    pdf.text,
  );
  const found = scan(compileDictionary(cards.map(toEntry)), pdf.text).map((m) => ({
    cardId: m.id,
    start: m.start,
    end: m.end,
  }));
  const names = new Map(cards.map((c) => [c.id, c.name]));
  const mentions = clipMentions(pdf.text, found, names).map((m) => ({ ...m, page: pageAt(pdf, m.start) }));
  return {
    ...article,
    clipId: clipIdOf(article.canonicalUrl),
    clipped,
    updated: clipped,
    tags: [],
    note: '',
    mentions,
    pdf: {
      fingerprint: pdf.info.fingerprint,
      pages: pdf.info.pages,
      sha256: createHash('sha256').update(pdf.bytes).digest('hex'),
      bytes: pdf.bytes.byteLength,
      pageStarts: pdf.starts,
    },
  };
}
