import type { Dictionary } from '../engine';
import type { CardSummary } from '../model/mention';
import { type CardLookup, decodeCache, type EncodedCache, encodeCache } from './cache-format';

/*
 * The compiled dictionary and the cards' summaries, in binary parts in an IndexedDB database of their own (not
 * the card store, whose update sequence keys the cache): a woken service worker loads them instead of reading
 * every card and compiling again. The cache is keyed by the cards' revision (`CardStore.revision`), so a write
 * that may touch the cards makes it stale (a clip, a note or a signal hit does not); one of another version, or
 * damaged, is refused and the dictionary compiled again.
 */

/** Where the cache's header and parts are kept. */
export interface CacheRecords {
  /** The cache as stored, with the revision it was written for; null when there is none. */
  read(): Promise<StoredCache | null>;
  /** Replaces the cache. */
  write(revision: string, cache: EncodedCache): Promise<void>;
  /** Deletes the cache. */
  clear(): Promise<void>;
}

/** A cache as stored, with the store's revision it was written for. */
export type StoredCache = EncodedCache & { revision: string };

/** The key of the JSON cache that earlier versions kept in storage.local (removed once a binary one is written). */
const LEGACY_KEY = 'dictionary-cache';

/** The cache of the compiled dictionary for the next wake-up. */
export class DictionaryCache {
  constructor(private readonly records: CacheRecords = indexedDbRecords()) {}

  /**
   * The dictionary and cards cached for the store's `revision`; null when there is none or it is refused. The
   * cache is read while the revision is still being found (a woken worker checks its store first), and used only
   * if it is of that revision.
   */
  async read(revision: Promise<string>): Promise<{ dictionary: Dictionary; cards: CardLookup } | null> {
    const refused = (error: unknown) => {
      console.warn('Dossier: the cached dictionary is not used, it is compiled again:', String(error));
      return null;
    };
    const stored = this.records.read().catch(refused);
    // The store's own failure is the caller's; what was read is then dropped.
    const wanted = await revision;
    const got = await stored;
    if (got?.revision !== wanted) return null;
    try {
      return decodeCache(got.header, got.parts);
    } catch (error) {
      return refused(error);
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
    async read() {
      const tx = (await open()).transaction([META, PARTS], 'readonly');
      // The header and the parts are read together, in one transaction: they were written in one.
      const meta = request(tx.objectStore(META).get('cache'));
      const parts = request(tx.objectStore(PARTS).getAll());
      const [got, buffers] = await Promise.all([
        meta as Promise<{ revision: string; header: string } | undefined>,
        parts as Promise<ArrayBuffer[]>,
      ]);
      if (!got) return null;
      return { revision: got.revision, header: got.header, parts: buffers.map((b) => new Uint8Array(b)) };
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
