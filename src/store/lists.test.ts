import { afterEach, describe, expect, it } from 'vitest';
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
});
