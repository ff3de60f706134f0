import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { extensionId as idOf, launch, serviceWorker } from '../scripts/browser';
import { tabIdOf } from '../scripts/page-probe';
import { basicAuth } from '../scripts/team/setup';
import { stopServiceWorkers } from '../scripts/worker-cdp';
import { expect, test } from './fixtures';

/*
 * Offline first, against the sync server on disk run as its own process: killed (SIGKILL, nothing flushed or
 * closed) while a member's 1,000 shared cards are being pushed, and started again on the same folder and port,
 * the member's copy and the server's converge with nothing lost or duplicated; the toolbar button says the team
 * is offline meanwhile. A teammate joining afterwards gets exactly the same documents, even with its service
 * worker stopped in the middle of its first sync: woken, it resumes from its checkpoint.
 */

const root = resolve(import.meta.dirname, '..');
const ADMIN = { name: 'admin', password: 'admin-password-1' };
const ALICE = { name: 'alice', password: 'alice-password-1' };
const BOB = { name: 'bob', password: 'bob-password-12' };
const CARDS = 1000;
const DB = 'dossier-team-research';

let dir = '';
let port = 0;
let server: ChildProcess | null = null;
const url = () => `http://127.0.0.1:${port}`;

/** A free port on loopback, kept for the server's restart. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port: found } = probe.address() as { port: number };
      probe.close(() => done(found));
    });
  });
}

/**
 * Starts `npm run sync-server` on the folder and port; resolves once it serves the team. Passwords go as the
 * server takes them, never as arguments: the admin in DOSSIER_COUCH_ADMIN, members' in a file of their own.
 */
async function startServer(members: readonly { name: string; password?: string }[]): Promise<void> {
  const passwords = join(dir, 'passwords');
  writeFileSync(passwords, members.flatMap((m) => (m.password ? [`${m.name}:${m.password}`] : [])).join('\n'), {
    mode: 0o600,
  });
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/sync-server.ts',
      '--port',
      String(port),
      '--dir',
      join(dir, 'server'),
      '--passwords-file',
      passwords,
      '--team',
      'research',
      '--members',
      members.map((m) => m.name).join(','),
      '--readers',
      '',
    ],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DOSSIER_COUCH_ADMIN: `${ADMIN.name}:${ADMIN.password}` },
    },
  );
  server = child;
  let output = '';
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`The sync server did not start: ${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      // The last line of its report: the team is set up.
      if (/member bob/.test(output)) {
        clearTimeout(timer);
        done();
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => fail(new Error(`The sync server exited (${code}): ${output}`)));
  });
}

/** Kills the server's process outright, as a crash or a power cut would. */
async function killServer(): Promise<void> {
  const child = server;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGKILL');
  await exited;
  server = null;
}

const admin = { authorization: basicAuth(ADMIN), accept: 'application/json' };

/** The server's documents: id → winning revision (and whether any has a conflict). */
async function serverDocs(): Promise<{ revs: Map<string, string>; conflicts: number }> {
  const response = await fetch(`${url()}/${DB}/_all_docs?include_docs=true&conflicts=true`, { headers: admin });
  const body = (await response.json()) as {
    rows: Array<{ id: string; value: { rev: string }; doc: { _conflicts?: string[] } }>;
  };
  return {
    revs: new Map(body.rows.map((row) => [row.id, row.value.rev])),
    conflicts: body.rows.filter((row) => row.doc._conflicts?.length).length,
  };
}

async function serverCount(): Promise<number> {
  const response = await fetch(`${url()}/${DB}`, { headers: admin });
  return ((await response.json()) as { doc_count: number }).doc_count;
}

/**
 * A profile's copy of the team: id → winning revision, read from the local database's IndexedDB store (PouchDB's
 * `indexeddb` adapter keeps one record per document, with its winning `rev`), from any page of the extension.
 */
function localDocs(target: Page | Worker): Promise<Array<[string, string]>> {
  const read = (name: string) =>
    new Promise<Array<[string, string]>>((done, fail) => {
      const open = indexedDB.open(name);
      open.onerror = () => fail(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('docs')) {
          db.close();
          done([]);
          return;
        }
        const all = db.transaction('docs').objectStore('docs').getAll();
        all.onerror = () => fail(all.error);
        all.onsuccess = () => {
          db.close();
          const out: Array<[string, string]> = [];
          for (const doc of all.result as Array<{ id: string; rev: string; deleted?: number }>) {
            if (!doc.deleted) out.push([doc.id, doc.rev]);
          }
          done(out);
        };
      };
    });
  const name = `_pouch_${DB}`;
  return 'goto' in target ? target.evaluate(read, name) : target.evaluate(read, name);
}

async function send<T>(page: Page, type: string, payload: object): Promise<T> {
  const answer = (await page.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [
    type,
    payload,
  ] as const)) as { ok: boolean; value?: T; error?: string };
  if (!answer.ok) throw new Error(`${type}: ${answer.error}`);
  return answer.value as T;
}

async function optionsOf(context: BrowserContext, worker: Worker): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${idOf(worker)}/src/ui/options/index.html`);
  return page;
}

