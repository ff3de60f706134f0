import type { SignalHitRecord } from '../model/signal-hit';
import { type Database, isNotFound, openDatabase, PRIVATE_DB, STORE_SCHEMA, type StoredDoc, writing } from './db';

/*
 * The watch signals that fired on pages the user read: private (the store never replicates), one document per
 * page and signal, the oldest dropped past MAX_SIGNAL_HITS.
 */

/** Most hits kept; older ones are dropped as new ones arrive. */
export const MAX_SIGNAL_HITS = 500;

interface HitDoc extends StoredDoc, SignalHitRecord {
  type: 'signal-hit';
}

const PREFIX = 'sighit:';
const docId = (hitId: string) => `${PREFIX}${hitId}`;

function toRecord(doc: HitDoc): SignalHitRecord {
  const { _id, _rev, type, schema, ...record } = doc;
  return record;
}

/** The hits of the user's store. */
export class SignalHitStore {
  constructor(
    private readonly db: Database = openDatabase(PRIVATE_DB),
    private readonly max = MAX_SIGNAL_HITS,
  ) {}

  /**
   * Records hits: a hit already stored for the same page and signal is updated (its time and evidence); returns
   * the hits that are new. Past the cap, the oldest hits are removed.
   */
  async record(hits: readonly SignalHitRecord[]): Promise<SignalHitRecord[]> {
    if (hits.length === 0) return [];
    const found = await this.db.allDocs({ keys: hits.map((h) => docId(h.hitId)) });
    const revs = new Map<string, string>();
    for (const row of found.rows) {
      if ('value' in row && row.value && !row.value.deleted) revs.set(row.key, row.value.rev);
    }
    const docs: HitDoc[] = hits.map((hit) => {
      const rev = revs.get(docId(hit.hitId));
      return { ...hit, _id: docId(hit.hitId), ...(rev ? { _rev: rev } : {}), type: 'signal-hit', schema: STORE_SCHEMA };
    });
    await writing(() => this.db.bulkDocs(docs));
    await this.trim();
    return hits.filter((hit) => !revs.has(docId(hit.hitId)));
  }

  /** Every hit, most recent first. */
  async list(): Promise<SignalHitRecord[]> {
    return (await this.docs()).map(toRecord).sort((a, b) => b.time.localeCompare(a.time));
  }

  /** One hit, or null. */
  async get(hitId: string): Promise<SignalHitRecord | null> {
    try {
      return toRecord((await this.db.get(docId(hitId))) as HitDoc);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /** Removes one hit. */
  async remove(hitId: string): Promise<boolean> {
    try {
      await this.db.remove(await this.db.get(docId(hitId)));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  private async trim(): Promise<void> {
    const docs = await this.docs();
    if (docs.length <= this.max) return;
    const oldest = docs.sort((a, b) => a.time.localeCompare(b.time)).slice(0, docs.length - this.max);
    await this.db.bulkDocs(oldest.map((d) => ({ ...d, _deleted: true })));
  }

  private async docs(): Promise<HitDoc[]> {
    const all = await this.db.allDocs({ include_docs: true, startkey: PREFIX, endkey: `${PREFIX}\uffff` });
    return all.rows.flatMap((row) => (row.doc && (row.doc as HitDoc).type === 'signal-hit' ? [row.doc as HitDoc] : []));
  }
}
