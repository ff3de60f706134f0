import * as v from 'valibot';
import { type Card, CardSchema, cardLimitError } from '../model/card';
import { type Pack, type PackReport, USER_PACK_ID } from '../model/pack';
import { STORE_SCHEMA, type StoredDoc } from './db';

/*
 * The shapes of card and pack documents, reading a card out of its document, and the rules of bringing a pack
 * into the library. Pure: the CardStore (cards.ts) does the reading and writing.
 */

/** A card as stored: one document per card, id `card:<card id>`. */
export interface CardDoc extends StoredDoc, Omit<Card, 'id'> {
  type: 'card';
  cardId: string;
  /** The pack the card came from (`my-cards` for cards the user made). */
  pack: string;
  /** The user changed the card: a new version of its pack never overwrites it. */
  edited: boolean;
  /** When the user deleted it (ms since 1970), until they undo; null when it is not deleted. */
  trashed: number | null;
  /** When the user last changed it (ISO time), or null. */
  updated: string | null;
}

/** A pack's record: what was installed, at which version, and whether it is enabled. */
export interface PackDoc extends StoredDoc {
  type: 'pack';
  packId: string;
  name: string;
  version: string;
  description?: string;
  enabled: boolean;
  /** Comes with Dossier: it can be disabled but not removed. */
  builtIn: boolean;
  cardIds: string[];
}

/** A card of the library with where it comes from. */
export interface LibraryEntry {
  card: Card;
  pack: string;
  edited: boolean;
}

/** The pack that holds the cards the user makes. */
export const USER_PACK = USER_PACK_ID;

export const cardDocId = (id: string) => `card:${id}`;
export const packDocId = (id: string) => `pack:${id}`;
/** The fields a CSV pack carries; the others are kept when a CSV pack updates stored cards. */
const CSV_FIELDS = ['name', 'aliases', 'kind', 'summary', 'tags'] as const;

/** A first revision id as PouchDB makes them: `1-` and 32 random hex digits. */
export function firstRevision(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `1-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, value[key]])) as Pick<T, K>;
}

// `createdBy` and `updatedBy` are a team's: who shared a card, and who changed it last.
const STORE_FIELDS = new Set([
  'type',
  'schema',
  'cardId',
  'pack',
  'edited',
  'trashed',
  'updated',
  'createdBy',
  'updatedBy',
]);

/** The card in a stored document, or null when the document is not a readable card. */
export function toCard(doc: CardDoc | undefined): Card | null {
  if (doc?.type !== 'card') return null;
  // PouchDB's own fields (_id, _rev, _conflicts…) and the store's bookkeeping are not part of the card.
  const fields = Object.fromEntries(
    Object.entries(doc).filter(([key]) => !key.startsWith('_') && !STORE_FIELDS.has(key)),
  );
  const parsed = v.safeParse(CardSchema, { ...fields, id: doc.cardId });
  return parsed.success ? parsed.output : null;
}

/**
 * The rules of bringing a pack into the library: which of its cards are added, updated, left unchanged, or
 * kept as the user left them (edited or deleted cards are never overwritten). With `keepFields` (a CSV pack),
 * what a CSV cannot carry is kept from the stored card. Returns the documents to write and their cards.
 */
export function mergePack(
  pack: Pack,
  storedDoc: (id: string) => CardDoc | undefined,
  keepFields: boolean,
): { report: PackReport; docs: CardDoc[]; cards: Card[] } {
  const report: PackReport = {
    packId: pack.id,
    name: pack.name,
    added: 0,
    updated: 0,
    unchanged: 0,
    kept: 0,
    total: pack.cards.length,
  };
  const docs: CardDoc[] = [];
  const cards: Card[] = [];
  for (const incoming of pack.cards) {
    const stored = storedDoc(incoming.id);
    if (stored?.edited) {
      report.kept++;
      continue;
    }
    const before = toCard(stored);
    const card = keepFields && before ? { ...before, ...pick(incoming, CSV_FIELDS) } : incoming;
    // The store's own guard: whatever the caller checked, no card past the limits is written.
    const tooBig = cardLimitError(card);
    if (tooBig)
      throw new Error(`The card “${card.name}” (${card.id}) cannot be stored: ${tooBig}; nothing was written.`);
    if (!before) report.added++;
    else if (stored?.pack === pack.id && JSON.stringify(before) === JSON.stringify(card)) {
      report.unchanged++;
      continue;
    } else report.updated++;
    const { id, ...fields } = card;
    cards.push(card);
    docs.push({
      _id: cardDocId(id),
      ...(stored?._rev ? { _rev: stored._rev } : {}),
      type: 'card',
      schema: STORE_SCHEMA,
      cardId: id,
      pack: pack.id,
      edited: false,
      trashed: null,
      updated: null,
      ...fields,
    });
  }
  return { report, docs, cards };
}
