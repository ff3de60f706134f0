import { beforeAll, describe, expect, it } from 'vitest';
import { loadDictionary, scan } from '../engine';
import { mentionsIn } from '../model/mention';
import { CardStore } from '../store/cards';
import { memoryDb } from '../store/memory-db';
import type { Library } from './library';
import { MemoryRecords } from './memory-cache-records';

/*
 * The dictionary a page matches with: the one the background matches with, handed over while it is small
 * enough to copy into every frame, and kept in the worker once it is not.
 */

let library: Library;
let limit: number;

beforeAll(async () => {
  // The compiled dictionary's cache for the next wake-up; the JSON one of earlier versions is removed from storage.local.
  Object.assign(globalThis, { chrome: { storage: { local: { remove: async () => {} } } } });
  const { Library, PAGE_DICTIONARY_MAX } = await import('./library');
  const { DictionaryCache } = await import('./dictionary-cache');
  library = new Library(new CardStore(memoryDb()), new DictionaryCache(new MemoryRecords()));
  limit = PAGE_DICTIONARY_MAX;
});

const text = 'Japan and the European Union signed the deal in Tokyo; the United Nations welcomed it.';

/** A pack of `count` made-up companies with distinct two-word names and an alias each (1,728 first words). */
function packOf(count: number): string {
  const syllables = ['ka', 'lo', 'mi', 'ren', 'tu', 'vo', 'sha', 'dri', 'pel', 'zon', 'qua', 'bex'];
  const word = (n: number) => {
    let out = '';
    for (let i = 0; i < 3; i++, n = Math.floor(n / syllables.length)) out += syllables[n % syllables.length];
    return out[0]!.toUpperCase() + out.slice(1);
  };
  const cards = Array.from({ length: count }, (_, i) => ({
    id: `made-up-${i}`,
    name: `${word(i)} ${word(Math.floor(i / 1728) + 5)}`,
    kind: 'company',
    aliases: [`${word(i)} ${word(Math.floor(i / 1728) + 5)} Group`],
  }));
  return JSON.stringify({
    format: 'dossier-pack',
    formatVersion: 1,
    id: 'made-up',
    name: 'Made-up companies',
    version: '1.0.0',
    cards,
  });
}

describe('the dictionary handed to pages', () => {
  it('matches as the background does', async () => {
    const handed = await library.pageDictionary();
    expect(handed).not.toBeNull();
    expect(handed!.dictionary.length).toBeLessThanOrEqual(limit);
    const cards = new Map(handed!.cards.map((card) => [card.id, card]));
    const inPage = mentionsIn(text, scan(loadDictionary(handed!.dictionary), text), cards);
    const inWorker = await library.match(text);
    expect(inPage).toEqual(inWorker);
    expect(inWorker.mentions.length).toBeGreaterThan(0);
  });

  it('stays in the worker once it is too big to copy into every frame; the worker still matches', async () => {
    await library.importPack('made-up.json', packOf(6000));
    expect(await library.pageDictionary()).toBeNull();
    expect((await library.match(text)).mentions.length).toBeGreaterThan(0);
  }, 60_000);
});

describe('the ids of cards named as a card’s related names', () => {
  it('are the first linked card’s of each name, letter case aside, as read from every card before', async () => {
    const { Library } = await import('./library');
    const { DictionaryCache } = await import('./dictionary-cache');
    const store = new CardStore(memoryDb());
    const named = new Library(store, new DictionaryCache(new MemoryRecords()));
    await named.importPack('made-up.json', packOf(300));
    await named.saveCard({ id: 'x', name: 'Japan', kind: 'place' }, true);
    const cards = await store.listCards();
    const names = ['japan', 'EUROPEAN UNION', cards[120]!.name.toUpperCase(), cards[7]!.aliases[0]!, 'Nowhere'];
    // As it was: every linked card read, the first of each name (its name, not an alias) taken.
    const wanted = new Map(names.map((name) => [name.toLowerCase(), name]));
    const expected: Array<{ name: string; id: string }> = [];
    for (const card of cards) {
      const name = wanted.get(card.name.toLowerCase());
      if (name === undefined) continue;
      expected.push({ name, id: card.id });
      wanted.delete(card.name.toLowerCase());
    }
    const found = await named.idsByName(names);
    expect(found.sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      expected.sort((a, b) => a.name.localeCompare(b.name)),
    );
    // Japan: the built-in pack's card, before the user's own of that name; an alias names nothing here.
    expect(found.map((f) => f.name).sort()).toEqual(['japan', cards[120]!.name.toUpperCase()].sort());
    expect(found.find((f) => f.name === 'japan')?.id).toBe('japan');
  });
});
