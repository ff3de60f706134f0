import { buildBrief } from '../brief/build';
import type { Brief, FiredSignal } from '../model/brief';
import type { Card } from '../model/card';
import type { Article, Clip } from '../model/clip';
import type { Library } from './library';

/*
 * A page's brief, built here where the cards and clips are: the article's text and its mentions, every card of
 * the library (a card's related names are looked up among them), the watch signals that fired and the user's
 * earlier clips. Local: nothing leaves the browser.
 */

/** The watch signals of the cards that fired on a page. None until signals are evaluated; the merge wires them. */
export function firedSignals(_article: Article, _mentions: ReadonlyArray<{ cardId: string }>): FiredSignal[] {
  return [];
}

/** Where the brief reads the cards: the library (its own cards, and a teammate's by id). */
export type CardSource = Pick<Library, 'listEntries' | 'getCard'>;

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
    signals: firedSignals(article, mentions),
    clips,
  });
}
