import * as v from 'valibot';
import { type Card, CardSchema } from '../model/card';
import { type Pack, type PackReport, PackSchema } from '../model/pack';
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

  /** Every installed pack's record. */
  async listPacks(): Promise<PackDoc[]> {
    const all = await this.db.allDocs({ include_docs: true, startkey: 'pack:', endkey: 'pack:\uffff' });
    return all.rows.flatMap((row) => (row.doc && (row.doc as PackDoc).type === 'pack' ? [row.doc as PackDoc] : []));
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

  /** Installs a pack whose version is not installed yet (the built-in pack at every start). */
  async installPack(pack: Pack): Promise<{ installed: boolean }> {
    const existing = await this.getPack(pack.id);
    if (existing && existing.version === pack.version) return { installed: false };
    await this.writePack(pack, false);
    return { installed: true };
  }

  /**
   * Writes a validated pack: its cards in one bulkDocs, then its pack record, enabled last. A journal holding
   * the pack is written first and removed last, so an import cut short (the worker stopped, the browser closed)
   * is completed at the next start (`resumeWrite`). With `keepFields`, what a CSV file cannot carry (signals,
   * implications, related cards, sources, notes, context rules) is kept from the cards already stored.
   */
  async writePack(pack: Pack, keepFields: boolean): Promise<PackReport> {
    const journal = await this.db.get(JOURNAL).catch(() => null);
    try {
      await this.db.put({
        _id: JOURNAL,
        ...(journal ? { _rev: journal._rev } : {}),
        type: 'journal',
        schema: STORE_SCHEMA,
        pack,
        keepFields,
      } as StoredDoc);
      const report = await this.applyPack(pack, keepFields);
      await this.db.remove(await this.db.get(JOURNAL));
      return report;
    } catch (error) {
      if (isQuotaError(error)) throw new Error('The browser has no room left to store cards (storage quota reached).');
      throw error;
    }
  }

  /** Completes a pack write that was cut short; true when there was one. */
  async resumeWrite(): Promise<boolean> {
    const journal = (await this.db.get(JOURNAL).catch(() => null)) as
      | (StoredDoc & { pack?: unknown; keepFields?: boolean })
      | null;
    if (!journal) return false;
    const parsed = v.safeParse(PackSchema, journal.pack);
    if (parsed.success) await this.applyPack(parsed.output, journal.keepFields === true);
    await this.db.remove(journal as PouchDB.Core.RemoveDocument);
    return parsed.success;
  }

  private async applyPack(pack: Pack, keepFields: boolean): Promise<PackReport> {
    const current = await this.db.allDocs({ keys: pack.cards.map((card) => cardDocId(card.id)), include_docs: true });
    const report: PackReport = { packId: pack.id, name: pack.name, added: 0, updated: 0, unchanged: 0, total: 0 };
    const docs: CardDoc[] = [];
    pack.cards.forEach((incoming, i) => {
      const row = current.rows[i];
      const stored = row && 'doc' in row && row.doc ? (row.doc as CardDoc) : undefined;
      const before = toCard(stored);
      const card = keepFields && before ? { ...before, ...pick(incoming, CSV_FIELDS) } : incoming;
      if (!before) report.added++;
      else if (JSON.stringify(before) === JSON.stringify(card)) {
        report.unchanged++;
        return;
      } else report.updated++;
      const { id, ...fields } = card;
      docs.push({
        _id: cardDocId(id),
        ...(stored?._rev ? { _rev: stored._rev } : {}),
        type: 'card',
        schema: STORE_SCHEMA,
        cardId: id,
        pack: pack.id,
        ...fields,
      });
    });
    report.total = pack.cards.length;
    const results = await this.db.bulkDocs(docs);
    const failed = results.filter((r) => 'error' in r && r.error);
    if (failed.length > 0) throw new Error(`Could not store ${failed.length} cards of pack ${pack.name}`);
    const existing = await this.getPack(pack.id);
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
    return report;
  }
}

// A local document: it never replicates.
const JOURNAL = '_local/pack-write';
/** The fields a CSV pack carries; the others are kept when a CSV pack updates stored cards. */
const CSV_FIELDS = ['name', 'aliases', 'kind', 'summary', 'tags'] as const;

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, value[key]])) as Pick<T, K>;
}

function toCard(doc: CardDoc | undefined): Card | null {
  if (doc?.type !== 'card') return null;
  const { type, schema, cardId, pack, ...rest } = doc;
  // PouchDB's own fields (_id, _rev, _conflicts…) are not part of the card.
  const fields = Object.fromEntries(Object.entries(rest).filter(([key]) => !key.startsWith('_')));
  const parsed = v.safeParse(CardSchema, { ...fields, id: cardId });
  return parsed.success ? parsed.output : null;
}
