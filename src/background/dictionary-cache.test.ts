import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadDictionary, scan } from '../engine';
import { mentionsIn } from '../model/mention';
import type { CardStore } from '../store/cards';
import type { Library } from './library';
import { MemoryRecords } from './memory-cache-records';

/*
 * A woken worker's dictionary comes from the cache its last compile wrote, if the cache is of this version and
 * whole; otherwise the dictionary is compiled again and the cache rewritten.
 */

const local = new Map<string, unknown>();
let make: (records: MemoryRecords) => Library;
let store: CardStore;
const text = 'Japan and the European Union signed the deal in Tokyo; the United Nations welcomed it.';

beforeAll(async () => {
  Object.assign(globalThis, {
    chrome: {
      storage: {
        local: {
          remove: async (key: string) => {
            local.delete(key);
          },
        },
      },
    },
  });
  const { Library } = await import('./library');
  const { CardStore } = await import('../store/cards');
  const { memoryDb } = await import('../store/memory-db');
  const { DictionaryCache } = await import('./dictionary-cache');
  // One store for every worker of a test file: each Library is a worker woken over it.
  store = new CardStore(memoryDb());
  make = (records) => new Library(store, new DictionaryCache(records));
});

/** A worker that compiles, waits for its cache to be written, and what it matched. */
async function firstWorker(records: MemoryRecords) {
  const writes = records.writes;
  const matched = await make(records).match(text);
  await vi.waitFor(() => expect(records.writes).toBe(writes + 1));
  return matched;
}

describe('the compiled dictionary cached for the next wake-up', () => {
  it('is loaded by a woken worker, which matches the same without compiling or writing again', async () => {
    local.set('dictionary-cache', { revision: 'old', dictionary: '{}', cards: [] });
    const records = new MemoryRecords();
    const compiled = await firstWorker(records);
    expect(compiled.mentions.length).toBeGreaterThan(0);
    // The JSON cache of earlier versions goes once a binary one is written.
    expect(local.has('dictionary-cache')).toBe(false);
    const read = vi.spyOn(records, 'read');
    const woken = make(records);
    expect(await woken.match(text)).toEqual(compiled);
    expect(read).toHaveBeenCalledTimes(1);
    // Pages still get the dictionary (small enough) and its cards, serialised from the loaded one.
    const handed = await woken.pageDictionary();
    const cards = new Map(handed!.cards.map((card) => [card.id, card]));
    expect(mentionsIn(text, scan(loadDictionary(handed!.dictionary), text), cards)).toEqual(compiled);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(records.writes).toBe(1);
  });

  it('is read while the woken worker checks its store, and used only when of the store’s revision', async () => {
    const records = new MemoryRecords();
    const compiled = await firstWorker(records);
    const order: string[] = [];
    const read = records.read.bind(records);
    vi.spyOn(records, 'read').mockImplementation(() => {
      order.push('cache read');
      return read();
    });
    const storeRevision = store.revision.bind(store);
    const revision = vi.spyOn(store, 'revision').mockImplementation(() => {
      order.push('store checked');
      return storeRevision();
    });
    expect(await make(records).match(text)).toEqual(compiled);
    expect(order).toEqual(['cache read', 'store checked']);
    // The store changed since: what was read is dropped and the dictionary compiled again.
    revision.mockImplementation(async () => 'another');
    await make(records).match(text);
    await vi.waitFor(() => expect(records.kept?.revision).toBe('another|'));
    revision.mockRestore();
  });

  it('stays good when the analyst clips, notes or is told of a signal, and goes when a card changes', async () => {
    const records = new MemoryRecords();
    await firstWorker(records);
    // Written to the same store as the cards.
    await store.db.bulkDocs([
      { _id: 'clip:after', kind: 'clip' },
      { _id: 'sighit:after', kind: 'signal-hit' },
    ] as never[]);
    const read = vi.spyOn(records, 'read');
    await make(records).match(text);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(records.writes).toBe(1);
    expect(read).toHaveBeenCalledTimes(1);
    await store.saveCard(
      {
        id: 'kyoto',
        name: 'Kyoto',
        kind: 'place',
        aliases: [],
        summary: 'A city.',
        signals: [],
        implications: [],
        tags: [],
        related: [],
        sources: [],
        notes: '',
      },
      true,
    );
    await make(records).match(text);
    await vi.waitFor(() => expect(records.writes).toBe(2));
  });

  it('of another version is refused: the woken worker compiles again and rewrites it', async () => {
    const records = new MemoryRecords();
    const compiled = await firstWorker(records);
    const kept = records.kept!;
    records.kept = { ...kept, header: JSON.stringify({ ...JSON.parse(kept.header), version: 1 }) };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await make(records).match(text)).toEqual(compiled);
    await vi.waitFor(() => expect(records.writes).toBe(2));
    expect(String(warn.mock.calls[0]?.[1])).toContain('a cache of version 1, this is version 2');
    expect(JSON.parse(records.kept!.header).version).toBe(2);
    warn.mockRestore();
  });

  it('damaged is refused with the reason: the woken worker compiles again and rewrites it', async () => {
    const records = new MemoryRecords();
    const compiled = await firstWorker(records);
    const kept = records.kept!;
    // A byte of the trie's edge table flipped on disk.
    const edges = new Uint8Array(kept.parts[12]!);
    edges[edges.length >> 1]! ^= 0x40;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await make(records).match(text)).toEqual(compiled);
    expect(String(warn.mock.calls[0]?.[1])).toContain('stored dictionary refused: part edges is damaged');
    await vi.waitFor(() => expect(records.writes).toBe(2));
    warn.mockRestore();
    // The rewritten cache is whole again.
    const read = vi.spyOn(console, 'warn');
    expect(await make(records).match(text)).toEqual(compiled);
    expect(read).not.toHaveBeenCalled();
  });

  it('is deleted when the library is wiped', async () => {
    const records = new MemoryRecords();
    await firstWorker(records);
    expect(records.kept).not.toBeNull();
    await make(records).wipe();
    await vi.waitFor(() => expect(records.kept).toBeNull());
  });
});
