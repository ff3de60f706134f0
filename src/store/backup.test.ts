import { afterEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../model/annotation';
import { MAX_BACKUP_BYTES } from '../model/backup';
import type { Card } from '../model/card';
import { custodyDocId, nextEntry } from '../model/custody';
import type { Pack } from '../model/pack';
import { AnnotationStore } from './annotations';
import { exportAll, MAX_BACKUP_DEPTH, parseBackup, restoreAll, tooDeepAt, wipeAll } from './backup';
import { CardStore } from './cards';
import { ClipStore } from './clips';
import { CustodyStore } from './custody';
import { type Database, STORE_SCHEMA, type StoredDoc } from './db';
import { memoryDb } from './memory-db';
import { SignalHitStore } from './signal-hits';

const opened: Database[] = [];
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
  summary: '',
  signals: [],
  implications: [],
  tags: [],
  related: [],
  sources: [],
  notes: '',
  ...extra,
});
const pack: Pack = {
  format: 'dossier-pack',
  formatVersion: 1,
  id: 'extra',
  name: 'Extra',
  version: '1.0.0',
  description: '',
  cards: [card('acme', 'Acme', { aliases: ['Acme Corp'] }), card('beta', 'Beta')],
};
const annotation: Annotation = {
  id: 'urn:uuid:0f8e3c1a-5b2d-4c6e-8a9f-1b2c3d4e5f60',
  type: 'Annotation',
  motivation: 'commenting',
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  body: [{ type: 'TextualBody', value: 'A note', format: 'text/plain', purpose: 'commenting' }],
  target: {
    source: 'https://news.example/a',
    selector: [
      { type: 'TextQuoteSelector', exact: 'Acme', prefix: 'said ', suffix: ' today' },
      { type: 'TextPositionSelector', start: 5, end: 9 },
    ],
  },
};

/** A store holding one of every kind of document, written by the stores themselves. */
async function filledDb(): Promise<Database> {
  const db = freshDb();
  const cards = new CardStore(db);
  await cards.ready();
  await cards.writePack(pack, false);
  await cards.saveCard(card('own', 'Own card', { sources: ['https://source.example/'] }), true);
  await db.put({
    _id: 'settings:sites',
    type: 'settings',
    schema: STORE_SCHEMA,
    paused: false,
    disabledSites: ['quiet.example'],
    ignored: {},
    highlight: { mode: 'both', entity: '#f5b301', topic: '#0ea5e9' },
    alerts: false,
  } as StoredDoc);
  const article = {
    url: 'https://news.example/a?utm_source=x',
    canonicalUrl: 'https://news.example/a',
    title: 'A story',
    byline: null,
    siteName: 'News',
    published: null,
    excerpt: null,
    lang: 'en',
    html: '<p>Acme said <a href="https://acme.example/">so</a>.</p>',
    text: 'Acme said so.',
  };
  const mention = { cardId: 'acme', name: 'Acme', exact: 'Acme', prefix: '', suffix: ' said', start: 0, end: 4 };
  await new ClipStore(db).save(article, [mention], '2026-01-02T00:00:00.000Z', {
    title: 'A story',
    url: 'https://news.example/a',
    summary: ['Acme said so.'],
    entities: [{ cardId: 'acme', name: 'Acme', kind: 'company', count: 1 }],
    topics: [],
    implications: [],
    signals: [],
    related: { cards: [], clips: [] },
    mentions: 1,
  });
  await new AnnotationStore(db).put(annotation);
  await new SignalHitStore(db).record([
    {
      hitId: '0123456789abcdef',
      url: 'https://news.example/a',
      title: 'A story',
      time: '2026-01-02T00:00:00.000Z',
      cardId: 'acme',
      cardName: 'Acme',
      signal: 'Acme moves',
      terms: ['acme'],
      evidence: 'Acme said so.',
    },
  ]);
  return db;
}

/** Every document of a database with its revision: what "unchanged" compares. */
async function contents(db: Database) {
  return (await db.allDocs({ include_docs: true })).rows.map((row) => row.doc);
}

/** A backup of the filled store with one document changed by `change`. */
async function backupWith(change: (docs: Array<Record<string, unknown>>) => void): Promise<string> {
  const data = JSON.parse(await exportAll(await filledDb())) as { docs: Array<Record<string, unknown>> };
  change(data.docs);
  return JSON.stringify(data);
}
const find = (docs: Array<Record<string, unknown>>, id: string) => {
  const doc = docs.find((d) => d._id === id);
  if (!doc) throw new Error(`no ${id} in the backup`);
  return doc;
};

