import { describe, expect, it, vi } from 'vitest';
import { buildBrief } from '../brief/build';
import type { Card } from '../model/card';
import type { Article, Clip } from '../model/clip';
import { briefOf, firedSignals } from './clips/page-brief';
import type { ExtraCards, Library } from './library';
import { bucketReads, freshDb, importList, libraryOn, useLibraries } from './library-test-kit';
import { MemoryRecords } from './memory-cache-records';

/*
 * A page's brief and "Track in Dossier" on a library with lists: the cards they need read by id and by name, the
 * same brief and the same card as from every card of the library, and only the buckets of those cards read.
 */

useLibraries();

/** A list's person card, listing `related` names. */
function person(i: number, related: string[] = []): Card {
  return {
    id: `person-${i}`,
    name: `Person ${i}`,
    kind: 'person',
    aliases: [`P. ${i}`],
    summary: `Listed person ${i}`,
    signals: [],
    implications: i % 3 === 0 ? [`Screen counterparties of Person ${i}.`] : [],
    tags: ['sanctions'],
    related,
    sources: [],
    notes: '',
  };
}

const articleOf = (text: string): Article => ({
  url: 'https://news.example/list?utm_source=x',
  canonicalUrl: 'https://news.example/list',
  title: 'Listed people in the news',
  byline: null,
  siteName: null,
  published: null,
  excerpt: null,
  lang: 'en',
  html: '',
  text,
});

/** An earlier clip of `url` mentioning these cards. */
const clipOf = (clipId: string, url: string, mentioned: Array<[string, string]>): Clip => ({
  ...articleOf(''),
  clipId,
  canonicalUrl: url,
  title: `Earlier ${clipId}`,
  clipped: '2026-11-01T00:00:00.000Z',
  updated: '2026-11-01T00:00:00.000Z',
  tags: [],
  note: '',
  mentions: mentioned.map(([cardId, name]) => ({
    cardId,
    name,
    exact: name,
    prefix: '',
    suffix: '',
    start: 0,
    end: 1,
  })),
});

/** The brief as it was built before: from every card of the library, a teammate's mentioned card read by id. */
async function briefFromEveryCard(
  library: Library,
  article: Article,
  mentions: ReadonlyArray<{ cardId: string; start: number; end: number }>,
  clips: readonly Clip[],
) {
  const cards = new Map<string, Card>((await library.listEntries()).map((e) => [e.card.id, e.card]));
  for (const id of new Set(mentions.map((m) => m.cardId))) {
    if (cards.has(id)) continue;
    const card = await library.getCard(id).catch(() => null);
    if (card) cards.set(id, card);
  }
  return buildBrief({
    title: article.title,
    url: article.canonicalUrl,
    text: article.text,
    mentions,
    cards: [...cards.values()],
    signals: firedSignals(await library.signals(), article, mentions),
    clips,
  });
}

/** "Track in Dossier" as it found a card before: the first of every card with the selection as name or alias. */
async function trackedFromEveryCard(library: Library, selection: string) {
  const key = selection.toLocaleLowerCase();
  return (await library.listEntries()).find(
    ({ card }) => card.name.toLocaleLowerCase() === key || card.aliases.some((a) => a.toLocaleLowerCase() === key),
  )?.card;
}

const page =
  'Customs officers opened an investigation into rented data-center servers that moved Nvidia chips out of Japan.\n' +
  'Person 1 and Person 2 met Team Only in Zurich. P. 20 was not there.\n' +
  'Seven Again sold shares to Person 12 and Person 30 before the vote.';

