import { afterEach, describe, expect, it } from 'vitest';
import { type CustodyEntry, custodyDocId, nextEntry, verifyChains } from '../model/custody';
import { CaseStore } from './cases';
import { ClipStore } from './clips';
import { CustodyStore } from './custody';
import type { Database } from './db';
import { storedDocProblem } from './doc-schemas';
import { memoryDb } from './memory-db';

const opened: Database[] = [];
function freshDb(): Database {
  const db = memoryDb();
  opened.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.destroy()));
});

const CASE = '0123456789abcdef';
const entry = (previous: CustodyEntry | null, event: CustodyEntry['event'] = 'viewed', user = 'local') =>
  nextEntry(previous, { caseId: CASE, user, device: 'a1b2c3d4e5f60718', event, item: CASE, detail: { n: '1' } });

describe('CustodyStore', () => {
  it('appends entries and reads them back, each chain’s last one, every one a document the store writes', async () => {
    const db = freshDb();
    const store = new CustodyStore(db);
    const first = await store.append(await entry(null, 'created'));
    const second = await store.append(await entry(first));
    expect(await store.last(CASE, 'local', 'a1b2c3d4e5f60718')).toEqual(second);
    expect(await store.last(CASE, 'someone', 'a1b2c3d4e5f60718')).toBeNull();
    expect(await store.list(CASE)).toEqual([first, second]);
    expect(await store.list('fedcba9876543210')).toEqual([]);
    expect((await verifyChains(await store.list(CASE))).problems).toEqual([]);
    for (const row of (await db.allDocs({ include_docs: true })).rows) {
      const { _rev, ...doc } = row.doc as unknown as Record<string, unknown>;
      expect(storedDocProblem(doc)).toBeNull();
    }
  });

  it('refuses to write over an entry that exists, and leaves it as it was', async () => {
    const db = freshDb();
    const store = new CustodyStore(db);
    const first = await store.append(await entry(null, 'created'));
    const stored = await db.get(custodyDocId(first));
    const forged = { ...first, event: 'deleted' as const };
    await expect(store.append(forged)).rejects.toThrow(/entry 1 of this chain exists; entries are never replaced/);
    expect(await db.get(custodyDocId(first))).toEqual(stored);
    expect(await store.list(CASE)).toEqual([first]);
  });

  it('has no way to change or delete an entry', () => {
    const methods = Object.getOwnPropertyNames(CustodyStore.prototype).filter((name) => name !== 'constructor');
    expect(methods.sort()).toEqual(['append', 'forks', 'last', 'list']);
  });

  it('names an entry that has a second version, written behind its back', async () => {
    const db = freshDb();
    const store = new CustodyStore(db);
    const first = await store.append(await entry(null, 'created'));
    expect(await store.forks(CASE)).toEqual([]);
    const stored = await db.get(custodyDocId(first));
    const { _rev, ...doc } = stored as typeof stored & { _rev: string };
    await db.bulkDocs([{ ...doc, event: 'deleted', _rev: `1-${'f'.repeat(32)}` } as never], { new_edits: false });
    expect((await store.forks(CASE)).map((e) => e.seq)).toEqual([1]);
  });

  it('refuses what is not an entry, and writes nothing', async () => {
    const db = freshDb();
    const store = new CustodyStore(db);
    const bad = { ...(await entry(null)), at: '2026-12-07T10:00:00+02:00' };
    await expect(store.append(bad)).rejects.toThrow(/Not a custody entry: .*UTC/);
    await expect(store.append({ ...(await entry(null)), user: 'a:b' })).rejects.toThrow(/without spaces or colons/);
    expect((await db.allDocs()).rows).toEqual([]);
  });

  it('reads an entry only under its own id, and names its author in a team’s database', async () => {
    const db = freshDb();
    const team = new CustodyStore(db, true);
    const first = await team.append(await entry(null, 'created', 'alice'));
    expect(await db.get(custodyDocId(first))).toMatchObject({ createdBy: 'alice', updatedBy: 'alice' });
    // An entry stored under another chain's id (a forged copy) is not read.
    await db.put({ ...(await db.get(custodyDocId(first))), _id: custodyDocId({ ...first, seq: 7 }), _rev: undefined });
    expect(await team.list(CASE)).toEqual([first]);
  });
});

describe('CaseStore', () => {
  const now = '2026-12-07T10:00:00.000Z';
  const made = {
    caseId: CASE,
    name: 'Port of Rotterdam',
    description: '',
    status: 'open' as const,
    created: now,
    updated: now,
    createdBy: 'local',
    evidenceAlways: false,
  };

  it('creates, renames, closes and lists cases, open ones first; refuses a taken id', async () => {
    const db = freshDb();
    const cases = new CaseStore(db);
    await cases.create(made);
    await cases.create({ ...made, caseId: 'fedcba9876543210', name: 'Another case' });
    await expect(cases.create(made)).rejects.toThrow();
    const renamed = await cases.update(CASE, { name: 'Rotterdam', description: 'Ships.' }, '2026-12-07T11:00:00.000Z');
    expect(renamed).toEqual({ ...made, name: 'Rotterdam', description: 'Ships.', updated: '2026-12-07T11:00:00.000Z' });
    expect((await cases.list()).map((c) => c.name)).toEqual(['Another case', 'Rotterdam']);
    await cases.update('fedcba9876543210', { status: 'closed' });
    expect((await cases.list()).map((c) => c.name)).toEqual(['Rotterdam', 'Another case']);
    await expect(cases.update('0000000000000000', { name: 'x' })).rejects.toThrow(/no longer exists/);
    for (const row of (await db.allDocs({ include_docs: true })).rows) {
      const { _rev, ...doc } = row.doc as unknown as Record<string, unknown>;
      expect(storedDocProblem(doc)).toBeNull();
    }
    expect(storedDocProblem({ _id: `case:${CASE}`, type: 'case', schema: 2, ...made, status: 'lost' })).toMatch(
      /status/,
    );
    expect(storedDocProblem({ _id: 'case:other', type: 'case', schema: 2, ...made })).toBe(
      '_id: must be case:<caseId>',
    );
  });

  it('files a clip into a case, keeps it there when clipped again, and takes it out', async () => {
    const clips = new ClipStore(freshDb());
    const article = {
      url: 'https://a.example/b',
      canonicalUrl: 'https://a.example/b',
      title: 'A story',
      byline: null,
      siteName: null,
      published: null,
      excerpt: null,
      lang: 'en',
      html: '<p>Text.</p>',
      text: 'Text.',
    };
    const clip = await clips.save(article, [], now, null, null, null, CASE);
    expect(clip.caseId).toBe(CASE);
    expect((await clips.save(article, [], now)).caseId).toBe(CASE);
    expect((await clips.save(article, [], now, null, null, null, 'fedcba9876543210')).caseId).toBe('fedcba9876543210');
    const out = await clips.setCase(clip.clipId, null);
    expect(out.caseId).toBeUndefined();
    expect((await clips.get(clip.clipId))?.caseId).toBeUndefined();
    expect((await clips.setCase(clip.clipId, CASE)).caseId).toBe(CASE);
  });
});
