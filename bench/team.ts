/**
 * `npm run bench:team`: a team of 10,000 shared cards on the loopback sync server (in this process, its
 * databases on disk in a temporary folder, as a CouchDB keeps them), in the built extension in Chromium.
 *
 * - first sync: a fresh profile joins the team; from the join message to the team's local database holding all
 *   10,000 cards and an open page painting the names of cards from all over the team (the dictionary has
 *   them); baseline: the same PouchDB build and adapter replicating the same database once, with the same batch
 *   size, into a fresh IndexedDB database from a page of the same browser, before or after the sync in turn;
 * - live edit: a teammate (a second profile, awake) edits a card shared in the team (the save writes the team's
 *   copy); from the save to this profile's team database holding it, and to this profile's open page painting
 *   the new alias (an absolute: no plain PouchDB paints a page); baseline of the first: the same edit between
 *   two plain PouchDB databases replicating live with the same server, in one page, in alternating blocks;
 * - the service worker's heap with the 10,000 cards replicated (CDP on the worker, after a garbage collection):
 *   an absolute against its target, beside the same worker's heap before it joined.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { extensionId, launch, serviceWorker } from '../scripts/browser';
import { waitForHighlights } from '../scripts/page-probe';
import { serve } from '../scripts/static-server';
import { adminAuth, startSyncServer } from '../scripts/team/server';
import { setupTeam } from '../scripts/team/setup';
import { type WorkerHeap, workerHeap } from '../scripts/worker-cdp';
import { DEFAULT_PACK, readPack } from '../src/cli/load-pack';
import type { Card } from '../src/model/card';
import { teamDbName } from '../src/team/names';
import { absolute, median, quantile, ratio, sample, spread } from './measure';
import { templatedCards } from './synthetic';

const root = resolve(import.meta.dirname, '..');
/** Smaller runs while working on it: `BENCH_TEAM_CARDS=1000 BENCH_TEAM_RUNS=2 npm run bench:team`. */
const CARDS = Number(process.env.BENCH_TEAM_CARDS ?? 10_000);
const RUNS = Number(process.env.BENCH_TEAM_RUNS ?? 4);
const EDITS = 32;
/** The extension's replication batch size (SYNC_OPTIONS in src/background/team/teams.ts): the floor uses the same. */
const SYNC_BATCH = 1000;
const TEAM = 'research';
const ALICE = { name: 'alice', password: 'alice-password-1' };
const BOB = { name: 'bob', password: 'bob-password-12' };

const p95 = (xs: number[]) => quantile(xs, 0.95);
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const floorScript = await bundle(resolve(import.meta.dirname, 'team-floor.ts'));

// --- The team: 10,000 cards of real sizes (bodies of the built-in and corpus packs' cards), shared by alice. ---
const templates = [...readPack(DEFAULT_PACK).cards, ...readPack(resolve(root, '../shared/corpus/pack.csv')).cards];
const cards = templatedCards(CARDS, templates);
const updated = new Date().toISOString();
/** A card as sharing writes it (schema 2 of the store, its sharer and last editor). */
const docOf = (card: Card) => {
  const { id, ...fields } = card;
  return {
    ...fields,
    _id: `card:${id}`,
    type: 'card',
    schema: 2,
    cardId: id,
    pack: `team:${TEAM}`,
    edited: false,
    trashed: null,
    updated,
    createdBy: ALICE.name,
    updatedBy: ALICE.name,
  };
};