describe('the page brief of a library with lists', () => {
  it('is the brief of every card: lists, the user’s edits, a disabled pack, team cards, earlier clips', async () => {
    const db = freshDb();
    const records = new MemoryRecords();
    const team: Card[] = [
      // Mentioned, listing as related a list card, a card of the built-in pack and a name nobody has.
      { ...person(900, ['Person 4', 'export controls', 'Nobody Known']), id: 'team-only', name: 'Team Only' },
      // Not mentioned: a name it shares with a list card is not the list card's.
      { ...person(901), id: 'team-other', name: 'Person 3' },
    ];
    const extra: ExtraCards = { revision: 't1', cards: team };
    const library = libraryOn(db, records, extra);
    await library.installDefaultPack();
    await importList(
      library,
      Array.from({ length: 400 }, (_, i) => person(i, i < 40 ? [`Person ${i + 100}`, `p. ${i + 200}`, 'Nvidia'] : [])),
    );
    // A second list sharing ids with the first (packs in the order of their ids: this one's card is listed), and a
    // disabled list.
    await importList(library, [{ ...person(7), name: 'Seven Again' }, person(500, ['Person 1'])], 'second');
    await importList(library, [person(600)], 'off');
    await library.setPackEnabled('off', false);
    // A disabled pack of card documents whose card has a list card's name as an alias: it comes first.
    const old = { ...person(700), id: 'old-card', name: 'Old Card', aliases: ['Person 101'] };
    const pack = { format: 'dossier-pack', formatVersion: 1, id: 'old', name: 'Old', version: '1.0.0', cards: [old] };
    await library.importPack('old.json', JSON.stringify(pack));
    await library.setPackEnabled('old', false);
    // The user's edits: a list card's related names, an alias taken away, a card deleted, a card of their own.
    await library.saveCard({ ...person(20), related: ['Person 31', 'Mine'] }, false);
    await library.saveCard({ ...person(202), aliases: [] }, false);
    await library.trashCard('person-102');
    await library.saveCard({ id: 'mine', name: 'Mine', kind: 'topic', related: ['Person 7'] }, true);
    const clips = [
      clipOf('00000000000000aa', 'https://news.example/a', [
        ['person-1', 'Person 1'],
        ['person-102', 'Person 102'],
        ['person-350', 'Person 350'],
      ]),
      clipOf('00000000000000bb', 'https://news.example/list', [['person-2', 'Person 2']]),
      clipOf('00000000000000cc', 'https://news.example/c', [['person-399', 'Person 399']]),
      clipOf('00000000000000dd', 'https://news.example/d', [
        ['team-only', 'Team Only'],
        ['gone', 'Gone Card'],
      ]),
    ];
    const article = articleOf(page);

    const woken = libraryOn(db, records, extra);
    const { mentions } = await woken.match(page);
    const expected = await briefFromEveryCard(libraryOn(db, records, extra), article, mentions, clips);
    // The case is one where the cards' order and every source count.
    expect(expected.entities.map((c) => c.cardId)).toEqual(
      expect.arrayContaining(['person-1', 'person-2', 'person-7', 'person-20', 'team-only', 'nvidia']),
    );
    const related = new Map(expected.related.cards.map((c) => [c.name, c.cardId]));
    expect(expected.signals.map((s) => s.cardId)).toContain('nvidia');
    expect(related.size).toBe(8);
    expect([...related.values()]).toEqual(expect.arrayContaining(['old-card', 'mine', 'person-112', 'person-201']));
    expect(expected.related.clips.map((c) => c.clipId)).toEqual(['00000000000000aa', '00000000000000dd']);

    // A woken worker (no list read yet), and one whose lists were read whole (the Library tab).
    expect(await briefOf(woken, article, mentions, clips)).toEqual(expected);
    const listed = libraryOn(db, records, extra);
    await listed.listEntries();
    expect(await briefOf(listed, article, mentions, clips)).toEqual(expected);
    // The library that made the changes keeps its card documents in the order it wrote them (its signals in that
    // order too): its brief is the one every card of it gave.
    expect(await briefOf(library, article, mentions, clips)).toEqual(
      await briefFromEveryCard(library, article, mentions, clips),
    );
    // A page of one card: the cards of the earlier clips that share it are among the related (a deleted one by name).
    const short = articleOf('Person 1 was seen in Zurich today.');
    const one = (await woken.match(short.text)).mentions;
    const alone = await briefFromEveryCard(libraryOn(db, records, extra), short, one, clips);
    expect(alone.related.cards.map((c) => c.cardId)).toEqual(
      expect.arrayContaining(['person-102', 'person-350', 'old-card', 'nvidia']),
    );
    expect(await briefOf(woken, short, one, clips)).toEqual(alone);
    // Each related card's name, on its own: the first card with it (the disabled pack's alias before the list's).
    for (const name of ['Person 101', 'Person 104', 'p. 201', 'Person 31', 'Person 4']) {
      const found = await woken.ownCardsNamed([name]);
      const before = (await libraryOn(db, records, extra).listEntries())
        .map((e) => e.card)
        .filter((c) => [c.name, ...c.aliases].some((t) => t.toLowerCase() === name.toLowerCase()));
      expect(found).toEqual(before);
    }
  }, 60_000);

  it('reads the buckets of the page’s cards and of their related cards, no more', async () => {
    const db = freshDb();
    const records = new MemoryRecords();
    const library = libraryOn(db, records);
    await library.installDefaultPack();
    await importList(
      library,
      Array.from({ length: 3000 }, (_, i) => person(i, i < 100 ? [`Person ${i + 1000}`] : [])),
    );
    const k = 12;
    const text = Array.from({ length: k }, (_, i) => `Person ${i * 7} was seen with Nvidia in Taiwan.`).join('\n');
    await libraryOn(db, records).match(text);
    await vi.waitFor(() => expect(records.writes).toBeGreaterThan(0));

    const woken = libraryOn(db, records);
    const { mentions } = await woken.match(text);
    const reads = bucketReads(db);
    const brief = await briefOf(woken, articleOf(text), mentions, []);
    const read = reads.read();
    reads.done();
    expect(brief.entities).toHaveLength(k + 2);
    expect(brief.related.cards.map((c) => c.cardId)).toEqual(expect.arrayContaining(['person-1000', 'person-1007']));
    expect(read).not.toContain('(all)');
    // A bucket for each card on the page, one for each related card.
    expect(read.length).toBeGreaterThanOrEqual(k);
    expect(read.length).toBeLessThanOrEqual(2 * k);
    expect(brief).toEqual(await briefFromEveryCard(libraryOn(db, records), articleOf(text), mentions, []));
  }, 60_000);
});

