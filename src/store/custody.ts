import * as v from 'valibot';
import { type CustodyEntry, CustodyEntrySchema, custodyDocId } from '../model/custody';
import { type Database, isConflict, STORE_SCHEMA, type StoredDoc, writing } from './db';

/*
 * A custody log's entries, one document each (`custody:<caseId>:<device>:<seq>:<user>`), in the user's store or,
 * for a case shared with a team, in the team's database. Entries are appended and read, never changed or
 * deleted: this store has no way to, and refuses to write over an entry that exists (PouchDB's conflict on a
 * document written without its revision).
 */

/** An entry as stored. */
export interface CustodyDoc extends StoredDoc, CustodyEntry {
  type: 'custody';
}

/** What a shared entry carries besides the entry: its author, as every team document names it. */
export interface CustodyAuthors {
  createdBy: string;
  updatedBy: string;
}

function toEntry(doc: CustodyDoc): CustodyEntry {
  const { caseId, seq, at, user, device, event, item, detail, prev } = doc;
  return { caseId, seq, at, user, device, event, item, detail, prev };
}

/** The custody entries of one database. */
export class CustodyStore {
  constructor(
    private readonly db: Database,
    /** For a team's database: the author fields its server requires (the entry's user). */
    private readonly authored = false,
  ) {}

  /** Appends an entry; refuses one whose place in its chain is taken, and one that is not a valid entry. */
  async append(entry: CustodyEntry): Promise<CustodyEntry> {
    const checked = v.safeParse(CustodyEntrySchema, entry);
    if (!checked.success) throw new Error(`Not a custody entry: ${v.summarize(checked.issues).slice(0, 300)}`);
    const doc: CustodyDoc & Partial<CustodyAuthors> = {
      ...checked.output,
      _id: custodyDocId(entry),
      type: 'custody',
      schema: STORE_SCHEMA,
      ...(this.authored ? { createdBy: entry.user, updatedBy: entry.user } : {}),
    };
    try {
      await writing(() => this.db.put(doc));
    } catch (error) {
      if (isConflict(error))
        throw new Error(`Custody entry ${entry.seq} of this chain exists; entries are never replaced.`);
      throw error;
    }
    return toEntry(doc);
  }

  /** The last entry of one (user, device) chain of a case, or null. */
  async last(caseId: string, user: string, device: string): Promise<CustodyEntry | null> {
    const prefix = `custody:${caseId}:${device}:`;
    const found = await this.db.allDocs({
      include_docs: true,
      startkey: `${prefix}\uffff`,
      endkey: prefix,
      descending: true,
    });
    for (const row of found.rows) {
      const doc = row.doc as CustodyDoc | undefined;
      if (doc?.type === 'custody' && doc.user === user && doc.device === device) return toEntry(doc);
    }
    return null;
  }

  /**
   * The entries of a case that have more than one version (a second branch written over one, which this store
   * never does: a team's server that does not refuse it, or a copy changed behind the extension's back).
   */
  async forks(caseId: string): Promise<CustodyEntry[]> {
    const prefix = `custody:${caseId}:`;
    const found = await this.db.allDocs({
      include_docs: true,
      conflicts: true,
      startkey: prefix,
      endkey: `${prefix}\uffff`,
    });
    return found.rows.flatMap((row) => {
      const doc = row.doc as (CustodyDoc & { _conflicts?: string[] }) | undefined;
      return doc?.type === 'custody' && (doc._conflicts?.length ?? 0) > 0 ? [toEntry(doc)] : [];
    });
  }

  /** Every entry of a case that reads as one (any chain, in the store's order). */
  async list(caseId: string): Promise<CustodyEntry[]> {
    const prefix = `custody:${caseId}:`;
    const found = await this.db.allDocs({ include_docs: true, startkey: prefix, endkey: `${prefix}\uffff` });
    return found.rows.flatMap((row) => {
      const doc = row.doc as CustodyDoc | undefined;
      if (doc?.type !== 'custody') return [];
      const entry = toEntry(doc);
      // An entry is read only under its own id (the id names its chain and place, and its author).
      return v.is(CustodyEntrySchema, entry) && row.id === custodyDocId(entry) ? [entry] : [];
    });
  }
}
