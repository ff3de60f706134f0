import { buildBrief } from '../../brief/build';
import { type CompiledSignals, evaluateSignals } from '../../engine';
import type { Brief, FiredSignal } from '../../model/brief';
import type { Card } from '../../model/card';
import type { Article, Clip } from '../../model/clip';
import type { Library } from '../library';

/*
 * A page's brief, built here where the cards and clips are: the article's text and its mentions, the cards it
 * needs (those mentioned, those its signals and related clips name, and the cards a mentioned card lists as
 * related, found by name), the watch signals that fired and the user's earlier clips. The cards are read by id
 * and by name, never a list of a million names whole. Local: nothing leaves the browser.
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

/** Where the brief reads the cards: the library (its own cards by id and by name, and a teammate's by id). */
export type CardSource = Pick<Library, 'someCards' | 'ownCardsNamed' | 'getCard' | 'signals'>;

/** The brief of an article whose mentions were found, against the user's library and earlier clips. */
export async function briefOf(
  library: CardSource,
  article: Article,
  mentions: ReadonlyArray<{ cardId: string; start: number; end: number }>,
  clips: readonly Clip[],
): Promise<Brief> {
  const mentioned = [...new Set(mentions.map((m) => m.cardId))];
  const signals = firedSignals(await library.signals(), article, mentions);
  // The cards named by the earlier clips (of another page) that share a card with this page: related intelligence.
  const onPage = new Set(mentioned);
  const clipped = clips.flatMap((clip) =>
    clip.canonicalUrl !== article.canonicalUrl && clip.mentions.some((m) => onPage.has(m.cardId))
      ? clip.mentions.map((m) => m.cardId)
      : [],
  );
  const cards = new Map<string, Card>();
  for (const card of await library.someCards([...mentioned, ...signals.map((s) => s.cardId), ...clipped])) {
    cards.set(card.id, card);
  }
  // A teammate's card is not among the user's own.
  const theirs = new Map<string, Card>();
  for (const id of mentioned) {
    if (cards.has(id)) continue;
    const card = await library.getCard(id).catch(() => null);
    if (card) theirs.set(id, card);
  }
  // Every card of the user's with a name a mentioned card lists as related, in the library's order and ahead of
  // the rest: the brief names each related name by its first card (as among every card of the library).
  const relatedNames = mentioned.flatMap((id) => (cards.get(id) ?? theirs.get(id))?.related ?? []);
  const named = await library.ownCardsNamed(relatedNames);
  const namedIds = new Set(named.map((card) => card.id));
  return buildBrief({
    title: article.title,
    url: article.canonicalUrl,
    text: article.text,
    mentions,
    cards: [...named, ...[...cards.values()].filter((card) => !namedIds.has(card.id)), ...theirs.values()],
    signals,
    clips,
  });
}
