import PouchDB from 'pouchdb-browser';
import type { Card } from '../../model/card';
import { checkTeamUrl, type SharedOrigin, type SyncState, type TeamConfig, type TeamStatus } from '../../model/team';
import { sharedDocProblem } from '../../model/team-docs';
import { type CardDoc, cardDocId } from '../../store/card-docs';
import { forgetDatabase, isNotFound, openDatabase, STORE_SCHEMA } from '../../store/db';
import { isTeamName, isUserName, teamDbName } from '../../team/names';
import type { ExtraCards } from '../library';
import { accessStatus, authFetchFor, deviceNameOf, dropDevice, signOut, takeDevice, withSession } from './auth';
import { cardsOfTeam, coalesce, forgetTeamCards, skippedOfTeam } from './cards';
import { replicateTeam } from './replication';

/*
 * Teams: each joined team is a local PouchDB database (`dossier-team-<team>`) replicating live, both ways,
 * with the team's database on its CouchDB server. Joining signs in once with the user's password, which is
 * never stored: the session is traded for a device account of this browser's own (auth.ts), which
 * replication uses, so it resumes on its own when the browser or the service worker starts again.
 */

const KEY = 'teams';

/** The teams this device joined. */
export async function joinedTeams(): Promise<TeamConfig[]> {
  return configs();
}

export async function configs(): Promise<TeamConfig[]> {
  const got = await chrome.storage.local.get(KEY);
  const list = got[KEY];
  return Array.isArray(list) ? (list as TeamConfig[]) : [];
}

async function saveConfigs(list: TeamConfig[]): Promise<void> {
  await chrome.storage.local.set({ [KEY]: list });
}

/** A team's live replication: its state, and whether it gave up on an error (the alarm starts it again). */
interface SyncEntry {
  cancel(): void;
  state: SyncState;
  stopped: boolean;
  /** A refused document stays refused (the replication's checkpoint moves past it): its error stays shown. */
  refused?: boolean;
}
const syncing = new Map<string, SyncEntry>();

/** Told when a team's cards changed (a teammate's arrived, or one was shared): the dictionary recompiles. */
let onCardsChanged: () => void = () => undefined;
export function whenTeamCardsChange(listener: () => void): void {
  onCardsChanged = listener;
}
// A first sync's batches recompile the dictionary every 5 s; a teammate's edit, at once (cards.ts).
const pulledCards = coalesce(() => onCardsChanged(), 5000);

/** Told when a joined team's replication state changed (the toolbar badge shows it). */
let onSyncChanged: (teams: Array<{ team: string; sync: SyncState }>) => void = () => undefined;
export function whenTeamSyncChanges(listener: (teams: Array<{ team: string; sync: SyncState }>) => void): void {
  onSyncChanged = listener;
}
function syncChanged(): void {
  onSyncChanged([...syncing].map(([team, entry]) => ({ team, sync: entry.state })));
}
function setState(entry: SyncEntry, state: SyncState): void {
  entry.state = state;
  syncChanged();
}

/** Told of the documents a team's replication pulled in (a teammate's annotations, clips, cards…). */
let onPulled: (team: string, ids: string[]) => void = () => undefined;
export function whenTeamDocsPulled(listener: (team: string, ids: string[]) => void): void {
  onPulled = listener;
}

function remoteOf(config: TeamConfig): PouchDB.Database {
  return new PouchDB(`${config.url}/${teamDbName(config.team)}`, {
    fetch: authFetchFor(config.team) as never,
    skip_setup: true,
  } as PouchDB.Configuration.RemoteDatabaseConfiguration);
}

/**
 * How long a failed replication waits before it tries again (ms): doubling from 1 s up to 10 s. PouchDB's own
 * doubles up to 10 minutes, so a server back after an outage of a few minutes would wait as long again.
 */
export function retryDelay(previous: number): number {
  return previous > 0 ? Math.min(previous * 2, 10_000) : 1_000;
}

/**
 * Replication in batches of 1,000 documents (PouchDB's default is 100): a first sync of 10,000 cards makes
 * fewer round trips and checkpoints (bench/README.md).
 */
const SYNC_OPTIONS = { live: true, retry: true, back_off_function: retryDelay, batch_size: 1000 };

/** Starts (or restarts) the live replication of a team. */
function startSync(config: TeamConfig): void {
  syncing.get(config.team)?.cancel();
  const local = openDatabase(teamDbName(config.team));
  const entry: SyncEntry = { cancel: () => undefined, state: { state: 'syncing' }, stopped: false };
  // Pull first, push once caught up, and a pause that says when the server does not answer (replication.ts).
  const sync = replicateTeam(local, remoteOf(config) as never, SYNC_OPTIONS);
  sync
    .on('change', (info) => {
      if (info.direction !== 'pull' || !info.change?.docs) return;
      const ids = info.change.docs.map((d) => d._id);
      if (ids.some((id) => id.startsWith('card:'))) pulledCards.changed();
      onPulled(config.team, ids);
    })
    .on('active', () => {
      if (!entry.refused) setState(entry, { state: 'syncing' });
    })
    // Caught up with the server: the cards pulled last link at once.
    .on('pulled', () => pulledCards.flush())
    .on('paused', (error) => {
      if (entry.refused) return;
      setState(entry, error ? { state: 'offline' } : { state: 'synced', at: new Date().toISOString() });
    })
    .on('denied', (error) => {
      entry.refused = true;
      setState(entry, { state: 'error', reason: `the server refused a document: ${refusalOf(error)}` });
    })
    .on('error', (error) => {
      // The replication gave up: the alarm starts it again (resumeTeams).
      entry.stopped = true;
      setState(entry, { state: 'error', reason: reasonOf(error) });
    });
  entry.cancel = () => sync.cancel();
  syncing.set(config.team, entry);
  syncChanged();
}

