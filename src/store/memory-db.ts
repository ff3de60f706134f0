/*
 * For tests only. Store tests run the store's code on PouchDB with its in-memory adapter: the same document API, revisions
 * and bulkDocs as the IndexedDB database the extension opens.
 */

import memory from 'pouchdb-adapter-memory';
import PouchDB from 'pouchdb-core';
import type { Database, StoredDoc } from './db';

PouchDB.plugin(memory);

let count = 0;

/** A fresh, empty in-memory database. */
export function memoryDb(): Database {
  return new PouchDB<StoredDoc>(`test-${count++}`, { adapter: 'memory' }) as unknown as Database;
}
