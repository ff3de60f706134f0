import { Readability } from '@mozilla/readability';
import type { Article } from '../model/clip';
import { articleText } from './block-text';
import { canonicalUrl } from './canonical';

export type { Article };

/*
 * The readable article of a page, as Dossier stores it. Runs wherever a DOM exists: the content script on the
 * live page (on a clone: the page is never changed), or Node with jsdom for saved pages (`npm run clip`). The
 * article's HTML is sanitised by the caller's DOMPurify, which needs that DOM's window.
 */

/** Sanitises HTML (DOMPurify bound to the DOM at hand). */
export type Sanitise = (html: string) => string;

/** Why a page has no article to clip. */
export class NoArticleError extends Error {}

/** Extracts the article of a document (left untouched: Readability works on a clone). */
export function extractArticle(doc: Document, pageUrl: string, sanitise: Sanitise): Article {
  const clone = doc.cloneNode(true) as Document;
  const parsed = new Readability(clone, { charThreshold: 200 }).parse();
  if (!parsed?.content) throw new NoArticleError('Dossier found no article on this page to clip.');
  const html = sanitise(parsed.content);
  const blank = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);
  return {
    url: pageUrl,
    canonicalUrl: canonicalUrl(doc, pageUrl),
    title: blank(parsed.title) ?? blank(doc.title) ?? pageUrl,
    // A byline taken from the page's layout may span lines.
    byline: blank(parsed.byline?.replace(/\s+/g, ' ')),
    siteName: blank(parsed.siteName),
    published: blank(parsed.publishedTime),
    excerpt: blank(parsed.excerpt),
    lang: blank(parsed.lang),
    html,
    // A line per block, read from the sanitised HTML that is stored (block-text.ts).
    text: articleText(doc, html),
  };
}
