import { afterEach, describe, expect, it } from 'vitest';
import type { Card } from '../../model/card';
import { mergeVersions } from '../../model/card-conflict';
import { toCard } from '../../store/card-docs';
import type { Database } from '../../store/db';
import { memoryDb } from '../../store/memory-db';
import { cardConflict, conflictMarks, removeCard, resolveConflict, type TeamCardDoc } from './conflicts';

const opened: Database[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.destroy()));
});

const shared = {
  _id: 'card:tsmc',
  type: 'card' as const,
  schema: 2,
  cardId: 'tsmc',
  pack: 'team:research',
  edited: false,
  trashed: null,
  updated: '2026-01-01T00:00:00.000Z',
  name: 'TSMC',
  kind: 'company',
  aliases: [],
  summary: 'Chip foundry.',
  signals: [],
  implications: [],
  tags: ['chips'],
  related: [],
  sources: [],
  notes: '',
  createdBy: 'alice',
  updatedBy: 'alice',
};
const ROOT = '1-aaaa';
const ALICES = '2-aaaa';
const BOBS = '2-bbbb';

/**
 * A team's database after a sync that brought two concurrent edits of one card: the revisions are written as a
 * replication writes them (`new_edits: false`, each with its history).
 */
async function inConflict(): Promise<Database> {
  const db = memoryDb();
  opened.push(db);
  const edit = (rev: string, fields: object) => ({
    ...shared,
    ...fields,
    _rev: rev,
    _revisions: { start: 2, ids: [rev.slice(2), ROOT.slice(2)] },
  });
  await db.bulkDocs(
    [
      edit(ALICES, {
        summary: 'Largest chip foundry.',
        tags: ['chips', 'taiwan'],
        updated: '2026-01-02T10:00:00.000Z',
      }),
      edit(BOBS, { summary: 'Chip foundry in Hsinchu.', notes: 'Watch Arizona.', updatedBy: 'bob' }),
    ] as never,
    { new_edits: false },
  );
  return db;
}

describe('a card edited by two members while apart', () => {
  it('is listed as a conflict, with both versions, the winner first, and who wrote each', async () => {
    const db = await inConflict();
    expect(await conflictMarks(db, 'research')).toEqual([{ team: 'research', cardId: 'tsmc', versions: 2 }]);
    const conflict = await cardConflict(db, 'research', 'tsmc');
    // CouchDB's rule: same generation, the higher revision hash wins.
    expect(conflict?.versions.map((v) => v.rev)).toEqual([BOBS, ALICES]);
    expect(conflict?.versions.map((v) => [v.updatedBy, v.card?.summary])).toEqual([
      ['bob', 'Chip foundry in Hsinchu.'],
      ['alice', 'Largest chip foundry.'],
    ]);
    expect(conflict?.versions[1]?.updated).toBe('2026-01-02T10:00:00.000Z');
  });

  it('is resolved by writing the merge on the winner and deleting the losing leaf; nothing is left in conflict', async () => {
    const db = await inConflict();
    const conflict = await cardConflict(db, 'research', 'tsmc');
    const cards = (conflict?.versions ?? []).map((v) => v.card as Card);
    const merged = mergeVersions(cards, { tags: 1 });
    await resolveConflict(db, 'carol', 'tsmc', [BOBS, ALICES], merged);

    const doc = (await db.get('card:tsmc', { conflicts: true })) as TeamCardDoc;
    expect(doc._conflicts).toBeUndefined();
    expect(doc._rev).toMatch(/^3-/);
    expect(toCard(doc)).toEqual(merged);
    expect(doc).toMatchObject({
      summary: 'Chip foundry in Hsinchu.',
      tags: ['chips', 'taiwan'],
      notes: 'Watch Arizona.',
    });
    // Who shared it stays; who changed it last is the one who resolved it.
    expect(doc).toMatchObject({ createdBy: 'alice', updatedBy: 'carol', pack: 'team:research' });
    expect(await conflictMarks(db, 'research')).toEqual([]);
    expect(await cardConflict(db, 'research', 'tsmc')).toBeNull();
    // The losing leaf is deleted, not gone without a trace: a deleted revision, as replication carries it.
    const leaves = (await db.get('card:tsmc', { open_revs: 'all' })) as unknown as Array<{
      ok: { _rev: string; _deleted?: boolean };
    }>;
    expect(leaves.map((l) => [l.ok._rev.slice(0, 2), l.ok._deleted === true]).sort()).toEqual([
      ['3-', false],
      ['3-', true],
    ]);
  });

  it('is not resolved when a version arrived that the user did not compare, or someone resolved it first', async () => {
    const db = await inConflict();
    const winner = toCard((await db.get('card:tsmc')) as TeamCardDoc) as Card;
    await expect(resolveConflict(db, 'carol', 'tsmc', [BOBS], winner)).rejects.toThrow('compare the versions again');
    expect((await cardConflict(db, 'research', 'tsmc'))?.versions).toHaveLength(2);
    await expect(resolveConflict(db, 'carol', 'other', [BOBS, ALICES], winner)).rejects.toThrow('of another card');
    await resolveConflict(db, 'carol', 'tsmc', [BOBS, ALICES], winner);
    await expect(resolveConflict(db, 'dave', 'tsmc', [BOBS, ALICES], winner)).rejects.toThrow('someone resolved it');
  });

  it('is not removed while in conflict; once resolved, removing deletes it', async () => {
    const db = await inConflict();
    await expect(removeCard(db, 'tsmc')).rejects.toThrow('resolve them before removing it');
    const winner = toCard((await db.get('card:tsmc')) as TeamCardDoc) as Card;
    await resolveConflict(db, 'carol', 'tsmc', [BOBS, ALICES], winner);
    expect(await removeCard(db, 'tsmc')).toMatchObject({ cardId: 'tsmc' });
    await expect(db.get('card:tsmc')).rejects.toMatchObject({ status: 404 });
    expect(await removeCard(db, 'tsmc')).toBeNull();
  });
});

