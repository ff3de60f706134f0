import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../store/db';
import { memoryDb } from '../../store/memory-db';
import { cardsOfTeam, coalesce, forgetTeamCards, skippedOfTeam } from './cards';

const opened: Database[] = [];
function freshDb(): Database {
  const db = memoryDb();
  opened.push(db);
  return db;
}
afterEach(async () => {
  forgetTeamCards('research');
  vi.useRealTimers();
  await Promise.all(opened.splice(0).map((db) => db.destroy()));
});

const doc = (id: string, name: string) => ({
  _id: `card:${id}`,
  type: 'card',
  schema: 2,
  cardId: id,
  name,
  kind: 'company',
  pack: 'team:research',
  edited: false,
  trashed: null,
  updated: null,
  createdBy: 'alice',
  updatedBy: 'alice',
});
const names = async (db: Database) => (await cardsOfTeam('research', db)).cards.map((c) => c.card.name).sort();

describe('cardsOfTeam', () => {
  it('reads a team’s valid cards once, then only the documents changed since', async () => {
    const db = freshDb();
    await db.bulkDocs([doc('acme', 'Acme'), doc('globex', 'Globex'), { ...doc('bad', 'Bad'), name: 42 } as never]);
    expect(await names(db)).toEqual(['Acme', 'Globex']);
    // With who shared each.
    expect((await cardsOfTeam('research', db)).cards.map((c) => c.createdBy)).toEqual(['alice', 'alice']);
    const first = (await cardsOfTeam('research', db)).seq;

    const read = vi.spyOn(db, 'allDocs');
    const acme = await db.get('card:acme');
    await db.put({ ...acme, name: 'Acme Corp' } as never);
    await db.bulkDocs([doc('initech', 'Initech'), { _id: 'pack:x', type: 'pack' }] as never);
    expect(await names(db)).toEqual(['Acme Corp', 'Globex', 'Initech']);
    // One read, of the three changed documents, none of the whole database.
    expect(read).toHaveBeenCalledTimes(1);
    expect(read.mock.calls[0]?.[0]).toMatchObject({ keys: ['card:acme', 'card:initech', 'pack:x'] });
    expect((await cardsOfTeam('research', db)).seq).not.toEqual(first);
    // Nothing changed: nothing read.
    expect(await names(db)).toEqual(['Acme Corp', 'Globex', 'Initech']);
    expect(read).toHaveBeenCalledTimes(1);

    // A deleted card, and one made invalid, leave the list.
    await db.remove(await db.get('card:globex'));
    const initech = await db.get('card:initech');
    await db.put({ ...initech, kind: 'Not A Kind!' } as never);
    expect(await names(db)).toEqual(['Acme Corp']);
  });

  it('answers calls made at once in order, each with what the database held when it was made', async () => {
    const db = freshDb();
    await db.put(doc('acme', 'Acme') as never);
    const before = cardsOfTeam('research', db);
    await db.put(doc('globex', 'Globex') as never);
    const after = cardsOfTeam('research', db);
    expect((await before).cards.length).toBeGreaterThanOrEqual(1);
    expect((await after).cards.map((c) => c.card.name).sort()).toEqual(['Acme', 'Globex']);
  });

  it('reads everything again after the team is forgotten, or for another database of the same name', async () => {
    const db = freshDb();
    await db.put(doc('acme', 'Acme') as never);
    expect(await names(db)).toEqual(['Acme']);
    forgetTeamCards('research');
    const read = vi.spyOn(db, 'allDocs');
    expect(await names(db)).toEqual(['Acme']);
    expect(read.mock.calls[0]?.[0]).toEqual({ include_docs: true });
    // Left and joined again: a new database, whose sequence starts again.
    const again = freshDb();
    await again.put(doc('globex', 'Globex') as never);
    expect(await names(again)).toEqual(['Globex']);
  });
});

describe('skippedOfTeam', () => {
  const aliases = Array.from({ length: 900_000 }, (_, i) => `Acme ${i}`);
  const clip = {
    _id: 'clip:0123456789abcdef:mallory',
    type: 'clip',
    schema: 2,
    createdBy: 'mallory',
    updatedBy: 'mallory',
    url: 'javascript:alert(document.cookie)',
    canonicalUrl: 'https://news.example/a',
    title: 'Trap',
    byline: null,
    siteName: null,
    published: null,
    excerpt: null,
    lang: null,
    html: '<p>x</p>',
    text: 'x',
    clipId: '0123456789abcdef',
    clipped: '2026-01-01T00:00:00.000Z',
    updated: '2026-01-01T00:00:00.000Z',
    tags: [],
    note: '',
    mentions: [],
    trashed: null,
  };

  it('lists every document that fails the checks, with its reason, and never its card', async () => {
    const db = freshDb();
    await db.bulkDocs([
      doc('acme', 'Acme'),
      { ...doc('huge', 'Huge'), aliases },
      { ...doc('odd', 'Odd'), script: '<b>' },
      clip,
    ] as never);
    expect(await names(db)).toEqual(['Acme']);
    expect(await skippedOfTeam('research', db)).toEqual([
      { id: 'card:huge', reason: 'aliases: must hold at most 1,000 aliases' },
      { id: 'card:odd', reason: 'script: is not a field of this kind of document' },
      {
        id: 'clip:0123456789abcdef:mallory',
        reason: "url: must be a page's address (http, https or file), not a javascript:, data: or other URL",
      },
    ]);
    // Fixed (or deleted) by a teammate: no longer skipped, and the card is back.
    const huge = await db.get('card:huge');
    await db.put({ ...huge, aliases: ['Huge Corp'] } as never);
    await db.remove(await db.get('card:odd'));
    expect(await names(db)).toEqual(['Acme', 'Huge']);
    expect((await skippedOfTeam('research', db)).map((s) => s.id)).toEqual(['clip:0123456789abcdef:mallory']);
  });
});

describe('coalesce', () => {
  it('tells at once, then at most once per period while changes keep coming, and at once when flushed', () => {
    vi.useFakeTimers();
    const run = vi.fn();
    const pulled = coalesce(run, 2000);
    pulled.changed();
    expect(run).toHaveBeenCalledTimes(1);
    pulled.changed();
    pulled.changed();
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1999);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(2);
    // Caught up with nothing waiting: nothing to tell.
    pulled.flush();
    expect(run).toHaveBeenCalledTimes(2);
    // A change soon after waits… unless the replication catches up first.
    vi.advanceTimersByTime(500);
    pulled.changed();
    expect(run).toHaveBeenCalledTimes(2);
    pulled.flush();
    expect(run).toHaveBeenCalledTimes(3);
    vi.advanceTimersByTime(5000);
    expect(run).toHaveBeenCalledTimes(3);
    pulled.changed();
    expect(run).toHaveBeenCalledTimes(4);
  });
});
