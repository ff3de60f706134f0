import { describe, expect, it, vi } from 'vitest';
import { compileSignals } from '../engine';
import type { Card, SignalRule } from '../model/card';
import { CardStore } from '../store/cards';
import type { ListPackDoc } from '../store/lists';
import type { ExtraCards } from './library';
import { bucketReads, freshDb, importList, libraryAndStore, libraryOn, useLibraries } from './library-test-kit';
import { MemoryRecords } from './memory-cache-records';

/*
 * The watch signals of a library with a list: the rules of the cards that carry one, compiled as from every
 * linked card (a term names any linked card, a list's among them), without reading the list's buckets that hold
 * no rule.
 */

useLibraries();

const rule = (all: string[], any: string[][] = [], none: string[] = []): SignalRule => ({
  all,
  any,
  none,
  scope: 'paragraph',
});

/** A list's person card; `signal` gives it a watch-signal rule. */
function person(i: number, signal?: SignalRule): Card {
  return {
    id: `person-${i}`,
    name: `Person ${i}`,
    kind: 'person',
    aliases: [`P. ${i}`, `Persona Número ${i}`],
    summary: `Listed person ${i}`,
    signals: signal ? [{ text: `Person ${i} is named with a sanction`, rule: signal }] : [],
    implications: [],
    tags: ['sanctions'],
    related: [],
    sources: [],
    notes: '',
  };
}

/**
 * The rules as they were compiled before: from every linked card (the store's, then the teams' of other ids). A
 * store lists its card documents in the order it read or wrote them: a woken worker's store reads them afresh.
 */
async function compiledFromEveryCard(store: CardStore, extra: ExtraCards) {
  const replaced = new Set(extra.replacing);
  const own = (await store.listCards()).filter((c) => !replaced.has(c.id));
  const ids = new Set(own.map((c) => c.id));
  return compileSignals([...own, ...extra.cards.filter((c) => !ids.has(c.id))]);
}