/** The server's reason for refusing a document: the sync's 'denied' event holds its answer as `doc`. */
function refusalOf(event: unknown): string {
  const doc = (event as { doc?: { reason?: unknown } } | null)?.doc;
  return typeof doc?.reason === 'string' ? doc.reason : reasonOf(event);
}

function reasonOf(error: unknown): string {
  const { reason, message, status } = (error ?? {}) as { reason?: string; message?: string; status?: number };
  if (status === 401) return "this device's access was revoked or expired: join the team again";
  if (status === 403) return 'this user is not a member of the team on the server';
  return reason ?? message ?? 'unknown error';
}

/** The alarm that wakes a stopped service worker to sync while the browser is open. */
export const SYNC_ALARM = 'team-sync';

/**
 * The cards shared in the joined teams, and a revision that changes with them. A document that is not a valid
 * card (a hostile or malformed one put on the server) is left out, never shown. A card the user shared replaces
 * their own copy: members co-edit it in the team (see shared-cards.ts).
 */
export async function teamCards(): Promise<ExtraCards> {
  const revisions: string[] = [];
  const cards: Card[] = [];
  const replacing: string[] = [];
  for (const config of await configs()) {
    // Read once, then only what changed since (cards.ts).
    const shared = await cardsOfTeam(config.team, openDatabase(teamDbName(config.team)));
    revisions.push(`${config.team}@${shared.seq}`);
    for (const { card, createdBy } of shared.cards) {
      cards.push(card);
      if (createdBy === config.user) replacing.push(card.id);
    }
  }
  return { revision: revisions.join(','), cards, replacing };
}

/** Every joined team's cards, each with its team and whether this user shared it (the library lists them). */
export async function teamCardList(): Promise<Array<{ team: string; card: Card; mine: boolean }>> {
  const list: Array<{ team: string; card: Card; mine: boolean }> = [];
  for (const config of await configs()) {
    const shared = await cardsOfTeam(config.team, openDatabase(teamDbName(config.team)));
    for (const { card, createdBy } of shared.cards)
      list.push({ team: config.team, card, mine: createdBy === config.user });
  }
  return list;
}

