import { afterEach, describe, expect, it } from 'vitest';
import type { Card } from '../model/card';
import type { Pack } from '../model/pack';
import { USER_PACK } from './card-docs';
import { CardStore } from './cards';
import { type Database, QUOTA_MESSAGE, STORE_SCHEMA, type StoredDoc } from './db';
import { memoryDb } from './memory-db';
import { migrate, migrateDoc } from './migrate';

const opened: Database[] = [];

/** A fresh in-memory database, destroyed after the test. */
function freshDb(): Database {
  const db = memoryDb();
  opened.push(db);
  return db;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.destroy()));
});

const card = (id: string, name: string, extra: Partial<Card> = {}): Card => ({
  id,
  name,
  kind: 'company',
  aliases: [],
  summary: `${name} summary`,
  signals: [],
  implications: [],
  tags: [],
  related: [],
  sources: [],
  notes: '',
  ...extra,
});

const pack = (version: string, cards: Card[], id = 'default'): Pack => ({
  format: 'dossier-pack',
  formatVersion: 1,
  id,
  name: id === 'default' ? 'Default' : id,
  version,
  description: '',
  cards,
});

/** Documents as Dossier 0.1 (store schema 1) wrote them. */
const V1_DOCS = [
  {
    _id: 'card:nvidia',
    type: 'card',
    schema: 1,
    cardId: 'nvidia',
    pack: 'default',
    name: 'Nvidia',
    kind: 'company',
    aliases: ['NVDA'],
    summary: 'Chips.',
    signals: [],
    implications: [],
    tags: ['chips'],
    related: [],
  },
  {
    _id: 'pack:default',
    type: 'pack',
    schema: 1,
    packId: 'default',
    name: 'Default',
    version: '1.0.0',
    enabled: true,
    cardIds: ['nvidia'],
  },
  { _id: 'site:example.com', type: 'site', schema: 1, site: 'example.com', enabled: false },
];

describe('store migrations', () => {
  it('brings a schema-1 store to the current schema, once, keeping every card', async () => {
    const db = freshDb();
    await db.bulkDocs(V1_DOCS as unknown as StoredDoc[]);
    expect(await migrate(db)).toBe(3);
    expect(await migrate(db)).toBe(0);

    const nvidia = (await db.get('card:nvidia')) as unknown as Record<string, unknown>;
    expect(nvidia).toMatchObject({ schema: STORE_SCHEMA, edited: false, trashed: null, aliases: ['NVDA'] });
    expect(await db.get('pack:default')).toMatchObject({ schema: STORE_SCHEMA, builtIn: true });
    expect(await db.get('site:example.com')).toMatchObject({ schema: STORE_SCHEMA, enabled: false });

    const store = new CardStore(db);
    await store.ready();
    expect((await store.listCards()).map((c) => c.name)).toEqual(['Nvidia']);
  });

  it('leaves documents of a newer schema alone', () => {
    const doc = { _id: 'card:x', type: 'card', schema: STORE_SCHEMA + 1, future: true } as unknown as StoredDoc &
      Record<string, unknown>;
    expect(migrateDoc(doc)).toBe(doc);
  });

  it('an upgrade of the built-in pack after migration keeps the cards the user edited', async () => {
    const db = freshDb();
    await db.bulkDocs(V1_DOCS as unknown as StoredDoc[]);
    const store = new CardStore(db);
    await store.ready();
    await store.saveCard(card('nvidia', 'Nvidia', { summary: 'My own words.' }), false);
    const report = await store.installPack(
      pack('2.0.0', [card('nvidia', 'Nvidia', { summary: 'New text.' }), card('tsmc', 'TSMC')]),
      true,
    );
    expect(report).toMatchObject({ added: 1, kept: 1, updated: 0 });
    expect((await store.getCard('nvidia'))?.summary).toBe('My own words.');
    expect((await store.getCard('tsmc'))?.name).toBe('TSMC');
  });
});