describe('"Track in Dossier" on a library with lists', () => {
  it('finds the card every card’s search found, reading only the buckets of the names', async () => {
    const db = freshDb();
    const records = new MemoryRecords();
    const library = libraryOn(db, records);
    await library.installDefaultPack();
    await importList(
      library,
      Array.from({ length: 3000 }, (_, i) => person(i)),
    );
    await library.saveCard({ ...person(5), aliases: ['The Fifth'] }, false);
    const old = { ...person(700), id: 'old-card', name: 'Old Card', aliases: ['Person 9'] };
    const pack = { format: 'dossier-pack', formatVersion: 1, id: 'old', name: 'Old', version: '1.0.0', cards: [old] };
    await library.importPack('old.json', JSON.stringify(pack));
    await library.setPackEnabled('old', false);
    await library.match('Person 1');
    await vi.waitFor(() => expect(records.writes).toBeGreaterThan(0));

    for (const selection of ['person 17', 'P. 2999', 'the fifth', 'Person 9', 'NVIDIA Corp', '  Person\n 40 ']) {
      const woken = libraryOn(db, records);
      await woken.match('Person 1');
      const reads = bucketReads(db);
      const { card, created } = await woken.track(selection);
      const read = reads.read();
      reads.done();
      expect(created).toBe(false);
      expect(card).toEqual(await trackedFromEveryCard(libraryOn(db, records), selection.replace(/\s+/g, ' ').trim()));
      expect(read).not.toContain('(all)');
      expect(read.length).toBeLessThanOrEqual(1);
    }
    // An alias taken away by the user's edit names no card: a new one is made.
    const woken = libraryOn(db, records);
    expect(await trackedFromEveryCard(woken, 'P. 5')).toBeUndefined();
    const { card, created } = await woken.track('P. 5');
    expect(created).toBe(true);
    expect(card.name).toBe('P. 5');
  }, 60_000);
});