describe('a backup', () => {
  it('of every kind of document is restored whole into another store', async () => {
    const source = await filledDb();
    const text = await exportAll(source);
    const types = parseBackup(text).map((d) => d.type);
    expect(new Set(types)).toEqual(new Set(['card', 'pack', 'settings', 'clip', 'annotation', 'signal-hit']));
    const target = freshDb();
    expect(await restoreAll(target, text)).toMatchObject({ cards: 3, packs: 2, settings: 1 });
    const strip = (docs: Awaited<ReturnType<typeof contents>>) =>
      docs.filter((d) => !d?._id.startsWith('_')).map((d) => ({ ...d, _rev: undefined }));
    expect(strip(await contents(target))).toEqual(strip(await contents(source)));
  });

  it('leaves out the PDF file a clip keeps, says so, and restores the clip with its pages and hash', async () => {
    const source = freshDb();
    const clips = new ClipStore(source);
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37]);
    const pdf = {
      fingerprint: '0123456789abcdef0123456789abcdef',
      pages: 2,
      sha256: 'b'.repeat(64),
      bytes: bytes.byteLength,
      pageStarts: [0, 10],
    };
    const article = {
      url: 'https://a.example/r.pdf',
      canonicalUrl: 'https://a.example/r.pdf',
      title: 'R',
      byline: null,
      siteName: null,
      published: null,
      excerpt: null,
      lang: null,
      html: '<h2>Page 1</h2>',
      text: 'Page one.\n\nPage two.',
    };
    const mention = { cardId: 'a', name: 'A', exact: 'two', prefix: '', suffix: '', start: 16, end: 19, page: 2 };
    const clip = await clips.save(article, [mention], undefined, null, pdf, bytes);
    const text = await exportAll(source);
    expect(text).not.toContain('_attachments');
    const target = freshDb();
    await restoreAll(target, text);
    const restored = await new ClipStore(target).get(clip.clipId);
    expect(restored?.pdf).toEqual({ ...pdf, kept: false });
    expect(restored?.mentions).toEqual([mention]);
    expect(await new ClipStore(target).file(clip.clipId)).toBeNull();
  });

  it('of an older schema is migrated and accepted', async () => {
    const text = await backupWith((docs) => {
      const acme = find(docs, 'card:acme');
      for (const key of ['edited', 'trashed', 'updated']) delete acme[key];
      acme.schema = 1;
    });
    expect(parseBackup(text).find((d) => d._id === 'card:acme')).toMatchObject({ schema: STORE_SCHEMA, edited: false });
  });
});