/** The toolbar button's title and badge colour for a tab, as the user sees them. */
function button(worker: Worker, tabId: number) {
  return worker.evaluate(async (id) => {
    return {
      title: await chrome.action.getTitle({ tabId: id }),
      color: await chrome.action.getBadgeBackgroundColor({ tabId: id }),
      text: await chrome.action.getBadgeText({ tabId: id }),
    };
  }, tabId);
}

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-recovery-'));
  port = await freePort();
  await startServer([ALICE, BOB]);
});
test.afterAll(async () => {
  await killServer();
  rmSync(dir, { recursive: true, force: true });
});

/** Valid card documents shared by alice, put on the server directly (as an admin): a team that already holds them. */
async function putCards(from: number, count: number): Promise<void> {
  const docs = Array.from({ length: count }, (_, k) => {
    const i = from + k;
    return {
      _id: `card:team-card-${i}`,
      type: 'card',
      schema: 2,
      cardId: `team-card-${i}`,
      name: `Team Card ${i}`,
      kind: 'company',
      aliases: [],
      summary: `Card ${i} the team held before.`,
      pack: 'team:research',
      edited: false,
      trashed: null,
      updated: new Date().toISOString(),
      createdBy: ALICE.name,
      updatedBy: ALICE.name,
    };
  });
  const response = await fetch(`${url()}/${DB}/_bulk_docs`, {
    method: 'POST',
    headers: { ...admin, 'content-type': 'application/json' },
    body: JSON.stringify({ docs }),
  });
  expect(response.status).toBe(201);
}