/** The teams a card is shared in, with who shared it and who changed it last (none for a private card). */
export async function originsOf(cardId: string): Promise<SharedOrigin[]> {
  const origins: SharedOrigin[] = [];
  for (const config of await configs()) {
    try {
      const doc = (await openDatabase(teamDbName(config.team)).get(cardDocId(cardId))) as CardDoc & {
        createdBy?: unknown;
        updatedBy?: unknown;
      };
      if (typeof doc.createdBy !== 'string' || typeof doc.updatedBy !== 'string' || sharedDocProblem(doc)) continue;
      origins.push({
        team: config.team,
        createdBy: doc.createdBy,
        updatedBy: doc.updatedBy,
        updated: typeof doc.updated === 'string' ? doc.updated : null,
      });
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  return origins;
}

/** Shares a card with a team: written to the team's local database, from where it replicates to the server. */
export async function shareCard(team: string, card: Card): Promise<{ team: string; cardId: string }> {
  const config = (await configs()).find((c) => c.team === team);
  if (!config) throw new Error(`This browser is not in the team ${team}.`);
  const db = openDatabase(teamDbName(team));
  const _id = cardDocId(card.id);
  let before: (CardDoc & { createdBy?: string }) | null = null;
  try {
    before = (await db.get(_id)) as CardDoc & { createdBy?: string };
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  const { id, context, ...fields } = card;
  const doc = {
    ...fields,
    ...(context ? { context } : {}),
    _id,
    ...(before?._rev ? { _rev: before._rev } : {}),
    type: 'card' as const,
    schema: STORE_SCHEMA,
    cardId: id,
    pack: `team:${team}`,
    edited: false,
    trashed: null,
    updated: new Date().toISOString(),
    // Who shared it first stays; who changed it last is this device's user (the server checks both).
    createdBy: before?.createdBy ?? config.user,
    updatedBy: config.user,
  };
  await db.put(doc as never);
  onCardsChanged();
  return { team, cardId: id };
}

/**
 * Resumes the replication of every joined team (the service worker started, or its alarm woke it); with
 * `restartStopped` (the alarm), a replication that gave up on an error starts again too.
 */
export async function resumeTeams(restartStopped = false): Promise<void> {
  const list = await configs();
  for (const config of list) {
    const entry = syncing.get(config.team);
    if (!entry || (restartStopped && entry.stopped)) startSync(config);
  }
  // A joined team keeps an alarm: a worker stopped for idleness wakes each minute and catches up.
  if (list.length > 0) {
    if (!(await chrome.alarms.get(SYNC_ALARM))) await chrome.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
  } else await chrome.alarms.clear(SYNC_ALARM);
}

/**
 * Asks each replicating team's server whether this browser may still read it (each minute, on the alarm): a
 * live feed stays open until the team's next change, so a device revoked meanwhile would learn it only then.
 */
export async function checkTeamAccess(): Promise<void> {
  for (const config of await configs()) {
    const entry = syncing.get(config.team);
    if (!entry || entry.state.state === 'error') continue;
    const status = await accessStatus(config.url, config.team);
    if (status !== 401 && status !== 403) continue;
    entry.cancel();
    entry.stopped = true;
    setState(entry, { state: 'error', reason: reasonOf({ status }) });
  }
}

/** How many shared documents a team's local database holds (the server's design document aside). */
async function sharedCount(team: string): Promise<number> {
  const db = openDatabase(teamDbName(team));
  const [info, design] = await Promise.all([db.info(), db.allDocs({ startkey: '_design/', endkey: '_design/\uffff' })]);
  return info.doc_count - design.rows.length;
}

/** Most skipped documents a team's status names (it counts them all). */
const SKIPPED_NAMED = 20;

/** Every joined team with its replication state and the documents the extension leaves out. */
export async function listTeams(): Promise<TeamStatus[]> {
  await resumeTeams();
  return Promise.all(
    (await configs()).map(async (config) => {
      const skipped = await skippedOfTeam(config.team, openDatabase(teamDbName(config.team)));
      return {
        ...config,
        sync: syncing.get(config.team)?.state ?? { state: 'syncing' },
        docs: await sharedCount(config.team),
        device: await deviceNameOf(config.team),
        skipped: { count: skipped.length, first: skipped.slice(0, SKIPPED_NAMED) },
      };
    }),
  );
}

async function answerOf(response: Response): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as { reason?: string; error?: string };
  return body.reason ?? body.error ?? `HTTP ${response.status}`;
}

/**
 * Joins a team: signs in once (the password is used for this request only), takes a device account and starts
 * replicating. Joining a team again (on the same server) replaces this browser's device and keeps its copy.
 */
export async function joinTeam(input: {
  url: string;
  team: string;
  user: string;
  password: string;
}): Promise<TeamStatus[]> {
  const url = checkTeamUrl(input.url);
  const team = input.team.trim();
  const user = input.user.trim();
  if (!isTeamName(team)) throw new Error('A team name is lower-case letters, digits and hyphens.');
  if (!isUserName(user)) throw new Error('That is not a user name the server knows.');
  const before = (await configs()).find((c) => c.team === team);
  if (before && before.url !== url) throw new Error(`This browser is already in the team ${team} on ${before.url}.`);
  let signIn: Response;
  try {
    signIn = await withSession(`${url}/_session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ name: user, password: input.password }),
    });
  } catch {
    throw new Error(`The server at ${url} does not answer (is the address right, and is it running?).`);
  }
  if (signIn.status === 401) throw new Error('The server refused this user name and password.');
  if (!signIn.ok) throw new Error(`The server refused to sign in: ${await answerOf(signIn)}`);
  const db = await withSession(`${url}/${teamDbName(team)}`, { headers: { accept: 'application/json' } });
  if (db.status === 404) throw new Error(`The server has no team ${team}.`);
  if (db.status === 401 || db.status === 403) throw new Error(`${user} is not a member of the team ${team}.`);
  if (!db.ok) throw new Error(`The server did not open the team: ${await answerOf(db)}`);
  if (before) await dropDevice(url, team);
  await takeDevice(url, team);
  const config: TeamConfig = { team, url, user, joined: new Date().toISOString() };
  await saveConfigs([...(await configs()).filter((c) => c.team !== team), config]);
  startSync(config);
  return listTeams();
}

/** Leaves a team: stops replicating, deletes its local database (the private one stays), revokes its device. */
export async function leaveTeam(team: string): Promise<TeamStatus[]> {
  const config = (await configs()).find((c) => c.team === team);
  if (!config) throw new Error(`This browser is not in the team ${team}.`);
  syncing.get(team)?.cancel();
  syncing.delete(team);
  syncChanged();
  forgetTeamCards(team);
  await openDatabase(teamDbName(team)).destroy();
  forgetDatabase(teamDbName(team));
  await saveConfigs((await configs()).filter((c) => c.team !== team));
  await dropDevice(config.url, team);
  // Its cards no longer link.
  onCardsChanged();
  // Signing out ends this device's session on the server (unless another joined team uses it); a server that
  // is gone does not keep us in.
  if (!(await configs()).some((c) => c.url === config.url)) await signOut(config.url);
  return listTeams();
}