/** The keys of the list buckets a call read (by allDocs or get). */
describe('the watch signals of a library with lists', () => {
  it('compiles the same rules as from every linked card: lists, the user’s edits, disabled packs, team cards', async () => {
    const db = freshDb();
    const records = new MemoryRecords();
    const team: Card[] = [
      // A team's card of a list card's id: the list's card links, not this one.
      { ...person(3), name: 'Team Person Three', signals: [{ text: 'hidden', rule: rule(['acquisition']) }] },
      // Replacing the user's own card (shared, co-edited in the team): the team's copy links.
      {
        ...person(40),
        id: 'my-watch',
        name: 'My Watch',
        signals: [{ text: 'team', rule: rule(['Person 5', 'vote']) }],
      },
      // A card of the team alone, whose rule names a list card by an alias and a card of the team.
      {
        ...person(41),
        id: 'team-only',
        name: 'Team Only',
        aliases: ['TO Holdings'],
        signals: [{ text: 'theirs', rule: rule(['P. 12'], [['TO Holdings', 'merger']]) }],
      },
    ];
    const extra: ExtraCards = { revision: 't1', cards: team, replacing: ['my-watch'] };
    const { library, store } = libraryAndStore(db, records, extra);
    await library.installDefaultPack();
    // A JSON list: most cards carry no rule; some do, naming other cards of the list (with none) and keywords.
    const cards = Array.from({ length: 400 }, (_, i) =>
      person(
        i,
        i % 50 === 7 ? rule([`Person ${i + 1}`, 'sanctions'], [['P. 2', 'Zürich']], ['persona número 3']) : undefined,
      ),
    );
    await importList(library, cards);
    // A second list sharing ids with the first: packs are in the order of their ids, so this one's cards link and
    // the first's of the same ids (person-157's rule among them) do not. And a disabled list.
    await importList(
      library,
      [person(7, rule(['ignored'])), person(157), person(500, rule(['Person 2', 'fraud']))],
      'second',
    );
    await importList(library, [person(600, rule(['Person 600', 'disabled']))], 'off');
    await library.setPackEnabled('off', false);
    // The user's edits: a rule added to a list card, a rule removed from one, a card with a rule deleted.
    await library.saveCard({ ...person(20), signals: [{ text: 'mine', rule: rule(['Person 21', 'raid']) }] }, false);
    await library.saveCard({ ...person(57), signals: [] }, false);
    await library.trashCard('person-107');
    await library.saveCard({ id: 'my-watch', name: 'My Watch', kind: 'topic', signals: [] }, true);
    await library.saveCard(
      { id: 'own-rule', name: 'Own Rule', kind: 'topic', signals: [{ text: 'o', rule: rule(['Team Only', 'P. 3']) }] },
      true,
    );

    const expected = await compiledFromEveryCard(new CardStore(db), extra);
    expect(expected.rules.length).toBeGreaterThan(10);
    const named = [...expected.cardTerms.keys()];
    for (const id of ['person-208', 'person-2', 'person-3', 'person-12', 'team-only', 'person-21']) {
      expect(named).toContain(id);
    }
    expect(expected.rules.map((r) => r.cardId)).toEqual(
      expect.arrayContaining(['person-7', 'person-500', 'person-20', 'my-watch', 'team-only', 'own-rule']),
    );
    for (const gone of ['person-57', 'person-107', 'person-157', 'person-600']) {
      expect(expected.rules.map((r) => r.cardId)).not.toContain(gone);
    }

    // The library that made the changes (its lists read or not), and a worker woken with the dictionary cached.
    expect(await library.signals()).toEqual(await compiledFromEveryCard(store, extra));
    await library.match('Person 8 and sanctions');
    const woken = libraryOn(db, records, extra);
    expect(await woken.signals()).toEqual(expected);
    // A store of an earlier version: its lists' records do not say which buckets hold rules; all are read.
    for (const packId of ['watch', 'second', 'off']) {
      const doc = (await db.get(`pack:${packId}`)) as ListPackDoc;
      for (const chunk of Object.values(doc.list!.chunks)) delete chunk.signals;
      await db.put(doc);
    }
    const older = libraryOn(db, records, extra);
    expect(await older.signals()).toEqual(await compiledFromEveryCard(new CardStore(db), extra));
  }, 60_000);

  it('reads no bucket of a list whose cards carry no rule, and only the buckets that hold one', async () => {
    const db = freshDb();
    const records = new MemoryRecords();
    const library = libraryOn(db, records);
    // As from a CSV file: no signals.
    await importList(
      library,
      Array.from({ length: 600 }, (_, i) => person(i)),
    );
    // The woken worker paints a page (the dictionary is compiled and cached), then the next wakes with it cached.
    await libraryOn(db, records).match('Person 5 was named.');
    await vi.waitFor(() => expect(records.writes).toBeGreaterThan(0));

    const woken = libraryOn(db, records);
    await woken.match('Person 5 was named.');
    const reads = bucketReads(db);
    const compiled = await woken.signals();
    const read = reads.read();
    reads.done();
    expect(read).toEqual([]);
    // The built-in pack's rules are there, a term naming a card of the list is that card's.
    expect(compiled).toEqual(await compiledFromEveryCard(new CardStore(db), { revision: '', cards: [] }));
    expect(compiled.rules.length).toBeGreaterThan(0);

    // A next version where two cards of different buckets carry rules: those two buckets alone are read.
    const next = Array.from({ length: 600 }, (_, i) =>
      person(i, i === 10 || i === 11 ? rule([`Person ${i + 100}`, 'sanctions']) : undefined),
    );
    await importList(libraryOn(db, records), next);
    const writes = records.writes;
    await libraryOn(db, records).match('Person 5 was named.');
    await vi.waitFor(() => expect(records.writes).toBeGreaterThan(writes));
    const after = libraryOn(db, records);
    await after.match('Person 5 was named.');
    const again = bucketReads(db);
    const withRules = await after.signals();
    const readNow = again.read();
    again.done();
    expect(new Set(readNow).size).toBe(2);
    expect(withRules).toEqual(await compiledFromEveryCard(new CardStore(db), { revision: '', cards: [] }));
    expect(withRules.cardTerms.has('person-110')).toBe(true);
  }, 60_000);

  it('previews an edited rule as the rules of every linked card were compiled for it, without reading the list', async () => {
    const db = freshDb();
    const records = new MemoryRecords();
    const library = libraryOn(db, records);
    await importList(
      library,
      Array.from({ length: 300 }, (_, i) => person(i)),
    );
    await library.match('Person 5 was named.');
    await vi.waitFor(() => expect(records.writes).toBeGreaterThan(0));
    const edited = rule(['Person 6', 'sanctions'], [['P. 7', 'Persona Numero 5']], ['Person 5']);
    const previewedBefore = async (cardId: string | undefined, name: string) => {
      const cards = (await new CardStore(db).listCards()).map((c) => ({ ...c, signals: [] }));
      const self = cards.find((c) => c.id === cardId);
      const previewed = {
        id: cardId ?? 'new-card',
        name,
        aliases: self?.aliases ?? [],
        signals: [{ text: name, rule: edited }],
      };
      return compileSignals([...cards.filter((c) => c.id !== cardId), previewed]);
    };

    const woken = libraryOn(db, records);
    await woken.match('Person 5 was named.');
    const reads = bucketReads(db);
    // A list card's rule (its name edited in the editor), and a new card's.
    const ofListCard = await woken.previewSignal('person-5', 'Person Five', edited);
    const ofNewCard = await woken.previewSignal(undefined, 'Watcher', edited);
    const read = reads.read();
    reads.done();
    expect(new Set(read).size).toBeLessThanOrEqual(1);
    expect(ofListCard).toEqual(await previewedBefore('person-5', 'Person Five'));
    expect(ofNewCard).toEqual(await previewedBefore(undefined, 'Watcher'));
    // The edited card's own old name names it, through its aliases ("Persona Numero 5" is one).
    expect(ofListCard.cardTerms.has('person-5')).toBe(true);
    expect(ofNewCard.cardTerms.get('person-5')).toBeDefined();
  }, 60_000);
});
