import * as v from 'valibot';
import { CardSchema } from './card';

/** The pack format's current version; a pack of a newer version is refused, an older one migrated. */
export const PACK_FORMAT_VERSION = 1;
/** The pack that comes with Dossier. */
export const BUILT_IN_PACK_ID = 'default';
/** The pack that holds the cards the user makes. */
export const USER_PACK_ID = 'my-cards';
/** Most cards one pack may hold: a consolidated watchlist's 300,000 entities, with room to grow. */
export const MAX_PACK_CARDS = 500_000;
/** Most names (card names and aliases together) one pack may hold. */
export const MAX_PACK_NAMES = 2_000_000;
/**
 * How many buckets a list's cards are stored in (by a hash of the card id; see store/lists.ts): about 75 cards each
 * at 300,000, so that a new version with 1,600 changes rewrites about a third of them.
 */
export const LIST_BUCKETS = 4096;
/**
 * Pack files (CSV or JSON) from this size on are imported as a list: read as a stream with progress and Cancel,
 * stored in buckets, and a new version applies only its difference (cards it no longer has are removed).
 */
export const LIST_IMPORT_BYTES = 1024 * 1024;
/**
 * Largest pack file read as a stream (a list, CSV or JSON): a list of 1,000,000 names is about 45 MB as CSV and
 * 90 MB as JSON.
 */
export const MAX_LIST_PACK_BYTES = 256 * 1024 * 1024;

/** A versioned bundle of cards, the unit of install, import, export and sharing. */
export const PackSchema = v.strictObject({
  format: v.literal('dossier-pack'),
  formatVersion: v.literal(PACK_FORMAT_VERSION),
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'must be a lower-case slug')),
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)),
  version: v.pipe(v.string(), v.regex(/^\d+\.\d+\.\d+$/, 'must be a semantic version such as 1.0.0')),
  description: v.optional(v.pipe(v.string(), v.maxLength(4000)), ''),
  cards: v.pipe(v.array(CardSchema), v.maxLength(MAX_PACK_CARDS, `must hold at most ${MAX_PACK_CARDS} cards`)),
});

/** A card pack. */
export type Pack = v.InferOutput<typeof PackSchema>;

/** What writing (importing, upgrading) a pack changed. */
export interface PackReport {
  packId: string;
  name: string;
  added: number;
  updated: number;
  unchanged: number;
  /** Cards left as they are because the user edited or deleted them (for a list: that it changed or removed). */
  kept: number;
  total: number;
}

/** What importing a list (a streamed CSV pack) changed, against the version stored before. */
export interface ListReport extends PackReport {
  /** Cards of the stored version that the new one no longer has (removed from the store). */
  removed: number;
  /** Names (card names and aliases) the list holds now. */
  names: number;
}
