/* For tests: the dictionary cache's records kept in memory, as IndexedDB would keep them. */
import type { EncodedCache } from './cache-format';
import type { CacheRecords, StoredCache } from './dictionary-cache';

/** Cache records kept as IndexedDB keeps them: structured clones of each part's own bytes. */
export class MemoryRecords implements CacheRecords {
  kept: { revision: string; header: string; parts: ArrayBuffer[] } | null = null;
  writes = 0;
  async read(): Promise<StoredCache | null> {
    if (!this.kept) return null;
    const { revision, header, parts } = this.kept;
    return { revision, header, parts: structuredClone(parts).map((b) => new Uint8Array(b)) };
  }
  async write(revision: string, cache: EncodedCache): Promise<void> {
    this.writes++;
    this.kept = { revision, header: cache.header, parts: cache.parts.map((p) => p.slice().buffer) };
  }
  async clear(): Promise<void> {
    this.kept = null;
  }
}
