import type { Case } from '../model/case';
import { type Database, isNotFound, openDatabase, PRIVATE_DB, STORE_SCHEMA, type StoredDoc, writing } from './db';

/*
 * The user's cases: one document per case, `case:<caseId>`. A case is never deleted (its custody log refers to
 * it for good); it is closed, and may be reopened.
 */

/** A case as stored. */
export interface CaseDoc extends StoredDoc, Case {
  type: 'case';
}

export const caseDocId = (caseId: string) => `case:${caseId}`;

function toCase(doc: CaseDoc): Case {
  const { _id, _rev, type, schema, ...found } = doc as CaseDoc & { _rev?: string };
  return found;
}

/** The cases of the user's store. */
export class CaseStore {
  constructor(private readonly db: Database = openDatabase(PRIVATE_DB)) {}

  /** Stores a new case; refuses an id already taken. */
  async create(found: Case): Promise<Case> {
    const doc: CaseDoc = { ...found, _id: caseDocId(found.caseId), type: 'case', schema: STORE_SCHEMA };
    await writing(() => this.db.put(doc));
    return toCase(doc);
  }

  /** One case, or null. */
  async get(caseId: string): Promise<Case | null> {
    const doc = await this.doc(caseId);
    return doc ? toCase(doc) : null;
  }

  /** Changes a case's fields (its id and creation stay), and sets when it changed. */
  async update(
    caseId: string,
    change: Partial<Pick<Case, 'name' | 'description' | 'status' | 'team' | 'createdBy' | 'evidenceAlways'>>,
    now = new Date().toISOString(),
  ): Promise<Case> {
    const doc = await this.doc(caseId);
    if (!doc) throw new Error('This case no longer exists.');
    const next: CaseDoc = { ...doc, ...change, updated: now };
    await writing(() => this.db.put(next));
    return toCase(next);
  }

  /** Every case, open ones first, then by name. */
  async list(): Promise<Case[]> {
    const all = await this.db.allDocs({ include_docs: true, startkey: 'case:', endkey: 'case:\uffff' });
    return all.rows
      .flatMap((row) => (row.doc && (row.doc as CaseDoc).type === 'case' ? [toCase(row.doc as CaseDoc)] : []))
      .sort((a, b) => (a.status === b.status ? a.name.localeCompare(b.name) : a.status === 'open' ? -1 : 1));
  }

  private async doc(caseId: string): Promise<(CaseDoc & { _rev?: string }) | null> {
    try {
      return (await this.db.get(caseDocId(caseId))) as CaseDoc & { _rev?: string };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }
}