const aliases = Array.from({ length: 900_000 }, (_, i) => `Alias ${i}`);
function nested(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

const BAD: Array<[string, () => Promise<string> | string, RegExp]> = [
  [
    'a card field of the wrong type',
    () => backupWith((docs) => (find(docs, 'card:acme').name = 42)),
    /^docs\.\d+ \(card card:acme\): name: must be string, not 42; nothing was restored\.$/,
  ],
  [
    'a card store field of the wrong type',
    () => backupWith((docs) => (find(docs, 'card:acme').edited = 'yes')),
    /^docs\.\d+ \(card card:acme\): edited: must be boolean, not "yes"/,
  ],
  [
    "a javascript: URL as a clip's address",
    () =>
      backupWith((docs) => {
        const clip = docs.find((d) => d.type === 'clip')!;
        clip.url = 'javascript:alert(document.domain)';
      }),
    /^docs\.\d+ \(clip clip:[0-9a-f]{16}\): url: must be a page's address \(http, https or file\), not a javascript:/,
  ],
  [
    "a javascript: URL hidden behind a tab in a signal hit's address",
    () => backupWith((docs) => (find(docs, 'sighit:0123456789abcdef').url = 'java\tscript:alert(1)')),
    /^docs\.\d+ \(signal-hit sighit:0123456789abcdef\): url: must be a page's address/,
  ],
  [
    "a javascript: URL in a clip's brief",
    () =>
      backupWith((docs) => {
        const clip = docs.find((d) => d.type === 'clip')! as { brief: { related: { clips: unknown[] } } };
        clip.brief.related.clips.push({
          clipId: '0123456789abcdef',
          title: 'Trap',
          url: 'javascript:alert(1)',
          clipped: '2026-01-01T00:00:00.000Z',
          shared: [],
        });
      }),
    /^docs\.\d+ \(clip clip:[0-9a-f]{16}\): brief\.related\.clips\.0\.url: must be a page's address/,
  ],
  [
    "a javascript: URL as an annotation's page",
    () =>
      backupWith((docs) => {
        const doc = docs.find((d) => d.type === 'annotation')! as { annotation: Annotation };
        doc.annotation.target.source = 'javascript:alert(1)';
      }),
    /^docs\.\d+ \(annotation anno:[0-9a-f]{16}:[0-9a-f-]{36}\): annotation\.target\.source: /,
  ],
  [
    '100,000-deep nesting',
    () =>
      backupWith((docs) => (find(docs, 'card:acme').notes = '__DEEP__')).then((t) =>
        t.replace('"__DEEP__"', nested(100_000)),
      ),
    new RegExp(
      `^The backup nests deeper than ${MAX_BACKUP_DEPTH} levels \\(at character [\\d,]+\\), which no Dossier backup does; nothing was restored\\.$`,
    ),
  ],
  [
    'an attachment',
    () =>
      backupWith(
        (docs) =>
          (find(docs, 'card:acme')._attachments = {
            'x.html': { content_type: 'text/html', data: 'PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' },
          }),
      ),
    /^docs\.\d+ \(card card:acme\): _attachments: is a field a backup never holds/,
  ],
  [
    'a revision history',
    () => backupWith((docs) => (find(docs, 'pack:extra')._revisions = { start: 9, ids: ['a'] })),
    /^docs\.\d+ \(pack pack:extra\): _revisions: is a field a backup never holds/,
  ],
  [
    'an unknown field on a pack',
    () => backupWith((docs) => (find(docs, 'pack:extra').owner = 'mallory')),
    /^docs\.\d+ \(pack pack:extra\): owner: is not a field this document has; nothing was restored\.$/,
  ],
  [
    'an unknown field on a card',
    () => backupWith((docs) => (find(docs, 'card:acme').createdBy = 'mallory')),
    /^docs\.\d+ \(card card:acme\): createdBy: is not a field this document has/,
  ],
  [
    'a card with 900,000 aliases',
    () => backupWith((docs) => (find(docs, 'card:acme').aliases = aliases)),
    /^docs\.\d+ \(card card:acme\): aliases: must hold at most 1,000 aliases; nothing was restored\.$/,
  ],
  [
    'a card over 256 KB',
    () =>
      backupWith(
        (docs) => (find(docs, 'card:acme').sources = Array.from({ length: 140 }, (_, i) => `${i}${'s'.repeat(1990)}`)),
      ),
    /^docs\.\d+ \(card card:acme\): a card must be at most 256 KB as UTF-8 JSON/,
  ],
  [
    'a file over 50 MB',
    () => backupWith((docs) => (find(docs, 'card:acme').notes = 'x'.repeat(MAX_BACKUP_BYTES))),
    /^The backup is larger than 50 MB; nothing was restored\.$/,
  ],
  [
    'a document of an unknown type',
    () => backupWith((docs) => docs.push({ _id: 'evil:1', type: 'evil', schema: STORE_SCHEMA })),
    /^docs\.\d+ \(evil evil:1\): type: "evil" is not a type of document Dossier stores/,
  ],
  [
    'a card whose _id is not its cardId',
    () => backupWith((docs) => (find(docs, 'card:acme')._id = 'card:other')),
    /^docs\.\d+ \(card card:other\): _id: must be card:<cardId>/,
  ],
  [
    "an annotation filed under another page's id",
    () =>
      backupWith((docs) => {
        const doc = docs.find((d) => d.type === 'annotation')!;
        doc._id = String(doc._id).replace(/^anno:[0-9a-f]{16}/, 'anno:0000000000000000');
      }),
    /^docs\.\d+ \(annotation anno:0{16}:[0-9a-f-]{36}\): _id: must be anno:/,
  ],
  [
    'settings of the wrong type',
    () => backupWith((docs) => (find(docs, 'settings:sites').paused = 'no')),
    /^docs\.\d+ \(settings settings:sites\): paused: must be boolean, not "no"/,
  ],
  [
    "a clip whose clipId is not its address's",
    () =>
      backupWith((docs) => {
        const clip = docs.find((d) => d.type === 'clip')!;
        clip.canonicalUrl = 'https://other.example/';
      }),
    /^docs\.\d+ \(clip clip:[0-9a-f]{16}\): clipId: must be the id of the clip's canonicalUrl/,
  ],
  [
    'a document written by a newer Dossier',
    () => backupWith((docs) => (find(docs, 'pack:extra').schema = STORE_SCHEMA + 1)),
    /^docs\.\d+ \(pack pack:extra\): schema: written by a newer Dossier/,
  ],
  [
    'the same id twice',
    () => backupWith((docs) => docs.push({ ...find(docs, 'pack:extra') })),
    /^docs\.\d+ \(pack pack:extra\): _id: is also the id of docs\.\d+/,
  ],
  ['a document that is a list', () => backupWith((docs) => docs.push([] as never)), /^docs\.\d+: is not an object/],
  [
    'a field the backup itself does not have',
    () => backupWith(() => {}).then((t) => t.replace('{"format"', '{"__proto__":{"x":1},"format"')),
    /^The backup has a field "__proto__" no Dossier backup has/,
  ],
];

describe('a bad backup', () => {
  it.each(BAD)('is refused whole: %s, and the store is unchanged', async (_name, make, message) => {
    const text = await make();
    const db = await filledDb();
    const before = await contents(db);
    await expect(restoreAll(db, text)).rejects.toThrow(message);
    expect(await contents(db)).toEqual(before);
    await expect(db.get('_local/restore')).rejects.toMatchObject({ status: 404 });
  });
});

describe('tooDeepAt', () => {
  it('counts nesting outside strings only, and stops at the first place too deep', () => {
    expect(tooDeepAt('{"a":[[1]]}', 3)).toBe(-1);
    expect(tooDeepAt('{"a":[[[1]]]}', 3)).toBe(7);
    expect(tooDeepAt(`{"a":"${'['.repeat(100)}\\"${'{'.repeat(100)}"}`, 2)).toBe(-1);
    expect(tooDeepAt(nested(100_000), MAX_BACKUP_DEPTH)).toBe(MAX_BACKUP_DEPTH);
  });
});

describe('custody entries in a restore or a wipe', () => {
  const CASE = '0123456789abcdef';
  const first = () =>
    nextEntry(null, {
      caseId: CASE,
      user: 'local',
      device: 'a1b2c3d4e5f60718',
      event: 'created',
      item: CASE,
      detail: {},
      at: '2026-12-07T10:00:00.000Z',
    });

  it('keeps the entries held, adds those of the backup, and refuses a backup that changes one', async () => {
    const db = freshDb();
    const log = new CustodyStore(db);
    const held = await log.append(await first());
    const other = freshDb();
    const otherLog = new CustodyStore(other);
    const theirs = await otherLog.append({ ...(await first()), device: 'ffffffffffffffff' });
    await restoreAll(db, await exportAll(other));
    expect(await log.list(CASE)).toEqual(expect.arrayContaining([held, theirs]));
    expect((await log.list(CASE)).length).toBe(2);
    // A backup holding the same entry, changed.
    const changed = freshDb();
    await new CustodyStore(changed).append({ ...held, event: 'deleted' });
    const before = await db.allDocs({ include_docs: true });
    await expect(restoreAll(db, await exportAll(changed))).rejects.toThrow(
      /differs from the custody entry this browser holds; entries are never changed, nothing was restored/,
    );
    expect(await db.allDocs({ include_docs: true })).toEqual(before);
  });

  it('a wipe keeps them', async () => {
    const db = freshDb();
    const log = new CustodyStore(db);
    const held = await log.append(await first());
    await new ClipStore(db).save(
      {
        url: 'https://a.example/b',
        canonicalUrl: 'https://a.example/b',
        title: 'A',
        byline: null,
        siteName: null,
        published: null,
        excerpt: null,
        lang: null,
        html: '',
        text: 'A',
      },
      [],
    );
    await wipeAll(db);
    expect((await db.allDocs()).rows.map((row) => row.id)).toEqual([custodyDocId(held)]);
    expect(await log.list(CASE)).toEqual([held]);
  });
});
