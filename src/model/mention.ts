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
