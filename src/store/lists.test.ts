import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Card } from '../model/card';
import { LIST_BUCKETS, ListBuckets } from '../model/pack-stream';
import { exportAll, restoreAll } from './backup';
import { packDocId } from './card-docs';
import { CardStore } from './cards';
import type { Database } from './db';
import { memoryDb } from './memory-db';

const opened: Database[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.destroy()));
});

function store(): CardStore {
  const db = memoryDb();
  opened.push(db);
  return new CardStore(db);
}

/** A small list: person cards with two aliases each; `version` changes some summaries. */
function list(count: number, from = 0, version = 1): Card[] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    return {
      id: `person-${i}`,
      name: `Person ${i}`,
      kind: 'person',
      aliases: [`P. ${i}`, `Person Number ${i}`],
      summary: i % 10 === 0 ? `Listed person ${i} (v${version})` : `Listed person ${i}`,
      signals: [],
      implications: [],
      tags: ['sanctions'],
      related: [],
      sources: [],
      notes: '',
    };
  });
}

/** Imports cards as the options page does: only the buckets whose digest differs from the stored one are sent. */
async function importList(
  s: CardStore,
  cards: Card[],
  packId = 'watch',
  meta: { version?: string; description?: string; source?: string } = {},
) {
  const buckets = new ListBuckets();
  buckets.add(cards);
  const { importId, digests } = await s.lists.begin({
    packId,
    name: 'Watch',
    version: '1.0.0',
    source: 'watch.csv',
    ...meta,
  });
  const all = buckets.numbers().map((n) => buckets.bucket(n));
  const sent = all.filter((b) => digests[b.bucket] !== b.digest);
  for (let i = 0; i < sent.length; i += 500) await s.lists.stage(importId, sent.slice(i, i + 500));
  const report = await s.commitList(
    importId,
    all.map((b) => ({ bucket: b.bucket, digest: b.digest })),
  );
  return { report, sent: sent.length, buckets: all.length };
}

/** The bucket documents stored now, by id. */
const bucketIds = async (db: Database) =>
  (await db.allDocs({ startkey: 'list:', endkey: 'list:\uffff' })).rows.map((r) => r.id).sort();

/** The ids the pack's record names. */
const namedIds = async (s: CardStore, packId = 'watch') => {
  const pack = (await s.getPack(packId)) as { list?: { chunks: Record<string, { id: string }> } } | null;
  return Object.values(pack?.list?.chunks ?? {})
    .map((c) => c.id)
    .sort();
};

/**
 * A worker woken on the same database: a new store, whose calls of allDocs are counted (those listing every
 * bucket document, and those listing the whole database).
 */
function wake(db: Database) {
  const listing = vi.spyOn(db, 'allDocs');
  const restarted = new CardStore(db);
  const listed = () =>
    listing.mock.calls.filter(([options]) => {
      const o = (options ?? {}) as { startkey?: string; keys?: unknown };
      return !o.keys && (o.startkey === undefined || o.startkey.startsWith('list:'));
    }).length;
  return { store: restarted, listed, done: () => listing.mockRestore() };
}

const snapshot = async (s: CardStore) => {
  const all = await s.db.allDocs({ include_docs: true });
  return all.rows.map((r) => ({ id: r.id, rev: r.value.rev }));
};