describe('card store', () => {
  it('creates cards with unique ids in "My cards", and deletes them so that they can be restored', async () => {
    const store = new CardStore(freshDb());
    await store.ready();
    const a = await store.saveCard(card('x', 'Acme Corp'), true);
    const b = await store.saveCard(card('x', 'Acme Corp'), true);
    expect([a.id, b.id]).toEqual(['acme-corp', 'acme-corp-2']);
    expect((await store.getPack(USER_PACK))?.enabled).toBe(true);

    await store.trashCard(a.id);
    expect(await store.getCard(a.id)).toBeNull();
    expect((await store.listCards()).map((c) => c.id)).toEqual(['acme-corp-2']);
    await store.restoreCard(a.id);
    expect((await store.getCard(a.id))?.name).toBe('Acme Corp');
  });

  it('refuses an invalid card with the field that is wrong, and stores nothing', async () => {
    const store = new CardStore(freshDb());
    await store.ready();
    await expect(store.saveCard({ ...card('x', ''), name: '' }, true)).rejects.toThrow(/name/);
    await expect(store.saveCard({ id: 'x' }, true)).rejects.toThrow();
    expect(await store.listEntries()).toEqual([]);
  });

  it('a disabled pack keeps its cards but they do not link; the built-in pack cannot be removed', async () => {
    const store = new CardStore(freshDb());
    await store.ready();
    await store.installPack(pack('1.0.0', [card('nvidia', 'Nvidia')]), true);
    await store.installPack(pack('1.0.0', [card('acme', 'Acme')], 'extra'));
    await store.setPackEnabled('extra', false);
    expect((await store.listCards()).map((c) => c.id)).toEqual(['nvidia']);
    expect((await store.listEntries()).length).toBe(2);
    await expect(store.removePack('default')).rejects.toThrow(/disabled, not removed/);
    expect(await store.removePack('extra')).toBe(1);
    expect(await store.getPack('extra')).toBeNull();
    expect((await store.listEntries()).map((e) => e.card.id)).toEqual(['nvidia']);
  });

  it('a CSV re-import keeps the fields a CSV cannot carry and reports what changed', async () => {
    const store = new CardStore(freshDb());
    await store.ready();
    const full = card('acme', 'Acme', { signals: [{ text: 'Watch this' }], notes: 'kept' });
    await store.writePack(pack('1.0.0', [full], 'extra'), false);
    const report = await store.writePack(
      pack('1.1.0', [card('acme', 'Acme', { summary: 'Changed' }), card('beta', 'Beta')], 'extra'),
      true,
    );
    expect(report).toMatchObject({ added: 1, updated: 1, unchanged: 0, kept: 0, total: 2 });
    const acme = await store.getCard('acme');
    expect(acme).toMatchObject({ summary: 'Changed', notes: 'kept', signals: [{ text: 'Watch this' }] });
  });

  it('completes a pack write that was cut short after its journal was written', async () => {
    const db = freshDb();
    const first = new CardStore(db);
    await first.ready();
    // What a worker stopped right after the journal leaves behind: the journal, no cards, no pack record.
    await db.put({
      _id: '_local/pack-write',
      type: 'journal',
      schema: STORE_SCHEMA,
      pack: pack('1.0.0', [card('acme', 'Acme'), card('beta', 'Beta')], 'extra'),
      keepFields: false,
      builtIn: false,
    } as StoredDoc);
    const second = new CardStore(db);
    await second.ready();
    expect((await second.listCards()).map((c) => c.id).sort()).toEqual(['acme', 'beta']);
    expect(await second.resumeWrite()).toBe(false);
  });

  it('skips a corrupt card document instead of failing the whole library', async () => {
    const db = freshDb();
    const store = new CardStore(db);
    await store.ready();
    await store.installPack(pack('1.0.0', [card('nvidia', 'Nvidia')]), true);
    await db.put({ _id: 'card:broken', type: 'card', schema: STORE_SCHEMA, cardId: 'broken', name: 42 } as StoredDoc);
    // A store that reads the database afresh (the next worker) meets the corrupt document.
    expect((await new CardStore(db).listCards()).map((c) => c.id)).toEqual(['nvidia']);
  });
});

describe('a full disk', () => {
  it('is reported with a clear message, and what was stored stays', async () => {
    const db = freshDb();
    const store = new CardStore(db);
    await store.ready();
    await store.saveCard(card('x', 'Kept Card'), true);
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    const full = Object.assign(Object.create(db) as Database, {
      put: () => Promise.reject(quota),
      bulkDocs: () => Promise.reject(quota),
    });
    const blocked = new CardStore(full);
    await expect(blocked.saveCard(card('y', 'New Card'), true)).rejects.toThrow(QUOTA_MESSAGE);
    await expect(blocked.writePack(pack('1.0.0', [card('z', 'Zeta')], 'extra'), false)).rejects.toThrow(QUOTA_MESSAGE);
    expect((await store.listEntries()).map((e) => e.card.name)).toEqual(['Kept Card']);
  });
});

describe('first revisions written by the store', () => {
  it('a pack removed and imported again is whole again, and its cards can be edited', async () => {
    const db = freshDb();
    const store = new CardStore(db);
    await store.ready();
    const cards = [card('acme', 'Acme'), card('beta', 'Beta')];
    await store.writePack(pack('1.0.0', cards, 'extra'), false);
    expect(await store.removePack('extra')).toBe(2);
    await store.writePack(pack('1.0.0', cards, 'extra'), false);
    const fresh = new CardStore(db);
    expect((await fresh.listCards()).map((c) => c.id).sort()).toEqual(['acme', 'beta']);
    await fresh.saveCard(card('acme', 'Acme', { summary: 'Edited' }), false);
    expect((await new CardStore(db).getCard('acme'))?.summary).toBe('Edited');
    const doc = (await db.get('card:acme', { conflicts: true })) as { _conflicts?: string[] };
    expect(doc._conflicts ?? []).toEqual([]);
  });
});