describe('the list of conflicts', () => {
  it('notices a conflict that a later sync brings, and one resolved elsewhere', async () => {
    const db = memoryDb();
    opened.push(db);
    const replicated = (rev: string, fields: object) => ({
      ...shared,
      ...fields,
      _rev: rev,
      _revisions: { start: 2, ids: [rev.slice(2), ROOT.slice(2)] },
    });
    await db.bulkDocs([replicated(ALICES, { summary: 'One edit.' })] as never, { new_edits: false });
    await db.put({ ...shared, _id: 'card:other', cardId: 'other' });
    expect(await conflictMarks(db, 'research')).toEqual([]);
    await db.bulkDocs([replicated(BOBS, { summary: 'Another.' })] as never, { new_edits: false });
    expect(await conflictMarks(db, 'research')).toEqual([{ team: 'research', cardId: 'tsmc', versions: 2 }]);
    // Resolved by a teammate: their deletion of the losing leaf arrives.
    await db.bulkDocs(
      [
        { _id: 'card:tsmc', _rev: '3-cccc', _deleted: true, _revisions: { start: 3, ids: ['cccc', 'aaaa', 'aaaa'] } },
      ] as never,
      { new_edits: false },
    );
    expect(await conflictMarks(db, 'research')).toEqual([]);
  });
});

describe('an edit and a concurrent delete', () => {
  it('leave the edit as the card, with no conflict to resolve', async () => {
    const db = memoryDb();
    opened.push(db);
    const history = (rev: string) => ({ start: 2, ids: [rev.slice(2), ROOT.slice(2)] });
    await db.bulkDocs(
      [
        // The delete has the higher revision hash: it would win if deletes were not beaten by edits.
        { _id: 'card:tsmc', _rev: '2-ffff', _deleted: true, _revisions: history('2-ffff') },
        { ...shared, _rev: '2-1111', summary: 'Still relevant.', updatedBy: 'bob', _revisions: history('2-1111') },
      ] as never,
      { new_edits: false },
    );
    expect(await db.get('card:tsmc')).toMatchObject({ summary: 'Still relevant.', updatedBy: 'bob' });
    expect(await cardConflict(db, 'research', 'tsmc')).toBeNull();
    expect(await conflictMarks(db, 'research')).toEqual([]);
  });
});
