import createDOMPurify from 'dompurify';
import { JSDOM, VirtualConsole } from 'jsdom';
import { type Article, extractArticle } from '../clip/extract';
import { clipMarkdown } from '../clip/markdown';
import { compileDictionary, scan } from '../engine';
import { type Card, isTopic, toEntry } from '../model/card';
import { type AnnotationPage, toAnnotationPage } from './annotation-page';

/*
 * `npm run clip` for saved pages: the extension's own extraction (src/clip/) on jsdom, the engine's mentions of
 * the article's text, and the Markdown or JSON the extension exports.
 */

/** A clip as the JSON export holds it. */
export interface ClipRecord extends Article {
  type: 'dossier-clip';
  clipped: string;
  tags: string[];
  note: string;
  /** The article's mentions as W3C Web Annotations on its text. */
  mentions: AnnotationPage;
}

/** Clips a saved page's HTML. */
export function clipHtml(html: string, url: string, cards: readonly Card[], clipped: string): ClipRecord {
  // The saved page's own stylesheets and scripts are neither run nor reported.
  const { window } = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  try {
    const purify = createDOMPurify(window as unknown as Window & typeof globalThis);
    const article = extractArticle(window.document, url, (dirty) => purify.sanitize(dirty));
    const matches = scan(compileDictionary(cards.map(toEntry)), article.text);
    const byId = new Map(cards.map((c) => [c.id, { name: c.name, topic: isTopic(c) }]));
    return {
      type: 'dossier-clip',
      ...article,
      clipped,
      tags: [],
      note: '',
      mentions: toAnnotationPage(article.text, matches, byId),
    };
  } finally {
    window.close();
  }
}

/** The names of the cards a clip mentions, most mentioned first. */
export function mentionedNames(clip: ClipRecord): string[] {
  const counts = new Map<string, number>();
  for (const item of clip.mentions.items) counts.set(item.body.value, (counts.get(item.body.value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}

/** The clip as a Markdown note with front matter. */
export function clipToMarkdown(clip: ClipRecord): string {
  return clipMarkdown(clip, {
    clipped: clip.clipped,
    tags: clip.tags,
    entities: mentionedNames(clip),
    note: clip.note,
  });
}
