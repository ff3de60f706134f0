import type { ClipMention } from '../model/clip';

/** Characters of context kept on each side of a mention (its TextQuoteSelector's prefix and suffix). */
export const MENTION_CONTEXT = 32;

/** A mention found in an article's text: the card and where. */
export interface FoundMention {
  cardId: string;
  start: number;
  end: number;
}

/**
 * The mentions of a clip's text with their W3C selectors' fields, as the extension stores them and the CLI
 * prints them (the same function for both, so a saved page clips as the page itself does).
 */
export function clipMentions(
  text: string,
  found: readonly FoundMention[],
  names: ReadonlyMap<string, string>,
): ClipMention[] {
  return found.map((m) => ({
    cardId: m.cardId,
    name: names.get(m.cardId) ?? m.cardId,
    exact: text.slice(m.start, m.end),
    prefix: text.slice(Math.max(0, m.start - MENTION_CONTEXT), m.start),
    suffix: text.slice(m.end, m.end + MENTION_CONTEXT),
    start: m.start,
    end: m.end,
  }));
}
