import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Case } from '../../model/case';
import { custodyDocId, verifyChains } from '../../model/custody';
import type { TeamConfig } from '../../model/team';
import type { Database } from '../../store/db';
import { memoryDb } from '../../store/memory-db';
import { caseStore, currentCase, findCase, listCases } from './cases';
import { appendCustody, custodyLog } from './custody';
import { casePanelHandlers } from './handlers';
import { installDevice } from './identity';

/*
 * The custody log's owner, on in-memory databases: the user's store and a team's, with chrome.storage and the
 * joined teams stood in for.
 */

let teams: TeamConfig[] = [];
const { databases } = vi.hoisted(() => ({ databases: new Map<string, Database>() }));
vi.mock('../team/teams', () => ({ joinedTeams: async () => teams }));
vi.mock('../team/auth', () => ({
  deviceNameOf: async (team: string) => `bob~${team === 'research' ? 'ab'.repeat(8) : 'cd'.repeat(8)}`,
}));
vi.mock('../../store/db', async (original) => ({
  ...(await original<typeof import('../../store/db')>()),
  openDatabase: (name: string) => {
    const db = databases.get(name) ?? memoryDb();
    databases.set(name, db);
    return db;
  },
}));

let storage: Record<string, unknown> = {};
beforeEach(() => {
  teams = [];
  storage = {};
  vi.stubGlobal('chrome', {
    storage: {
      local: {
        get: async (key: string) => (key in storage ? { [key]: structuredClone(storage[key]) } : {}),
        set: async (items: Record<string, unknown>) => {
          Object.assign(storage, structuredClone(items));
        },
        remove: async (key: string) => {
          delete storage[key];
        },
      },
    },
  });
});
afterEach(async () => {
  // The user's store is module state of the case store: emptied, not destroyed, between tests.
  for (const [name, db] of databases) {
    const all = await db.allDocs();
    await db.bulkDocs(all.rows.map((row) => ({ _id: row.id, _rev: row.value.rev, _deleted: true }) as never));
    if (name !== 'dossier-private') databases.delete(name);
  }
  vi.unstubAllGlobals();
});

const handlers = casePanelHandlers();
const sender = {};
const teamDb = () => databases.get('dossier-team-research') as Database;

