import IndexedDbAdapter from 'pouchdb-adapter-indexeddb';
import PouchDB from 'pouchdb-browser';

// PouchDB's newer IndexedDB adapter: one object store for documents, about half the time of the default
// (`idb`) adapter for a 10,000-card import and reads (bench/README.md).
PouchDB.plugin(IndexedDbAdapter);

/** The local database of the user's private documents: it never replicates. */
export const PRIVATE_DB = 'dossier-private';

/**
 * Version of the document shapes this code writes; older documents are migrated on open (see migrate.ts).
 * 1: cards, packs, site settings. 2: cards say whether the user edited or deleted them and when they changed;
 * packs say whether they are built in; settings hold the highlight style.
 */
export const STORE_SCHEMA = 2;

/** Every document we store carries its type and the schema version it was written with. */
export interface StoredDoc {
  _id: string;
  _rev?: string;
  type: string;
  schema: number;
}

/** A local PouchDB database; `options` lets tests choose an adapter. */
export type Database = PouchDB.Database<StoredDoc>;

const opened = new Map<string, Database>();

/** Opens (creating if needed) a local PouchDB database on IndexedDB; one handle per name and worker. */
export function openDatabase(name: string): Database {
  let db = opened.get(name);
  if (!db) {
    db = new PouchDB<StoredDoc>(name, { adapter: 'indexeddb', auto_compaction: true });
    opened.set(name, db);
  }
  return db;
}

/** Forgets an opened handle (after the database was destroyed). */
export function forgetDatabase(name: string): void {
  opened.delete(name);
}

/** Whether a PouchDB error is a 404 (document absent). */
export function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { status?: number }).status === 404;
}

/** Whether a PouchDB error is a 409 (another write got there first). */
export function isConflict(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { status?: number }).status === 409;
}

/** Whether a PouchDB error says the browser refused to store more (quota). */
export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name ?? '';
  const message = (error as { message?: string } | null)?.message ?? '';
  return name === 'QuotaExceededError' || /quota/i.test(message);
}

/** The message a user sees when the browser has no room left. */
export const QUOTA_MESSAGE =
  'The browser has no room left to store this (storage quota reached). Free some disk space or remove packs you do not use; nothing was changed.';

/** Runs a write, turning a quota error into a clear one. */
export async function writing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isQuotaError(error)) throw new Error(QUOTA_MESSAGE);
    throw error;
  }
}
