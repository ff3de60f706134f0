/**
 * What the unit tests of a library with lists share: fresh in-memory stores (destroyed after each test), a
 * library woken on one, a list imported as the options page imports it, and the list buckets a step reads.
 * Call `useLibraries()` at the top of a test file.
 */
import { afterEach, beforeAll, vi } from 'vitest';
import type { Card } from '../model/card';
import { ListBuckets } from '../model/pack-stream';
import { CardStore } from '../store/cards';
import type { Database } from '../store/db';
import { memoryDb } from '../store/memory-db';
import type { DictionaryCache } from './dictionary-cache';
import type { ExtraCards, Library } from './library';
import type { MemoryRecords } from './memory-cache-records';

let LibraryClass: typeof Library;
let CacheClass: typeof DictionaryCache;
const opened: Database[] = [];

/** Loads the library once the browser's storage it touches is stood in for, and destroys each test's stores. */
export function useLibraries(): void {
  beforeAll(async () => {
    // The dictionary cache removes the JSON one of earlier versions from storage.local.
    Object.assign(globalThis, { chrome: { storage: { local: { remove: async () => {} } } } });
    LibraryClass = (await import('./library')).Library;
    CacheClass = (await import('./dictionary-cache')).DictionaryCache;
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((db) => db.destroy()));
  });
}

/** A fresh in-memory store, destroyed after the test. */
export function freshDb(): Database {
  const db = memoryDb();
  opened.push(db);
  return db;
}

/** A library on `db` (a worker woken on it when the db was written before), with the teams' cards `extra`. */
export function libraryAndStore(
  db: Database,
  records: MemoryRecords,
  extra?: ExtraCards,
): { library: Library; store: CardStore } {
  const store = new CardStore(db);
  const library = new LibraryClass(store, new CacheClass(records));
  if (extra) library.setExtraCards(async () => extra);
  return { library, store };
}

/** The library of `libraryAndStore`. */
export const libraryOn = (db: Database, records: MemoryRecords, extra?: ExtraCards): Library =>
  libraryAndStore(db, records, extra).library;

/** Imports a list as the options page does, through the library. */
export async function importList(library: Library, cards: Card[], packId = 'watch') {
  const buckets = new ListBuckets();
  buckets.add(cards);
  const { importId } = await library.beginList({ packId, name: packId, source: `${packId}.json` });
  const all = buckets.numbers().map((n) => buckets.bucket(n));
  for (let i = 0; i < all.length; i += 500) await library.stageList(importId, all.slice(i, i + 500));
  return library.commitList(
    importId,
    all.map((b) => ({ bucket: b.bucket, digest: b.digest })),
  );
}

/** The keys of the list buckets read (by allDocs or get) while it runs; '(all)' for a listing of every one. */
export function bucketReads(db: Database) {
  const listing = vi.spyOn(db, 'allDocs');
  const getting = vi.spyOn(db, 'get');
  return {
    read: () =>
      [
        ...listing.mock.calls.flatMap(([options]) => {
          const o = (options ?? {}) as { keys?: string[]; startkey?: string };
          if (o.keys) return o.keys;
          // A listing of the whole database, or of every bucket.
          return o.startkey === undefined || o.startkey.startsWith('list:') ? ['(all)'] : [];
        }),
        ...getting.mock.calls.map(([id]) => String(id)),
      ].filter((key) => key === '(all)' || key.startsWith('list:')),
    done: () => {
      listing.mockRestore();
      getting.mockRestore();
    },
  };
}