const dir = mkdtempSync(join(tmpdir(), 'dossier-team-bench-'));
const sync = await startSyncServer({ dir: join(dir, 'server') });
await setupTeam({ url: sync.url, admin: sync.admin, team: TEAM, members: [ALICE, BOB], readers: [] });
console.error('… putting the cards on the server');
const putStart = performance.now();
const docs = cards.map(docOf);
for (let i = 0; i < docs.length; i += 1000) {
  const response = await fetch(`${sync.url}/${teamDbName(TEAM)}/_bulk_docs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: adminAuth(sync) },
    body: JSON.stringify({ docs: docs.slice(i, i + 1000) }),
  });
  const answer = (await response.json()) as Array<{ error?: string }>;
  const refused = Array.isArray(answer) ? answer.find((a) => a.error) : answer;
  if (!response.ok || refused) throw new Error(`_bulk_docs: ${response.status} ${JSON.stringify(refused)}`);
}
const putMs = performance.now() - putStart;
const bytes = docs.reduce((sum, doc) => sum + JSON.stringify(doc).length, 0);

// --- A page naming cards from all over the team (and the aliases the live edits add), on loopback. ---
const sampled = Array.from({ length: 12 }, (_, i) => Math.round((i * (CARDS - 1)) / 11))
  .map((i) => cards.slice(i).find((c) => c.kind !== 'topic')!)
  .map((c) => c.name);
const LIVE_ID = 'quillon-ardent';
const liveAliases = Array.from({ length: EDITS }, (_, i) => `Vestry ${liveWord(i)}`);
writeFileSync(
  join(dir, 'names.html'),
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Team names</title></head><body><main>
<h1>Team names</h1>
<p>Nvidia is in the built-in pack: this line is painted before the profile joins any team.</p>
${sampled.map((name) => `<p>A report on ${name} came in this morning.</p>`).join('\n')}
<p>Quillon Ardent is the card edited live.</p>
${liveAliases.map((alias) => `<p>Elsewhere ${alias} was mentioned.</p>`).join('\n')}
</main></body></html>`,
);
const pages = await serve({ '/team/': dir });
const namesUrl = `${pages.url}/team/names.html`;

async function optionsPage(context: BrowserContext, id: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/src/ui/options/index.html`);
  return page;
}

/** Sets `window.__painted`: resolves (in the page, on the machine's clock) once every one of `names` is painted. */
async function watchPainted(page: Page, names: string[]): Promise<void> {
  await page.evaluate(`window.__painted = new Promise((done) => {
    const wanted = ${JSON.stringify(names)};
    const look = () => {
      const painted = new Set();
      for (const key of ['ann-entity', 'ann-topic', 'ann-fuzzy']) {
        for (const range of CSS.highlights.get(key) ?? []) painted.add(range.toString());
      }
      if (wanted.every((name) => painted.has(name))) done(performance.timeOrigin + performance.now());
      else setTimeout(look, 5);
    };
    look();
  }); 0`);
}

/** Joins the team from an options page; resolves (machine clock) once its local database holds `count` documents. */
function joinAndFill(options: Page, user: { name: string; password: string }, count: number) {
  return options.evaluate(`(async () => {
    const start = performance.timeOrigin + performance.now();
    const joined = await chrome.runtime.sendMessage({ type: 'team.join', payload: ${JSON.stringify({
      url: sync.url,
      team: TEAM,
      user: user.name,
      password: user.password,
    })} });
    if (!joined.ok) throw new Error(joined.error);
    const signedIn = performance.timeOrigin + performance.now();
    for (;;) {
      const list = await chrome.runtime.sendMessage({ type: 'teams.list', payload: {} });
      const team = list.ok ? list.value[0] : null;
      if (team && team.docs >= ${count}) return { start, signedIn, stored: performance.timeOrigin + performance.now() };
      await new Promise((wake) => setTimeout(wake, 200));
    }
  })()`) as Promise<{ start: number; signedIn: number; stored: number }>;
}

/** A page of the sync server's origin (served by the route, never the server) with the floors' script. */
async function floorPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.route(`${sync.url}/_bench/floor`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>floor</title>' }),
  );
  await page.goto(`${sync.url}/_bench/floor`);
  await page.addScriptTag({ content: floorScript });
  return page;
}

interface FirstSync {
  total: number;
  signedIn: number;
  stored: number;
  painted: number;
  floor: number;
  before: WorkerHeap;
  after: WorkerHeap;
}

const runs: FirstSync[] = [];
let bob: { context: BrowserContext; names: Page; options: Page } | null = null;
/** The floor, in this run's fresh browser: the same database replicated by plain PouchDB into a fresh one. */
const replicateFloor = async (context: BrowserContext, r: number) => {
  const floorAt = await floorPage(context);
  const ms = (await floorAt.evaluate(
    `window.teamFloor(${JSON.stringify([teamDbName(TEAM), BOB.name, BOB.password, `floor-${r}`, SYNC_BATCH]).slice(1, -1)})`,
  )) as number;
  await floorAt.close();
  return ms;
};
for (let r = 0; r < RUNS; r++) {
  // The floor and Dossier's first sync take turns going first, run by run.
  const floorFirst = r % 2 === 0;
  console.error(`… first sync, run ${r + 1} of ${RUNS} (${floorFirst ? 'the floor first' : "Dossier's sync first"})`);
  const context = await launch();
  const id = extensionId(await serviceWorker(context));
  let floor = floorFirst ? await replicateFloor(context, r) : Number.NaN;
  const names = await context.newPage();
  await names.goto(namesUrl);
  await waitForHighlights(names);
  await names.waitForTimeout(1000);
  const before = await workerHeap(context);
  await watchPainted(names, sampled);
  const options = await optionsPage(context, id);
  const joined = await joinAndFill(options, BOB, CARDS);
  const painted = (await names.evaluate('window.__painted')) as number;
  // Settled (the replication's push caught up, the dictionary cached), then the heap.
  await names.waitForTimeout(5000);
  const after = await workerHeap(context);
  if (!floorFirst) floor = await replicateFloor(context, r);
  const run: FirstSync = {
    total: Math.max(joined.stored, painted) - joined.start,
    signedIn: joined.signedIn - joined.start,
    stored: joined.stored - joined.start,
    painted: painted - joined.start,
    floor,
    before,
    after,
  };
  runs.push(run);
  console.error(
    `  ${fmt(run.total)} (stored ${fmt(run.stored)}, painted ${fmt(run.painted)}); floor ${fmt(floor)}; heap ${mb(after.usedSize)}`,
  );
  if (r < RUNS - 1) await context.close();
  else bob = { context, names, options };
}
if (!bob) throw new Error('No run');
const { names, options } = bob;

// --- Live edits: alice, a second profile in the team, edits a shared card; bob's page is open. ---
console.error('… live edits');
const alice = await launch();
const aliceOptions = await optionsPage(alice, extensionId(await serviceWorker(alice)));
await joinAndFill(aliceOptions, ALICE, CARDS);
console.error('  alice joined');
/**
 * Saves alice's card (a shared card's edit is written into her team database by the save itself); resolves to
 * when the save was sent (machine clock).
 */
const save = (aliases: string[], create: boolean) =>
  aliceOptions.evaluate(`(async () => {
    const at = performance.timeOrigin + performance.now();
    const answer = await chrome.runtime.sendMessage({ type: 'card.save', payload: ${JSON.stringify({
      card: { id: LIVE_ID, name: 'Quillon Ardent', kind: 'person', summary: 'The card edited live.', aliases },
      create,
    })} });
    if (!answer.ok) throw new Error(answer.error);
    return at;
  })()`) as Promise<number>;
/** Shares alice's card with the team (once: her later edits of it go to the team's copy). */
const share = () =>
  aliceOptions.evaluate(
    `chrome.runtime.sendMessage({ type: 'card.share', payload: { cardId: '${LIVE_ID}', team: '${TEAM}' } }).then((answer) => { if (!answer.ok) throw new Error(answer.error); })`,
  );
/** Sets `window.__stored`: resolves (machine clock) once bob's team database holds a newer card than `before`. */
const watchStored = (before: string | null) =>
  options.evaluate(`window.__stored = (async () => {
    for (;;) {
      const answer = await chrome.runtime.sendMessage({ type: 'card.origins', payload: { cardId: '${LIVE_ID}' } });
      const updated = answer.ok && answer.value[0] ? answer.value[0].updated : null;
      if (updated !== null && updated !== ${JSON.stringify(before)}) return { at: performance.timeOrigin + performance.now(), updated };
      await new Promise((wake) => setTimeout(wake, 20));
    }
  })(); 0`);

// The card made and shared once; then each edit adds an alias that bob's page has.
await save([], true);
await watchStored(null);
await watchPainted(names, ['Quillon Ardent']);
await share();
let last = ((await options.evaluate('window.__stored')) as { updated: string }).updated;
await names.evaluate('window.__painted');
console.error('  card made and shared');
const storedLatency: number[] = [];
const paintedLatency: number[] = [];
const liveFloor: number[] = [];
/** Dossier's edits `from`..`to`: alice saves, bob's team database holds it, bob's page paints it. */
async function dossierEdits(from: number, to: number): Promise<void> {
  for (let i = from; i < to; i++) {
    await watchStored(last);
    await watchPainted(names, [liveAliases[i]!]);
    const at = await save(liveAliases.slice(0, i + 1), false);
    const stored = (await options.evaluate('window.__stored')) as { at: number; updated: string };
    const painted = (await names.evaluate('window.__painted')) as number;
    last = stored.updated;
    storedLatency.push(stored.at - at);
    paintedLatency.push(painted - at);
    await names.waitForTimeout(250);
  }
}
/** The live floor, in bob's browser: as many edits between two plain PouchDB databases, live both ways. */
async function floorEdits(count: number, block: number): Promise<void> {
  const liveAt = await floorPage(bob!.context);
  liveFloor.push(
    ...((await liveAt.evaluate(
      `window.liveFloor(${JSON.stringify([teamDbName(TEAM), ALICE.name, ALICE.password, count, block]).slice(1, -1)})`,
    )) as number[]),
  );
  await liveAt.close();
}
// In blocks of 8, Dossier's edits and the floor's take turns going first.
const BLOCK = 8;
for (let from = 0, block = 0; from < EDITS; from += BLOCK, block++) {
  const to = Math.min(EDITS, from + BLOCK);
  if (block % 2 === 0) {
    await dossierEdits(from, to);
    await floorEdits(to - from, block);
  } else {
    await floorEdits(to - from, block);
    await dossierEdits(from, to);
  }
}
const settledHeap = await workerHeap(bob.context);
await alice.close();
await bob.context.close();
await pages.close();
await sync.close();
rmSync(dir, { recursive: true, force: true });

// --- Figures. ---
const totals = sample(runs.map((r) => r.total));
const floors = sample(runs.map((r) => r.floor));
const heapAfter = median(runs.map((r) => r.after.usedSize));
const heapBefore = median(runs.map((r) => r.before.usedSize));
const latency = (xs: number[]) =>
  `p95 ${fmt(p95(xs))}, median ${fmt(median(xs))} (quartiles ${fmt(quantile(xs, 0.25))}–${fmt(quantile(xs, 0.75))})`;
console.error('');
console.log(
  `team of ${CARDS.toLocaleString('en')} cards (${mb(bytes)} of JSON) on the loopback sync server, databases on disk (put as admin in ${fmt(putMs)}); medians of ${RUNS} fresh profiles (quartiles), the floor and Dossier taking turns going first\n`,
);
console.log(
  `first sync, join → all ${CARDS.toLocaleString('en')} in the local database and painted from the dictionary: ${spread(totals, fmt)} (target < 10 s: ${totals.median < 10_000 ? 'met' : 'MISSED'}); plain PouchDB replication of the same database in the same browser ${spread(floors, fmt)} → ${ratio(totals, floors)} the floor`,
);
console.log(
  `  signed in ${fmt(median(runs.map((r) => r.signedIn)))}; local database full ${fmt(median(runs.map((r) => r.stored)))}; the page painted with the team's names ${fmt(median(runs.map((r) => r.painted)))}; every run: ${runs.map((r) => fmt(r.total)).join(', ')}; floors: ${runs.map((r) => fmt(r.floor)).join(', ')}`,
);
console.log(
  absolute(
    `live edit (${EDITS} edits), teammate's save → this profile's open page painted with it`,
    `${latency(paintedLatency)}, worst ${fmt(Math.max(...paintedLatency))}`,
    'p95 < 1 s',
    p95(paintedLatency) < 1000,
  ),
);
console.log(
  `  → this profile's team database: ${latency(storedLatency)}; plain PouchDB, live both ways through the same server (in alternating blocks of ${BLOCK}): ${latency(liveFloor)} → ${(p95(storedLatency) / p95(liveFloor)).toFixed(2)}× the floor at p95, ${(median(storedLatency) / median(liveFloor)).toFixed(2)}× at the median`,
);
console.log(
  absolute(
    "service worker's JS heap after a GC (CDP Runtime.getHeapUsage)",
    `${mb(heapAfter)} with ${CARDS.toLocaleString('en')} cards replicated; ${mb(heapBefore)} before joining → ${mb(heapAfter - heapBefore)} for the team; after the live edits ${mb(settledHeap.usedSize)}; Blink's heap ${mb(median(runs.map((r) => r.after.embedderHeapUsedSize)))}`,
    '< 50 MB',
    heapAfter < 50 * 2 ** 20,
  ),
);

/** Made-up words for the live edits' aliases, distinct for up to 40 edits. */
function liveWord(i: number): string {
  const heads = 'bar cel dun fen gol hask ist jor'.split(' ');
  const tails = 'ampton ebury ingham owell usk'.split(' ');
  const word = `${heads[i % heads.length]}${tails[Math.floor(i / heads.length) % tails.length]}`;
  return word[0]!.toUpperCase() + word.slice(1);
}

async function bundle(entry: string): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    build: { write: false, minify: true, lib: { entry, formats: ['iife'], name: 'teamFloor' } },
  });
  const output = (Array.isArray(result) ? result[0] : result) as { output: Array<{ type: string; code?: string }> };
  const chunk = output.output.find((o) => o.type === 'chunk');
  if (!chunk?.code) throw new Error('Could not bundle the floor');
  return chunk.code;
}
