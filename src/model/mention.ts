/** How a mention was linked to its card. */
export type MatchKind = 'exact' | 'alias' | 'keyword' | 'fuzzy';

/** How a mention's text differs from the name or alias a list writes (the engine's MatchVariant). */
export const MATCH_VARIANTS = [
  'reordered',
  'shortened',
  'family-first',
  'untitled',
  'initialled',
  'transliterated',
] as const;
export type MatchVariant = (typeof MATCH_VARIANTS)[number];

/** One mention found in a text: offsets are UTF-16 indices into that text, end exclusive. */
export interface Mention {
  cardId: string;
  start: number;
  end: number;
  /** The text of the mention, as it stands in the page. */
  quote: string;
  match: MatchKind;
  /** 0..1: how sure the engine is that this span names the card. */
  confidence: number;
  /** For fuzzy and alias matches, the card name or alias that was matched. */
  matched?: string;
  /**
   * How the mention's text differs from `matched` as the list writes it ("Bashar al-Assad" for "AL-ASSAD,
   * Bashar": reordered); absent when the page writes it as the list does.
   */
  variant?: MatchVariant;
  /** A few words of the page's text before and after the mention (the side panel's snippet). */
  before?: string;
  after?: string;
  /** In a PDF, the 1-based page the mention is on. */
  page?: number;
}

/** What a page's content script needs of a card to paint and show it. */
export interface CardSummary {
  id: string;
  name: string;
  kind: string;
  topic: boolean;
}

/** Characters of context kept on each side of a mention, for the side panel's snippets. */
const CONTEXT = 40;

/** The words around a mention, cut at a word boundary, on one line. */
function contextOf(text: string, start: number, end: number): { before: string; after: string } {
  const clean = (s: string) => s.replace(/\s+/g, ' ');
  let before = clean(text.slice(Math.max(0, start - CONTEXT), start));
  let after = clean(text.slice(end, end + CONTEXT));
  if (start > CONTEXT) before = before.replace(/^\S*\s?/, '');
  if (end + CONTEXT < text.length) after = after.replace(/\s?\S*$/, '');
  return { before, after };
}

/** What the engine reports of a span it linked (its `EngineMatch`, as far as a mention needs it). */
export interface LinkedSpan {
  id: string;
  start: number;
  end: number;
  match: MatchKind;
  confidence: number;
  matched: string;
  variant?: MatchVariant;
}

/**
 * The mentions of a text from the engine's matches, and the cards they name (each once, in order of first
 * mention); a match of a card not in `cards` (or of one left out, as a card ignored on the site) is dropped.
 * The background (for the PDF reader, and pages whose dictionary stays in the worker) and the content script
 * (matching in the page) both make their mentions here.
 */
export function mentionsIn(
  text: string,
  matches: Iterable<LinkedSpan>,
  cards: Pick<ReadonlyMap<string, CardSummary>, 'get'>,
): { mentions: Mention[]; cards: CardSummary[] } {
  const mentions: Mention[] = [];
  const seen = new Map<string, CardSummary>();
  for (const m of matches) {
    const card = cards.get(m.id);
    if (!card) continue;
    if (!seen.has(card.id)) seen.set(card.id, card);
    mentions.push({
      cardId: m.id,
      start: m.start,
      end: m.end,
      quote: text.slice(m.start, m.end),
      ...contextOf(text, m.start, m.end),
      match: m.match,
      confidence: m.confidence,
      matched: m.matched,
      ...(m.variant ? { variant: m.variant } : {}),
    });
  }
  return { mentions, cards: [...seen.values()] };
}
