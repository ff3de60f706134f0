import * as v from 'valibot';
import { PageUrlSchema } from './safe-url';

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

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const list = <T extends v.GenericSchema>(item: T, max = 10_000) => v.pipe(v.array(item), v.maxLength(max));
const cardRef = v.strictObject({ cardId: text(128), name: text(200) });
const counted = v.strictObject({ cardId: text(128), name: text(200), kind: text(32), count });

/** A brief as a clip keeps it, checked whole (a restored backup). */
export const BriefSchema = v.strictObject({
  title: text(10_000),
  url: PageUrlSchema,
  summary: list(text(20_000)),
  entities: list(counted),
  topics: list(counted),
  implications: list(v.strictObject({ text: text(4000), cards: list(cardRef) })),
  signals: list(v.strictObject({ cardId: text(128), signal: text(4000), evidence: text(20_000), name: text(200) })),
  related: v.strictObject({
    cards: list(
      v.strictObject({
        cardId: v.nullable(text(128)),
        name: text(200),
        score: v.pipe(v.number(), v.minValue(0)),
        relatedTo: list(text(200)),
        clips: count,
      }),
    ),
    clips: list(
      v.strictObject({
        clipId: v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/)),
        title: text(10_000),
        url: PageUrlSchema,
        clipped: v.pipe(v.string(), v.isoTimestamp()),
        shared: list(text(200)),
      }),
    ),
  }),
  mentions: count,
});
