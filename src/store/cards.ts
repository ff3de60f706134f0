import * as v from 'valibot';
import { type Card, CardSchema } from '../model/card';
import type { Pack } from '../model/pack';
import { isNotFound, isQuotaError, openDatabase, PRIVATE_DB, STORE_SCHEMA, type StoredDoc } from './db';

/** A card as stored: one document per card, id `card:<card id>`. */
export interface CardDoc extends StoredDoc, Omit<Card, 'id'> {
  type: 'card';
  cardId: string;
  /** The pack the card came from. */
  pack: string;
}

/** A pack's record: what was installed, at which version, and whether it is enabled. */
export interface PackDoc extends StoredDoc {
  type: 'pack';
  packId: string;
  name: string;
  version: string;
  enabled: boolean;
  cardIds: string[];
}

const cardDocId = (id: string) => `card:${id}`;
const packDocId = (id: string) => `pack:${id}`;

/** The card library: the only code that reads or writes card and pack documents. */
export class CardStore {
  readonly db = openDatabase(PRIVATE_DB);

  /** Every enabled card, validated; a corrupt document is skipped and reported, never fatal. */
  async listCards(): Promise<Card[]> {
    const all = await this.db.allDocs({ include_docs: true, startkey: 'card:', endkey: 'card:\uffff' });
    const cards: Card[] = [];
    for (const row of all.rows) {
      const card = toCard(row.doc as CardDoc | undefined);
      if (card) cards.push(card);
      else console.warn('Dossier: skipped an unreadable card document', row.id);
    }
    return cards;
  }

  /** A token that changes whenever anything in the store changes (its update sequence). */
  async revision(): Promise<string> {
    return String((await this.db.info()).update_seq);
  }

  /** One card by id, or null. */
  async getCard(id: string): Promise<Card | null> {
    try {
      return toCard((await this.db.get(cardDocId(id))) as CardDoc);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /** The installed version of a pack, or null. */
  async getPack(id: string): Promise<PackDoc | null> {
    try {
      return (await this.db.get(packDocId(id))) as PackDoc;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /**
   * Installs a pack whose version is not installed yet. Cards are written first and the pack record last, so
   * an interrupted install is retried at the next start.
   */
  async installPack(pack: Pack): Promise<{ installed: boolean }> {
    const existing = await this.getPack(pack.id);
    if (existing && existing.version === pack.version) return { installed: false };
    const ids = pack.cards.map((card) => cardDocId(card.id));
    const current = await this.db.allDocs({ keys: ids });
    const docs: CardDoc[] = pack.cards.map((card, i) => {
      const row = current.rows[i];
      const rev = row && 'value' in row && !row.value.deleted ? row.value.rev : undefined;
      const { id, ...fields } = card;
      return {
        _id: cardDocId(id),
        ...(rev ? { _rev: rev } : {}),
        type: 'card',
        schema: STORE_SCHEMA,
        cardId: id,
        pack: pack.id,
        ...fields,
      };
    });
    try {
      const results = await this.db.bulkDocs(docs);
      const failed = results.filter((r) => 'error' in r && r.error);
      if (failed.length > 0) throw new Error(`Could not store ${failed.length} cards of pack ${pack.name}`);
      await this.db.put({
        _id: packDocId(pack.id),
        ...(existing?._rev ? { _rev: existing._rev } : {}),
        type: 'pack',
        schema: STORE_SCHEMA,
        packId: pack.id,
        name: pack.name,
        version: pack.version,
        enabled: true,
        cardIds: pack.cards.map((c) => c.id),
      } satisfies PackDoc);
    } catch (error) {
      if (isQuotaError(error)) throw new Error('The browser has no room left to store cards (storage quota reached).');
      throw error;
    }
    return { installed: true };
  }
}

function toCard(doc: CardDoc | undefined): Card | null {
  if (doc?.type !== 'card') return null;
  const { type, schema, cardId, pack, ...rest } = doc;
  // PouchDB's own fields (_id, _rev, _conflicts…) are not part of the card.
  const fields = Object.fromEntries(Object.entries(rest).filter(([key]) => !key.startsWith('_')));
  const parsed = v.safeParse(CardSchema, { ...fields, id: cardId });
  return parsed.success ? parsed.output : null;
}
