import { describe, expect, it, vi } from 'vitest';
import type { Card } from '../model/card';
import { bucketReads, freshDb, importList, libraryOn, useLibraries } from './library-test-kit';
import { MemoryRecords } from './memory-cache-records';

/*
 * The side panel's search of the lists' cards: found by name and alias in the compiled dictionary, a page of them
 * read by id from their buckets, never a list read whole.
 */

useLibraries();

/** A list's card: people, and every fifth an organisation tagged "shipping". */
function listed(i: number, name = `Person ${i}`): Card {
  const company = i % 5 === 0;
  return {
    id: `person-${i}`,
    name,
    kind: company ? 'organisation' : 'person',
    aliases: [`P. ${i}`, `Persona Número ${i}`],
    summary: `Listed ${i}`,
    signals: [],
    implications: [],
    tags: company ? ['shipping'] : ['sanctions'],
    related: [],
    sources: [],
    notes: '',
  };
}

const ids = (entries: ReadonlyArray<{ card: { id: string } }>) => entries.map((e) => e.card.id);
const page = (offset: number, limit: number) => ({ offset, limit });

describe('the library’s search of its lists', () => {
  const cards = [
    ...Array.from({ length: 1200 }, (_, i) => listed(i)),
    listed(1200, 'Ivanov, Sergei'),
    listed(1201, 'Sergei Ivanova'),
    listed(1202, 'Müller Shipping'),
    listed(1203, 'Ivan'),
  ];

  async function setUp() {
    const db = freshDb();
    const records = new MemoryRecords();
    const first = libraryOn(db, records);
    await importList(first, cards);
    // The user's own card and a pack's: not the list's, so the panel searches them itself.
    await first.saveCard({ id: 'ivan-own', name: 'Ivan the Analyst', kind: 'person' }, true);
    await first.saveCard({ ...listed(7), summary: 'Edited by me' }, false);
    return { db, records, library: first };
  }

  it('finds the lists’ cards whose name or alias starts a word with the query, ranked, with a count', async () => {
    const { library } = await setUp();
    const found = await library.searchLists('ivan', page(0, 50));
    // "Ivan" is the name; then names starting so; the user's own "Ivan the Analyst" is not a list's card.
    expect(ids(found.entries)).toEqual(['person-1203', 'person-1200', 'person-1201']);
    expect(found.matched).toBe(3);
    expect(found.read).toBe(3);
    // Diacritics and letter case aside, at the start of any word of a name or an alias.
    expect(ids((await library.searchLists('MULLER', page(0, 50))).entries)).toEqual(['person-1202']);
    expect(ids((await library.searchLists('número 1201', page(0, 50))).entries)).toEqual(['person-1201']);
    expect((await library.searchLists('vanov', page(0, 50))).matched).toBe(0);
    // A list's card the user edited is found as they left it, in its list.
    const edited = await library.searchLists('person 7', page(0, 50));
    expect(edited.entries[0]).toMatchObject({ card: { id: 'person-7', summary: 'Edited by me' }, pack: 'watch' });
    expect((await library.searchLists('ivan', page(0, 50))).entries.map((e) => e.pack)).toEqual([
      'watch',
      'watch',
      'watch',
    ]);
  });

  it('pages the results, every match once, and narrows a page by kind and tag', async () => {
    const { library } = await setUp();
    const all = await library.searchLists('person', page(0, 2000));
    // "Person 0" to "Person 1199", and by their alias "Persona Número …" the four named otherwise.
    expect(all.matched).toBe(1204);
    expect(new Set(ids(all.entries)).size).toBe(1204);
    const pages = [];
    for (let offset = 0; offset < all.matched; offset += 200) {
      const one = await library.searchLists('person', page(offset, 200));
      expect(one.matched).toBe(1204);
      expect(one.read).toBe(Math.min(200, 1204 - offset));
      pages.push(...ids(one.entries));
    }
    expect(new Set(pages)).toEqual(new Set(ids(all.entries)));
    expect(pages).toHaveLength(1204);
    // A kind filter keeps the page's organisations; the count is still of the names matched.
    const companies = await library.searchLists('person', page(0, 200), (e) => e.card.kind === 'organisation');
    expect(companies.read).toBe(200);
    const unfiltered = await library.searchLists('person', page(0, 200));
    expect(companies.entries).toEqual(unfiltered.entries.filter((e) => e.card.kind === 'organisation'));
    expect(companies.entries.length).toBeGreaterThan(20);
    expect(companies.entries.length).toBeLessThan(200);
    expect(companies.entries.every((e) => e.card.tags.includes('shipping'))).toBe(true);
    expect(companies.matched).toBe(1204);
  });

  it('reads only the buckets of the page’s cards on a woken worker, never a list whole', async () => {
    const { db, records, library } = await setUp();
    // The dictionary compiled once and cached, then a worker woken with it cached.
    await library.match('Person 5 was named.');
    await vi.waitFor(() => expect(records.writes).toBeGreaterThan(0));
    const woken = libraryOn(db, records);
    // The dictionary is loaded from its cache first, as a woken worker's first page does.
    await woken.match('nothing here');
    const reads = bucketReads(db);
    const found = await woken.searchLists('person 1', page(0, 20));
    const read = reads.read();
    reads.done();
    expect(found.entries).toHaveLength(20);
    expect(read).not.toContain('(all)');
    expect(read.length).toBeGreaterThan(0);
    expect(read.length).toBeLessThanOrEqual(20);
  });

  it('leaves out the teams’ cards and the cards of a disabled list', async () => {
    const db = freshDb();
    const team = { ...listed(5000, 'Ivan Teamcard'), id: 'team-ivan' };
    const library = libraryOn(db, new MemoryRecords(), { revision: 't1', cards: [team] });
    await importList(library, cards);
    expect(ids((await library.searchLists('ivan', page(0, 50))).entries)).toEqual([
      'person-1203',
      'person-1200',
      'person-1201',
    ]);
    await library.setPackEnabled('watch', false);
    expect(await library.searchLists('ivan', page(0, 50))).toEqual({ entries: [], matched: 0, read: 0 });
  });

  it('lists every card but the lists’ for the panel, and the lists', async () => {
    const { library } = await setUp();
    const { entries, lists } = await library.entriesBesideLists();
    expect([...lists]).toEqual(['watch']);
    expect(entries.some((e) => e.pack === 'watch')).toBe(false);
    expect(entries.map((e) => e.card.name)).toContain('Ivan the Analyst');
  });
});
