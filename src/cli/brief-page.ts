import { JSDOM, VirtualConsole } from 'jsdom';
import { type BriefClip, buildBrief } from '../brief/build';
import { canonicalUrl } from '../clip/canonical';
import { NoArticleError } from '../clip/extract';
import { compileDictionary, compileSignals, evaluateSignals, scan } from '../engine';
import type { Brief, FiredSignal } from '../model/brief';
import { type Card, toEntry } from '../model/card';
import { clipHtml } from './clip-page';
import { extractText } from './extract-text';

/*
 * `npm run brief` for saved pages: the article as the extension reads it (the clip's extraction, on jsdom),
 * the engine's mentions of its text, and the brief the side panel shows for it. A page with no article is
 * briefed from its visible text, as the extension does.
 */

/** The brief of a saved page's HTML. */
export function briefHtml(html: string, url: string, cards: readonly Card[], clips: readonly BriefClip[] = []): Brief {
  return briefText(articleOrText(html, url, cards), cards, clips);
}

/** The brief of a text already read (a page's article, a PDF's pages) with its mentions. */
export function briefText(
  page: ReturnType<typeof articleOrText>,
  cards: readonly Card[],
  clips: readonly BriefClip[] = [],
): Brief {
  // The watch signals of the cards that fire on the same text, as the extension evaluates them.
  const signals: FiredSignal[] = evaluateSignals(compileSignals(cards), page).map((hit) => ({
    cardId: hit.cardId,
    signal: hit.text,
    evidence: hit.evidence.sentence,
  }));
  return buildBrief({ ...page, cards, signals, clips });
}

function articleOrText(html: string, url: string, cards: readonly Card[]) {
  try {
    const clip = clipHtml(html, url, cards, new Date(0).toISOString());
    return { title: clip.title, url: clip.canonicalUrl, text: clip.text, mentions: clip.mentions };
  } catch (error) {
    if (!(error instanceof NoArticleError)) throw error;
  }
  const { window } = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  try {
    const text = extractText(html);
    const mentions = scan(compileDictionary(cards.map(toEntry)), text).map((m) => ({
      cardId: m.id,
      start: m.start,
      end: m.end,
    }));
    const canonical = canonicalUrl(window.document, url);
    return { title: window.document.title.trim() || canonical, url: canonical, text, mentions };
  } finally {
    window.close();
  }
}
