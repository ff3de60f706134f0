import type { Article } from '../model/clip';

/*
 * A PDF as a clip's article: its pages' texts (lines joined, as the engine reads them) one after another, its
 * metadata's title, author and date (the first line of its first page standing in for a missing title), and
 * an HTML version with a heading per page, so that the Markdown note carries the page numbers.
 */

/** What a PDF gives a clip besides its pages' texts. */
export interface PdfSource {
  url: string;
  /** The file's name, the last resort for a title. */
  fileName: string;
  title: string | null;
  author: string | null;
  created: string | null;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The title of a PDF: its metadata's (unless a placeholder), else its first page's first line, else its name. */
export function pdfTitle(meta: string | null, firstPage: string, fileName: string): string {
  const usable = meta && !/^(untitled|microsoft word - .*|document\d*)$/i.test(meta.trim()) ? meta.trim() : null;
  if (usable) return usable;
  const first =
    firstPage
      .split(/\n|(?<=[.!?])\s/)[0]
      ?.trim()
      .slice(0, 200) ?? '';
  return first || fileName;
}

/** A PDF's article: `text` is the pages' texts joined as `starts` says. */
export function pdfArticle(source: PdfSource, pages: readonly string[], text: string): Article {
  const title = pdfTitle(source.title, pages[0] ?? '', source.fileName);
  const html = pages
    .map((page, i) => {
      const paragraphs = page
        .split(/\n+/)
        .filter((p) => p.trim() !== '')
        .map((p) => `<p>${escapeHtml(p)}</p>`)
        .join('');
      return `<section data-page="${i + 1}"><h2>Page ${i + 1}</h2>${paragraphs}</section>`;
    })
    .join('');
  const excerpt = text.replace(/\s+/g, ' ').trim().slice(0, 280) || null;
  return {
    url: source.url,
    canonicalUrl: source.url,
    title,
    byline: source.author,
    siteName: null,
    published: source.created,
    excerpt,
    lang: null,
    html,
    text,
  };
}
