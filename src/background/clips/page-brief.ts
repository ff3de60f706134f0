import { buildBrief } from '../../brief/build';
import { type CompiledSignals, evaluateSignals } from '../../engine';
import type { Brief, FiredSignal } from '../../model/brief';
import type { Card } from '../../model/card';
import type { Article, Clip } from '../../model/clip';
import type { Library } from '../library';

/*
 * A page's brief, built here where the cards and clips are: the article's text and its mentions, every card of
 * the library (a card's related names are looked up among them), the watch signals that fired and the user's
 * earlier clips. Local: nothing leaves the browser.
 */

/** The watch signals that fire on an article's text, with the sentence that shows each (src/engine/signals.ts). */
export function firedSignals(
  compiled: CompiledSignals,
  article: Pick<Article, 'text'>,
  mentions: ReadonlyArray<{ cardId: string; start: number; end: number }>,
): FiredSignal[] {
  return evaluateSignals(compiled, { text: article.text, mentions }).map((hit) => ({
    cardId: hit.cardId,
    signal: hit.text,
    evidence: hit.evidence.sentence,
  }));
}

/** Where the brief reads the cards: the library (its own cards, and a teammate's by id). */
export type CardSource = Pick<Library, 'listEntries' | 'getCard' | 'signals'>;

/** The brief of an article whose mentions were found, against the user's library and earlier clips. */
export async function briefOf(
  library: CardSource,
  article: Article,
  mentions: ReadonlyArray<{ cardId: string; start: number; end: number }>,
  clips: readonly Clip[],
): Promise<Brief> {
  const cards = new Map<string, Card>((await library.listEntries()).map((e) => [e.card.id, e.card]));
  // A teammate's card is not among the user's own.
  for (const id of new Set(mentions.map((m) => m.cardId))) {
    if (cards.has(id)) continue;
    const card = await library.getCard(id).catch(() => null);
    if (card) cards.set(id, card);
  }
  return buildBrief({
    title: article.title,
    url: article.canonicalUrl,
    text: article.text,
    mentions,
    cards: [...cards.values()],
    signals: firedSignals(await library.signals(), article, mentions),
    clips,
  });
}
