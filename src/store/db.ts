import PouchDB from 'pouchdb-browser';

/** The local database of the user's private documents: it never replicates. */
export const PRIVATE_DB = 'dossier-private';

/** Version of the document shapes this code writes; older documents are migrated on open. */
export const STORE_SCHEMA = 1;

/** Every document we store carries its type and the schema version it was written with. */
export interface StoredDoc {
  _id: string;
  _rev?: string;
  type: string;
  schema: number;
}

/** Opens (creating if needed) a local PouchDB database on IndexedDB. */
export function openDatabase(name: string): PouchDB.Database<StoredDoc> {
  return new PouchDB<StoredDoc>(name, { auto_compaction: true });
}

/** Whether a PouchDB error is a 404 (document absent). */
export function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { status?: number }).status === 404;
}

/** Whether a PouchDB error says the browser refused to store more (quota). */
export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name ?? '';
  const message = (error as { message?: string } | null)?.message ?? '';
  return name === 'QuotaExceededError' || /quota/i.test(message);
}