describe('appendCustody', () => {
  it('gives concurrent appends of one chain each its own place, as one unbroken chain', async () => {
    const made = await handlers['case.create']({ name: 'Port of Rotterdam', current: true }, sender);
    const items = Array.from({ length: 25 }, (_, i) => `item-${i}`);
    const written = await Promise.all(items.map((item) => appendCustody(made.caseId, 'viewed', item, { i: item })));
    expect(written.map((e) => e.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 2));
    const log = await custodyLog(made.caseId);
    expect(log).toHaveLength(26);
    expect(log[0]).toMatchObject({
      seq: 1,
      event: 'created',
      item: made.caseId,
      detail: { name: 'Port of Rotterdam' },
    });
    const device = await installDevice();
    expect(device).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(log.map((e) => `${e.user} ${e.device}`))).toEqual(new Set([`local ${device}`]));
    for (const entry of log) expect(entry.at).toMatch(/Z$/);
    expect(await verifyChains(log)).toMatchObject({ problems: [], heads: [{ entries: 26 }] });
  });

  it('keeps one device id per install', async () => {
    const first = await installDevice();
    expect(await installDevice()).toBe(first);
    storage = {};
    expect(await installDevice()).not.toBe(first);
  });

  it('refuses a case that does not exist, writing nothing', async () => {
    await expect(appendCustody('0123456789abcdef', 'viewed', 'x')).rejects.toThrow(/no case 0123456789abcdef/);
    expect((await databases.get('dossier-private')?.allDocs())?.rows ?? []).toEqual([]);
  });

  it("appends a shared case's entries into the team as the team's user and device; reads every member's", async () => {
    teams = [{ team: 'research', url: 'http://127.0.0.1:5984', user: 'bob', joined: '2026-12-01' }];
    const made = await handlers['case.create']({ name: 'Shared', description: 'With the team.' }, sender);
    const shared = await handlers['case.share']({ caseId: made.caseId, team: 'research' }, sender);
    expect(shared).toEqual({ team: 'research', caseId: made.caseId, clips: 0 });
    expect(await caseStore().get(made.caseId)).toMatchObject({ team: 'research', createdBy: 'bob' });
    const viewed = await appendCustody(made.caseId, 'viewed', 'clip-1');
    expect(viewed).toMatchObject({ user: 'bob', device: `bob~${'ab'.repeat(8)}`, seq: 2 });
    // The team's copy of the case, its entries (the first: shared), each as the server's rule wants it.
    expect(await teamDb().get(`case:${made.caseId}:bob`)).toMatchObject({ name: 'Shared', createdBy: 'bob' });
    expect(await teamDb().get(custodyDocId(viewed))).toMatchObject({ createdBy: 'bob', updatedBy: 'bob' });
    // A teammate's entries arrive by replication.
    await teamDb().put({
      _id: custodyDocId({ caseId: made.caseId, device: 'alice~desk', seq: 1, user: 'alice' }),
      type: 'custody',
      schema: 2,
      caseId: made.caseId,
      seq: 1,
      at: '2026-12-07T12:00:00.000Z',
      user: 'alice',
      device: 'alice~desk',
      event: 'annotated',
      item: 'clip-1',
      detail: {},
      prev: '0'.repeat(64),
      createdBy: 'alice',
      updatedBy: 'alice',
    } as never);
    const log = await custodyLog(made.caseId);
    // The local chain (created) before sharing; bob's team chain (shared, viewed); alice's.
    expect(log.map((e) => `${e.user}:${e.event}`).sort()).toEqual(
      ['local:created', 'bob:shared', 'bob:viewed', 'alice:annotated'].sort(),
    );
    expect((await verifyChains(log)).problems).toEqual([]);
    // A second share with another team is refused.
    await expect(handlers['case.share']({ caseId: made.caseId, team: 'other' }, sender)).rejects.toThrow(
      /shared with research already/,
    );
  });

  it("lists a teammate's case, appends to its log as the user, and refuses to change it", async () => {
    teams = [{ team: 'research', url: 'http://127.0.0.1:5984', user: 'bob', joined: '2026-12-01' }];
    const caseId = 'fedcba9876543210';
    const theirs: Omit<Case, 'team'> = {
      caseId,
      name: 'Alice’s case',
      description: '',
      status: 'open',
      created: '2026-12-07T10:00:00.000Z',
      updated: '2026-12-07T10:00:00.000Z',
      createdBy: 'alice',
      evidenceAlways: false,
    };
    // The first use opens the team's database.
    await findCase(caseId);
    await teamDb().put({
      _id: `case:${caseId}:alice`,
      type: 'case',
      schema: 2,
      ...theirs,
      updatedBy: 'alice',
    } as never);
    expect(await listCases()).toEqual([{ ...theirs, team: 'research', mine: false }]);
    await handlers['case.current.set']({ caseId }, sender);
    expect((await currentCase())?.caseId).toBe(caseId);
    const entry = await appendCustody(caseId, 'viewed', 'x');
    expect(entry).toMatchObject({ user: 'bob', seq: 1 });
    await expect(handlers['case.update']({ caseId, name: 'Mine now' }, sender)).rejects.toThrow(
      /Only alice may change the case/,
    );
  });
});

describe('case messages', () => {
  it('log a rename, a description, a close and a reopen; a closed case is current no more', async () => {
    const made = await handlers['case.create']({ name: 'Case', current: true }, sender);
    expect((await currentCase())?.caseId).toBe(made.caseId);
    await handlers['case.update']({ caseId: made.caseId, name: 'Renamed', description: 'Why.' }, sender);
    await handlers['case.update']({ caseId: made.caseId, name: 'Renamed' }, sender);
    await handlers['case.status']({ caseId: made.caseId, status: 'closed' }, sender);
    expect(await currentCase()).toBeNull();
    await expect(handlers['case.current.set']({ caseId: made.caseId }, sender)).rejects.toThrow(/closed: reopen it/);
    await handlers['case.status']({ caseId: made.caseId, status: 'open' }, sender);
    const { entries, problems } = await handlers['case.log']({ caseId: made.caseId }, sender);
    expect(entries.map((e) => [e.seq, e.event, e.detail])).toEqual([
      [1, 'created', { name: 'Case' }],
      [2, 'edited', { name: 'Renamed', description: 'Why.' }],
      [3, 'closed', { name: 'Renamed' }],
      [4, 'reopened', { name: 'Renamed' }],
    ]);
    expect(problems).toEqual([]);
  });

  it('name the entry a removal breaks', async () => {
    const made = await handlers['case.create']({ name: 'Case' }, sender);
    for (const item of ['a', 'b', 'c']) await appendCustody(made.caseId, 'viewed', item);
    const log = await custodyLog(made.caseId);
    const db = databases.get('dossier-private') as Database;
    // Removed behind the extension's back (it has no way to): the log says where the chain breaks.
    await db.remove((await db.get(custodyDocId(log[2] as never))) as never);
    const { problems } = await handlers['case.log']({ caseId: made.caseId }, sender);
    expect(problems.map((p) => p.seq)).toContain(4);
    expect(problems[0]?.problem).toMatch(/entry 3 is missing|does not follow entry 2/);
  });
});