test('the server killed while 1,000 shared cards are pushed, and started again: nothing lost or duplicated; a teammate gets them all, its worker stopped mid-sync', async ({
  context,
  worker,
  server: pages,
}) => {
  test.setTimeout(240_000);
  const options = await optionsOf(context, worker);
  await send(options, 'team.join', { url: url(), team: 'research', user: ALICE.name, password: ALICE.password });
  await expect
    .poll(async () => (await send<Array<{ sync: { state: string } }>>(options, 'teams.list', {}))[0]?.sync.state)
    .toBe('synced');

  // Alice shares 1,000 cards of a pack she imported, ten at a time: her team's database takes them at once, the
  // server as the live replication pushes them.
  const csv = `name,aliases,kind,summary,tags\n${Array.from(
    { length: CARDS },
    (_, i) => `Recovery Card ${i},,company,Card ${i} of the recovery test.,test`,
  ).join('\n')}\n`;
  await send(options, 'pack.import', { fileName: 'recovery.csv', text: csv });
  const before = await serverCount();
  await options.evaluate((count) => {
    (window as unknown as { sharing: Promise<void> }).sharing = (async () => {
      for (let i = 0; i < count; i += 10) {
        const ids = Array.from({ length: Math.min(10, count - i) }, (_, k) => `recovery-card-${i + k}`);
        const answers = await Promise.all(
          ids.map((cardId) =>
            chrome.runtime.sendMessage({ type: 'card.share', payload: { cardId, team: 'research' } }),
          ),
        );
        const failed = answers.find((a) => !a.ok);
        if (failed) throw new Error(failed.error);
      }
    })();
  }, CARDS);

  // Killed once a hundred or so arrived, before the rest did.
  await expect.poll(serverCount, { intervals: [20], timeout: 60_000 }).toBeGreaterThanOrEqual(before + 100);
  const atKill = await serverCount();
  await killServer();
  expect(atKill).toBeLessThan(before + CARDS);
  console.log(`killed with ${atKill - before} of ${CARDS} cards on the server`);
  // Offline, the sharing goes on: every card is in Alice's copy.
  await options.evaluate(() => (window as unknown as { sharing: Promise<void> }).sharing);
  const local = new Map(await localDocs(worker));
  expect([...local.keys()].filter((id) => id.startsWith('card:recovery-card-'))).toHaveLength(CARDS);

  // The toolbar button turns grey and says the team is offline, beside the page's own count.
  const page = await context.newPage();
  // A page with cards and no watch signal firing (a signal's badge would outrank the team's colour).
  await page.goto(`${pages.url}/pages/reader.html`);
  const tabId = await tabIdOf(worker, page);
  await expect
    .poll(async () => (await button(worker, tabId)).title, { timeout: 15_000 })
    .toContain('Dossier — team research: offline');
  await expect.poll(async () => (await button(worker, tabId)).text).toMatch(/^\d+$/);
  expect((await button(worker, tabId)).color).toEqual([107, 114, 128, 255]);

  // Started again on the same folder and port (the users keep their passwords): the push resumes on its own.
  const restarted = Date.now();
  await startServer([{ name: ALICE.name }, { name: BOB.name }]);
  await expect.poll(serverCount, { timeout: 90_000 }).toBe(local.size);
  console.log(`the server holds all ${local.size} documents ${Date.now() - restarted} ms after its restart`);
  const onServer = await serverDocs();
  expect(onServer.conflicts).toBe(0);
  expect([...onServer.revs].sort()).toEqual([...(await localDocs(worker))].sort());
  await expect
    .poll(async () => (await button(worker, tabId)).title, { timeout: 15_000 })
    .toContain('Dossier — team research: synced');
  expect((await button(worker, tabId)).color).toEqual([59, 74, 107, 255]);

  // The team held more before Bob joins (Alice has them too, and is quiet); his worker is stopped in the middle
  // of his first sync, once it has written a checkpoint on the server.
  await putCards(0, 4000);
  const all = await serverCount();
  const final = await serverDocs();
  await expect.poll(async () => (await localDocs(worker)).length, { timeout: 30_000 }).toBe(all);
  // Her replication's last checkpoint written: the next one on the server is Bob's.
  const logFile = join(dir, 'server', 'sync-server.log');
  await expect
    .poll(async () => {
      const at = statSync(logFile).size;
      await new Promise((wake) => setTimeout(wake, 1000));
      return /PUT \/dossier-team-research\/_local\//.test(readFileSync(logFile, 'utf8').slice(at));
    })
    .toBe(false);
  const other = await launch();
  try {
    const otherWorker = await serviceWorker(other);
    const otherOptions = await optionsOf(other, otherWorker);
    await send(otherOptions, 'team.join', { url: url(), team: 'research', user: BOB.name, password: BOB.password });
    await expect
      .poll(async () => (await localDocs(otherWorker)).length, { intervals: [20], timeout: 30_000 })
      .toBeGreaterThan(0);
    const written = statSync(logFile).size;
    await expect
      .poll(() => readFileSync(logFile, 'utf8').slice(written), { intervals: [20] })
      .toMatch(/PUT \/dossier-team-research\/_local\//);
    await stopServiceWorkers(other);
    const logAt = statSync(logFile).size;
    // Counted from a page of the extension that sends no message (one would wake the worker).
    const quiet = await other.newPage();
    await quiet.goto(`chrome-extension://${idOf(otherWorker)}/manifest.json`);
    const halfway = (await localDocs(quiet)).length;
    console.log(`worker stopped with ${halfway} of ${all} documents`);
    expect(halfway).toBeGreaterThan(0);
    expect(halfway).toBeLessThan(all);

    // Woken by the options page asking for the teams: it resumes from its checkpoint and catches up.
    await otherOptions.reload();
    await expect.poll(async () => (await localDocs(quiet)).length, { timeout: 60_000 }).toBe(all);
    expect((await localDocs(quiet)).sort()).toEqual([...final.revs].sort());
    const since = [
      ...readFileSync(logFile, 'utf8')
        .slice(logAt)
        .matchAll(/_changes\?[^ ]*since=(\d+)/g),
    ].map((m) => Number(m[1]));
    expect(since.length).toBeGreaterThan(0);
    expect(Math.min(...since)).toBeGreaterThan(0);
  } finally {
    await other.close();
  }
});