describe('list imports', { timeout: 20_000 }, () => {
  it('stores a list in buckets and lists its cards', async () => {
    const s = store();
    const { report } = await importList(s, list(2000));
    expect(report).toMatchObject({ added: 2000, updated: 0, removed: 0, unchanged: 0, total: 2000, names: 6000 });
    const entries = await s.listEntries();
    expect(entries).toHaveLength(2000);
    expect(await s.getCard('person-42')).toMatchObject({ name: 'Person 42', aliases: ['P. 42', 'Person Number 42'] });
    const chunks = await s.db.allDocs({ startkey: 'list:', endkey: 'list:\uffff' });
    expect(chunks.rows.length).toBeLessThanOrEqual(LIST_BUCKETS);
  });

  it('keeps the version and description a JSON list gives, and a CSV list leaves the description as it was', async () => {
    const s = store();
    const record = async () => (await s.db.get(packDocId('watch'))) as { version: string; description: string };
    await importList(s, list(50), 'watch', { version: '2.3.4', description: 'The issuer’s list.', source: 'w.json' });
    expect(await record()).toMatchObject({ version: '2.3.4', description: 'The issuer’s list.' });
    await importList(s, list(60));
    expect(await record()).toMatchObject({ version: '1.0.0', description: 'The issuer’s list.' });
  });

  it('applies only the difference on a re-import and says what changed', async () => {
    const s = store();
    await importList(s, list(3000));
    // 100 removed (0–99), 200 added (3000–3199), every tenth summary of the rest changed (v2).
    const next = list(2900, 100, 2).concat(list(200, 3000));
    const { report, sent, buckets } = await importList(s, next);
    expect(report).toMatchObject({ added: 200, removed: 100, updated: 290, total: 3100, kept: 0 });
    expect(report.unchanged).toBe(2610);
    expect(sent).toBeLessThanOrEqual(buckets);
    expect(await s.getCard('person-5')).toBeNull();
    expect((await s.getCard('person-110'))?.summary).toBe('Listed person 110 (v2)');
    expect(await s.getCard('person-3199')).not.toBeNull();
    // The same version again: nothing sent, nothing changed.
    const again = await importList(s, next);
    expect(again.sent).toBe(0);
    expect(again.report).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 3100 });
    // The replaced buckets are gone: only the live ones are stored.
    const chunks = await s.db.allDocs({ startkey: 'list:', endkey: 'list:\uffff' });
    expect(chunks.rows).toHaveLength(again.buckets);
  });

  it('keeps the user’s edits of a list card and their own cards, and counts them as kept', async () => {
    const s = store();
    await importList(s, list(500));
    const edited = await s.getCard('person-10');
    await s.saveCard({ ...edited, summary: 'My own notes on this person' }, false);
    await s.trashCard('person-20');
    const mine = await s.saveCard({ id: 'x', name: 'My Own Card', kind: 'company' }, true);
    // The next version changes person-10 (every tenth), removes person-20 and everyone from 400 on.
    const { report } = await importList(
      s,
      list(400, 0, 2).filter((c) => c.id !== 'person-20'),
    );
    expect(report.kept).toBe(2);
    expect(report.removed).toBe(100);
    expect((await s.getCard('person-10'))?.summary).toBe('My own notes on this person');
    expect(await s.getCard('person-20')).toBeNull();
    expect(await s.getCard(mine.id)).not.toBeNull();
    expect((await s.getCard('person-30'))?.summary).toBe('Listed person 30 (v2)');
  });

  it('leaves the store exactly as it was when an import is cancelled or a bucket refused', async () => {
    const s = store();
    await importList(s, list(1000));
    const before = await snapshot(s);
    const buckets = new ListBuckets();
    buckets.add(list(1500, 0, 3));
    const { importId } = await s.lists.begin({ packId: 'watch', name: 'Watch', version: '1.0.0', source: 'w.csv' });
    const [first, second] = buckets.numbers();
    await s.lists.stage(importId, [buckets.bucket(first!)]);
    await s.lists.stage(importId, [buckets.bucket(second!)]);
    await s.lists.cancel(importId);
    expect(await snapshot(s)).toEqual(before.length === 0 ? [] : expect.arrayContaining(before));
    expect((await snapshot(s)).length).toBe(before.length);
    expect(await s.listEntries()).toHaveLength(1000);

    const bad = await s.lists.begin({ packId: 'watch', name: 'Watch', version: '1.0.0', source: 'w.csv' });
    const card = JSON.parse(buckets.bucket(first!).cards) as Card[];
    card[0]!.kind = 'Not A Kind';
    await expect(s.lists.stage(bad.importId, [{ bucket: first!, cards: JSON.stringify(card) }])).rejects.toThrow(
      /card 1: kind: /,
    );
    await s.lists.cancel(bad.importId);
    expect((await snapshot(s)).length).toBe(before.length);
    // A card in the wrong bucket is refused too (ids are bucketed so that no id is in two buckets).
    const wrong = await s.lists.begin({ packId: 'watch', name: 'Watch', version: '1.0.0', source: 'w.csv' });
    await expect(
      s.lists.stage(wrong.importId, [{ bucket: second!, cards: buckets.bucket(first!).cards }]),
    ).rejects.toThrow(/not of this bucket/);
  });

  it('sweeps the buckets of an import cut short at the next start, and removes a list whole', async () => {
    const s = store();
    await importList(s, list(300));
    const buckets = new ListBuckets();
    buckets.add(list(300, 1000));
    const { importId } = await s.lists.begin({ packId: 'watch', name: 'Watch', version: '1.0.0', source: 'w.csv' });
    const [first] = buckets.numbers();
    await s.lists.stage(importId, [buckets.bucket(first!)]);
    // The worker stops: a new store on the same database starts.
    const restarted = new CardStore(s.db);
    await restarted.ready();
    expect(await restarted.listEntries()).toHaveLength(300);
    const live = await s.db.allDocs({ startkey: 'list:', endkey: 'list:\uffff' });
    const pack = (await restarted.getPack('watch')) as { list?: { chunks: Record<string, { id: string }> } };
    expect(live.rows.map((r) => r.id).sort()).toEqual(
      Object.values(pack.list!.chunks)
        .map((c) => c.id)
        .sort(),
    );
    expect(await restarted.removePack('watch')).toBe(300);
    expect(await restarted.listEntries()).toHaveLength(0);
    expect((await s.db.allDocs({ startkey: 'list:', endkey: 'list:\uffff' })).rows).toHaveLength(0);
  });

  it('goes into a backup and comes back from it; a tampered bucket is refused whole', async () => {
    const s = store();
    await importList(s, list(400));
    const backup = await exportAll(s.db);
    const restored = store();
    await restoreAll(restored.db, backup);
    const entries = await new CardStore(restored.db).listEntries();
    expect(entries.map((e) => e.card).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      (await s.listEntries()).map((e) => e.card).sort((a, b) => a.id.localeCompare(b.id)),
    );
    // A bucket's cards are one JSON text inside the document: its quotes are escaped in the backup.
    const tampered = backup.replace('\\"kind\\":\\"person\\"', '\\"kind\\":\\"Not A Kind\\"');
    expect(tampered).not.toBe(backup);
    const other = store();
    await expect(restoreAll(other.db, tampered)).rejects.toThrow(/kind/);
    expect((await other.db.allDocs()).rows).toHaveLength(0);
  });

  it('sweeps at the next start only when an import was cut short; a clean start lists no bucket', async () => {
    const s = store();
    await importList(s, list(300));
    await s.ready();
    const named = await namedIds(s);
    expect(await bucketIds(s.db)).toEqual(named);

    // A clean store: the start reads the mark and nothing else of the lists.
    const clean = wake(s.db);
    await clean.store.ready();
    expect(clean.listed()).toBe(0);
    clean.done();

    // An import the worker was stopped in (between two staged writes): its buckets are no pack's.
    const buckets = new ListBuckets();
    buckets.add(list(300, 1000));
    const { importId } = await s.lists.begin({ packId: 'watch', name: 'Watch', version: '2.0.0', source: 'w.csv' });
    const [first, second] = buckets.numbers();
    await s.lists.stage(importId, [buckets.bucket(first!), buckets.bucket(second!)]);
    expect((await bucketIds(s.db)).length).toBe(named.length + 2);
    const woken = wake(s.db);
    await woken.store.ready();
    expect(woken.listed()).toBeGreaterThan(0);
    woken.done();
    expect(await bucketIds(s.db)).toEqual(named);
    expect(await woken.store.listEntries()).toHaveLength(300);

    // Swept once: the start after it lists nothing again.
    const after = wake(s.db);
    await after.store.ready();
    expect(after.listed()).toBe(0);
    after.done();
  });

  it('leaves no sweep for the next start after an import committed or cancelled', async () => {
    const s = store();
    await s.ready();
    await importList(s, list(200));
    const buckets = new ListBuckets();
    buckets.add(list(200, 500));
    const { importId } = await s.lists.begin({ packId: 'watch', name: 'Watch', version: '1.0.0', source: 'w.csv' });
    await s.lists.stage(importId, [buckets.bucket(buckets.numbers()[0]!)]);
    await s.lists.cancel(importId);
    const woken = wake(s.db);
    await woken.store.ready();
    expect(woken.listed()).toBe(0);
    woken.done();
    expect(await bucketIds(s.db)).toEqual(await namedIds(s));
  });

  it('sweeps a store of an earlier version (no mark yet) once', async () => {
    const s = store();
    await importList(s, list(200));
    const buckets = new ListBuckets();
    buckets.add(list(200, 500));
    const { importId } = await s.lists.begin({ packId: 'watch', name: 'Watch', version: '1.0.0', source: 'w.csv' });
    await s.lists.stage(importId, [buckets.bucket(buckets.numbers()[0]!)]);
    // An earlier version wrote no mark.
    await s.db.remove(await s.db.get('_local/list-work'));
    const woken = wake(s.db);
    await woken.store.ready();
    expect(woken.listed()).toBeGreaterThan(0);
    woken.done();
    expect(await bucketIds(s.db)).toEqual(await namedIds(s));
    const again = wake(s.db);
    await again.store.ready();
    expect(again.listed()).toBe(0);
    again.done();
  });

  it('sweeps at the next start the buckets of a list whose removal was cut short', async () => {
    const s = store();
    await s.ready();
    await importList(s, list(200));
    const pack = await s.getPack('watch');
    // The worker stops after the pack's record went, before its buckets did.
    await expect(
      s.lists.thenSweep(async () => {
        await s.db.put({ ...pack!, _deleted: true } as never);
        throw new Error('stopped');
      }),
    ).rejects.toThrow('stopped');
    expect((await bucketIds(s.db)).length).toBeGreaterThan(0);
    const woken = wake(s.db);
    await woken.store.ready();
    woken.done();
    expect(await bucketIds(s.db)).toEqual([]);
  });

  it('never sweeps the buckets of an import under way, while another list is removed', async () => {
    const s = store();
    await s.ready();
    await importList(s, list(100), 'other');
    const buckets = new ListBuckets();
    buckets.add(list(300));
    const { importId } = await s.lists.begin({ packId: 'watch', name: 'Watch', version: '1.0.0', source: 'w.csv' });
    const all = buckets.numbers().map((n) => buckets.bucket(n));
    // The other list is removed (and swept) just as this import's first buckets are written, before the import
    // has recorded them.
    const bulkDocs = s.db.bulkDocs.bind(s.db);
    let removed = 0;
    const writes = vi.spyOn(s.db, 'bulkDocs').mockImplementation(((...args: unknown[]) => {
      const docs = args[0];
      // PouchDB's own calls (a put is a bulkDocs with a callback) go straight through.
      if (!Array.isArray(docs) || docs[0]?.type !== 'list-chunk' || removed !== 0)
        return (bulkDocs as (...a: unknown[]) => unknown)(...args);
      return bulkDocs(docs).then(async (result) => {
        removed = await s.removePack('other');
        return result;
      });
    }) as never);
    await s.lists.stage(importId, all.slice(0, 50));
    writes.mockRestore();
    expect(removed).toBe(100);
    await s.lists.stage(importId, all.slice(50));
    const report = await s.commitList(
      importId,
      all.map((b) => ({ bucket: b.bucket, digest: b.digest })),
    );
    expect(report.total).toBe(300);
    expect(await s.listEntries()).toHaveLength(300);
    expect(await bucketIds(s.db)).toEqual(await namedIds(s));
  });

  it('counts each pack’s cards as the library lists them, reading only the buckets of card documents', async () => {
    const s = store();
    await importList(s, list(500));
    await s.saveCard({ ...(await s.getCard('person-10')), summary: 'Mine' }, false);
    await s.trashCard('person-20');
    await s.saveCard({ id: 'x', name: 'My Own Card', kind: 'company' }, true);
    // A pack's card of a list card's id stands in for it.
    await s.writePack(
      {
        format: 'dossier-pack',
        formatVersion: 1,
        id: 'other',
        name: 'Other',
        version: '1.0.0',
        description: '',
        cards: [{ ...list(1, 7)[0]!, summary: 'From another pack' }],
      },
      false,
    );
    // The next version removes everyone from 400 on, person-10 (edited: kept) among the rest of the list.
    await importList(s, list(400, 0, 2));

    const fresh = new CardStore(s.db);
    const listing = vi.spyOn(s.db, 'allDocs');
    const counts = await fresh.countEntries();
    const read = listing.mock.calls.flatMap(([o]) =>
      ((o as { keys?: string[] }).keys ?? []).filter((k) => k.startsWith('list:')),
    );
    listing.mockRestore();
    expect(read.length).toBeGreaterThan(0);
    expect(read.length).toBeLessThanOrEqual(4);
    const entries = new Map<string, number>();
    for (const e of await new CardStore(s.db).listEntries()) entries.set(e.pack, (entries.get(e.pack) ?? 0) + 1);
    expect(counts).toEqual(entries);
    // 400 listed, person-20 deleted, person-7 the other pack's.
    expect(counts.get('watch')).toBe(398);
    expect(counts.get('other')).toBe(1);

    // Two lists may share ids (the first's card is listed): they are counted from their cards.
    await importList(s, list(100, 350), 'second');
    const both = await new CardStore(s.db).countEntries();
    const listed = new Map<string, number>();
    for (const e of await new CardStore(s.db).listEntries()) listed.set(e.pack, (listed.get(e.pack) ?? 0) + 1);
    expect(both).toEqual(listed);
  });

  it('gives a list’s cards by id, and a free id for a new card, reading only the buckets of those ids', async () => {
    const s = store();
    await importList(s, list(500));
    await importList(s, list(20, 490), 'second');
    await s.saveCard({ ...(await s.getCard('person-10')), summary: 'Mine' }, false);
    await s.trashCard('person-20');

    const fresh = new CardStore(s.db);
    const listing = vi.spyOn(s.db, 'allDocs');
    const ids = ['person-5', 'person-10', 'person-20', 'person-495', 'person-505', 'nobody'];
    const some = await fresh.entriesOf(ids);
    const one = await fresh.getCard('person-7');
    // "Person 3" is a list card's name: the new card takes the next free id.
    const created = await fresh.saveCard({ id: 'x', name: 'Person 3', kind: 'person' }, true);
    const read = listing.mock.calls.flatMap(([o]) => {
      const options = (o ?? {}) as { keys?: string[]; startkey?: string };
      if (!options.keys) return options.startkey === undefined || options.startkey.startsWith('list:') ? ['(all)'] : [];
      return options.keys.filter((k) => k.startsWith('list:'));
    });
    listing.mockRestore();
    expect(read).not.toContain('(all)');
    expect(read.length).toBeLessThanOrEqual(10);

    const all = await new CardStore(s.db).listEntries();
    const byId = new Map(all.map((e) => [e.card.id, e]));
    const sorted = (entries: typeof all) => [...entries].sort((a, b) => a.card.id.localeCompare(b.card.id));
    expect(sorted(some)).toEqual(sorted(ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []))));
    expect(some.map((e) => e.card.id).sort()).toEqual(['person-10', 'person-495', 'person-5', 'person-505']);
    // A card of two lists is the first list's (packs in the order of their ids: "second" before "watch").
    expect(some.find((e) => e.card.id === 'person-495')?.pack).toBe('second');
    expect(one).toEqual(byId.get('person-7')!.card);
    expect(created.id).toBe('person-3-2');
  });
});