describe('card limits in the store', () => {
  it('refuses a pack with a card past the limits before writing anything, whoever built the pack', async () => {
    const db = freshDb();
    const store = new CardStore(db);
    await store.ready();
    await store.writePack(pack('1.0.0', [card('acme', 'Acme')], 'extra'), false);
    const before = await db.allDocs({ include_docs: true });
    const huge = card('beta', 'Beta', { aliases: Array.from({ length: 900_000 }, (_, i) => `Beta ${i}`) });
    await expect(store.writePack(pack('1.1.0', [card('acme', 'Acme'), huge], 'extra'), false)).rejects.toThrow(
      'The card “Beta” (beta) cannot be stored: aliases: must hold at most 1,000 aliases, not 900,000; nothing was written.',
    );
    expect(await db.allDocs({ include_docs: true })).toEqual(before);
    await expect(store.saveCard({ ...huge, id: 'acme' }, false)).rejects.toThrow(
      'aliases: must hold at most 1,000 aliases',
    );
    expect(await db.allDocs({ include_docs: true })).toEqual(before);
  });

  it('refuses a CSV update whose merge with the stored card would pass 256 KB', async () => {
    const db = freshDb();
    const store = new CardStore(db);
    await store.ready();
    await store.writePack(
      pack(
        '1.0.0',
        [
          card('acme', 'Acme', {
            notes: 'n'.repeat(20_000),
            sources: Array.from({ length: 100 }, (_, i) => `${i}${'s'.repeat(1990)}`),
          }),
        ],
        'extra',
      ),
      false,
    );
    const before = await db.allDocs({ include_docs: true });
    const aliases = Array.from({ length: 400 }, (_, i) => `Acme ${i} ${'a'.repeat(180)}`);
    await expect(store.writePack(pack('1.1.0', [card('acme', 'Acme', { aliases })], 'extra'), true)).rejects.toThrow(
      /^The card “Acme” \(acme\) cannot be stored: a card must be at most 256 KB as UTF-8 JSON, not 2\d\d KB; nothing was written\.$/,
    );
    expect(await db.allDocs({ include_docs: true })).toEqual(before);
  });
});

describe('the cards’ revision', () => {
  it('moves with the cards and packs, not with clips, notes or signal hits written to the same store', async () => {
    const db = freshDb();
    const store = new CardStore(db);
    await store.installPack(pack('1.0.0', [card('nvidia', 'Nvidia')]), true);
    const installed = await store.revision();
    // The analyst's own work, in the same database.
    await db.bulkDocs([
      { _id: 'clip:1', kind: 'clip' },
      { _id: 'anno:https://news.example/a:1', kind: 'annotation' },
      { _id: 'sighit:abc', kind: 'signal-hit' },
      { _id: 'case:c1', kind: 'case' },
    ] as unknown as StoredDoc[]);
    expect(await store.revision()).toBe(installed);
    // A fresh worker reads the same revision, from where the last one stopped.
    expect(await new CardStore(db).revision()).toBe(installed);

    await store.saveCard(card('acme', 'Acme Corp'), true);
    const saved = await store.revision();
    expect(saved).not.toBe(installed);
    await store.setPackEnabled('default', false);
    expect(await store.revision()).not.toBe(saved);
  });

  it('counts a document of a kind it does not know as a change to the cards', async () => {
    const db = freshDb();
    const store = new CardStore(db);
    const before = await store.revision();
    await db.put({ _id: 'something-new:1' } as unknown as StoredDoc);
    expect(await store.revision()).not.toBe(before);
  });

  it('reads a store of many changes in pages, and answers calls made at once alike', async () => {
    const db = freshDb();
    const store = new CardStore(db);
    await db.bulkDocs(Array.from({ length: 2_500 }, (_, i) => ({ _id: `clip:${i}` }) as unknown as StoredDoc));
    await store.saveCard(card('acme', 'Acme Corp'), true);
    await db.bulkDocs(Array.from({ length: 1_200 }, (_, i) => ({ _id: `sighit:${i}` }) as unknown as StoredDoc));
    const [a, b] = await Promise.all([store.revision(), store.revision()]);
    expect(a).toBe(b);
    expect(await new CardStore(db).revision()).toBe(a);
    expect(Number(a)).toBeGreaterThan(2_500);
    expect(Number(a)).toBeLessThan(3_700);
  });
});
