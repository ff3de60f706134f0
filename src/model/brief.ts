/*
 * A page brief: what a page says about the cards the user tracks, in the seed brief's shape (title, summary,
 * entities and topics, implications, signals, related intelligence). Built by src/brief/build.ts; kept with a
 * clip when the user clips a page with its brief.
 */

/** A watch signal of a card that fired on the page: the card, the signal, and the sentence that matched. */
export interface FiredSignal {
  cardId: string;
  signal: string;
  evidence: string;
}

/** An entity or topic of the page, with its number of mentions. */
export interface BriefCount {
  cardId: string;
  name: string;
  kind: string;
  count: number;
}

/** A card an implication comes from. */
export interface BriefCardRef {
  cardId: string;
  name: string;
}

/** An implication of the cards involved, once, with every card that carries it. */
export interface BriefImplication {
  text: string;
  cards: BriefCardRef[];
}

/** A signal that fired, with its card's name. */
export interface BriefSignal extends FiredSignal {
  name: string;
}

/** A card related to the page that the page does not mention. */
export interface RelatedCard {
  /** Null when the name a card lists as related is no card of the user's. */
  cardId: string | null;
  name: string;
  /** 2 for each of the page's cards that lists it as related, 1 for each earlier clip mentioning it with them. */
  score: number;
  /** The page's cards that list it as related. */
  relatedTo: string[];
  /** Earlier clips in which it is mentioned together with the page's cards. */
  clips: number;
}

/** An earlier clip sharing cards with the page. */
export interface RelatedClip {
  clipId: string;
  title: string;
  url: string;
  clipped: string;
  /** The names of the page's cards it mentions too (its score is their number). */
  shared: string[];
}

/** A page's brief. */
export interface Brief {
  title: string;
  url: string;
  /** The sentences that carry the most tracked mentions, in page order. */
  summary: string[];
  entities: BriefCount[];
  topics: BriefCount[];
  implications: BriefImplication[];
  signals: BriefSignal[];
  related: { cards: RelatedCard[]; clips: RelatedClip[] };
  /** Mentions of tracked cards on the page. */
  mentions: number;
}
