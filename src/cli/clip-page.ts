import createDOMPurify from 'dompurify';
import { JSDOM, VirtualConsole } from 'jsdom';
import { type ClipsCollection, clipsCollection } from '../clip/collection';
import { extractArticle } from '../clip/extract';
import { clipNote } from '../clip/markdown';
import { clipMentions } from '../clip/mentions';
import { compileDictionary, scan } from '../engine';
import { type Card, toEntry } from '../model/card';
import { type Clip, clipIdOf } from '../model/clip';

/*
 * `npm run clip` for saved pages: the extension's own extraction (src/clip/) on jsdom, the engine's mentions of
 * the article's text, and the Markdown note or JSON-LD file the extension exports for a clip.
 */

/** Clips a saved page's HTML, as the extension clips the page itself. */
export function clipHtml(html: string, url: string, cards: readonly Card[], clipped: string): Clip {
  // The saved page's own stylesheets and scripts are neither run nor reported.
  const { window } = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  try {
    const purify = createDOMPurify(window as unknown as Window & typeof globalThis);
    const article = extractArticle(window.document, url, (dirty) => purify.sanitize(dirty));
    const found = scan(compileDictionary(cards.map(toEntry)), article.text).map((m) => ({
      cardId: m.id,
      start: m.start,
      end: m.end,
    }));
    const names = new Map(cards.map((c) => [c.id, c.name]));
    return {
      ...article,
      clipId: clipIdOf(article.canonicalUrl),
      clipped,
      updated: clipped,
      tags: [],
      note: '',
      mentions: clipMentions(article.text, found, names),
    };
  } finally {
    window.close();
  }
}

/** The clip as the Markdown note the extension exports (YAML front matter, the article, the user's note). */
export function clipToMarkdown(clip: Clip): string {
  return clipNote(clip);
}

/** The clip as the JSON-LD file the extension exports for its clips (a W3C AnnotationCollection). */
export function clipToJson(clip: Clip): ClipsCollection {
  return clipsCollection([clip], [], clip.updated);
}
