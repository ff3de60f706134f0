import type { Dictionary } from '../engine';
import type { CardSummary } from '../model/mention';
import { type CardLookup, decodeCache, type EncodedCache, encodeCache } from './cache-format';

/*
 * The compiled dictionary and the cards' summaries, in binary parts in an IndexedDB database of their own (not
 * the card store, whose update sequence keys the cache): a woken service worker loads them instead of reading
 * every card and compiling again. The cache is keyed by the store's revision, so any write to the store makes
 * it stale; one of another version, or damaged, is refused and the dictionary compiled again.
 */

/** Where the cache's header and parts are kept. */
export interface CacheRecords {
  /** The cache written for this revision, or null (none, or one of another revision). */
  read(revision: string): Promise<EncodedCache | null>;
  /** Replaces the cache. */
  write(revision: string, cache: EncodedCache): Promise<void>;
  /** Deletes the cache. */
  clear(): Promise<void>;
}

/** The key of the JSON cache that earlier versions kept in storage.local (removed once a binary one is written). */
const LEGACY_KEY = 'dictionary-cache';

/** The cache of the compiled dictionary for the next wake-up. */
export class DictionaryCache {
  constructor(private readonly records: CacheRecords = indexedDbRecords()) {}

  /** The dictionary and cards cached for this revision; null when there is none or it is refused. */
  async read(revision: string): Promise<{ dictionary: Dictionary; cards: CardLookup } | null> {
    try {
      const got = await this.records.read(revision);
      return got && decodeCache(got.header, got.parts);
    } catch (error) {
      console.warn('Dossier: the cached dictionary is not used, it is compiled again:', String(error));
      return null;
    }
  }

  /** Keeps a freshly compiled dictionary for the next wake-up; failing to (quota) only costs a recompile. */
  async write(revision: string, dictionary: Dictionary, cards: readonly CardSummary[]): Promise<void> {
    try {
      await this.records.write(revision, encodeCache(dictionary, cards));
    } catch (error) {
      console.warn('Dossier: could not cache the compiled dictionary', error);
    }
    // The JSON cache of earlier versions (up to 113 MB at a million names) is never read again.
    await chrome.storage.local.remove(LEGACY_KEY).catch(() => {});
  }

  /** Deletes the cache (the store was wiped or restored: the names it holds are gone from the library). */
  async clear(): Promise<void> {
    try {
      await this.records.clear();
    } catch (error) {
      console.warn('Dossier: could not delete the cached dictionary', error);
    }
  }
}

const DB_NAME = 'dossier-dictionary-cache';
const META = 'meta';
const PARTS = 'parts';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openDb(): Promise<IDBDatabase> {
  const req = indexedDB.open(DB_NAME, 1);
  req.onupgradeneeded = () => {
    req.result.createObjectStore(META);
    req.result.createObjectStore(PARTS);
  };
  return request(req);
}

/** A part's own bytes as an ArrayBuffer of exactly its length (a view would store its whole buffer). */
const ownBuffer = (part: Uint8Array): ArrayBuffer =>
  part.byteOffset === 0 && part.byteLength === part.buffer.byteLength && part.buffer instanceof ArrayBuffer
    ? part.buffer
    : (part.slice().buffer as ArrayBuffer);

/** The cache in IndexedDB: the header with its revision in `meta`, each part an ArrayBuffer in `parts`. */
export function indexedDbRecords(): CacheRecords {
  let db: Promise<IDBDatabase> | null = null;
  const open = () => {
    db ??= openDb().catch((error: unknown) => {
      db = null;
      throw error;
    });
    return db;
  };
  return {
    async read(revision) {
      const tx = (await open()).transaction([META, PARTS], 'readonly');
      return new Promise<EncodedCache | null>((resolve, reject) => {
        tx.onerror = () => reject(tx.error);
        const meta = tx.objectStore(META).get('cache');
        // The parts are read in the same transaction, and only when the header is of this revision.
        meta.onsuccess = () => {
          const got = meta.result as { revision: string; header: string } | undefined;
          if (got?.revision !== revision) return resolve(null);
          const parts = tx.objectStore(PARTS).getAll();
          parts.onsuccess = () =>
            resolve({ header: got.header, parts: (parts.result as ArrayBuffer[]).map((b) => new Uint8Array(b)) });
        };
      });
    },
    async write(revision, cache) {
      const tx = (await open()).transaction([META, PARTS], 'readwrite');
      const done = completed(tx);
      const parts = tx.objectStore(PARTS);
      parts.clear();
      // Numeric keys, so that getAll returns them in order.
      for (const [i, part] of cache.parts.entries()) parts.put(ownBuffer(part), i);
      tx.objectStore(META).put({ revision, header: cache.header }, 'cache');
      await done;
    },
    async clear() {
      const tx = (await open()).transaction([META, PARTS], 'readwrite');
      const done = completed(tx);
      tx.objectStore(META).clear();
      tx.objectStore(PARTS).clear();
      await done;
    },
  };
}

/** Resolves when a transaction is committed; rejects when it fails or is aborted. */
function completed(tx: IDBTransaction): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('the cache transaction was aborted'));
  });
}
