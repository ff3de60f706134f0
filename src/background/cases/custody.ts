import { type ChainProblem, type CustodyEntry, type CustodyEvent, chainKey, nextEntry } from '../../model/custody';
import { CustodyStore } from '../../store/custody';
import { joinedTeams } from '../team/teams';
import { findCase } from './cases';
import { databaseOf, identityOf } from './identity';

/*
 * The custody log's one writer. Appends are queued per chain (case, user, device), so that two events at once
 * never take the same place in a chain: each reads the chain's last entry only once the one before is written.
 */

const queues = new Map<string, Promise<unknown>>();

/** Runs `work` after every earlier work of the same chain, whether that succeeded or not. */
function queued<T>(key: string, work: () => Promise<T>): Promise<T> {
  const before = queues.get(key) ?? Promise.resolve();
  const run = before.then(work, work);
  const settled = run.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return run;
}

/**
 * Appends an event on one of a case's items to the case's log, with the time (UTC), user and device; for a
 * case shared with a team, into the team's database as the team's user. Refuses a case that does not exist.
 */
export async function appendCustody(
  caseId: string,
  event: CustodyEvent,
  item: string,
  detail: Record<string, string> = {},
): Promise<CustodyEntry> {
  const found = await findCase(caseId);
  if (!found) throw new Error(`There is no case ${caseId.slice(0, 40)}.`);
  const who = await identityOf(found);
  const store = new CustodyStore(databaseOf(who.team), who.team !== null);
  return queued(chainKey({ caseId, user: who.user, device: who.device }), async () => {
    const last = await store.last(caseId, who.user, who.device);
    const entry = await nextEntry(last, { caseId, user: who.user, device: who.device, event, item, detail });
    return store.append(entry);
  });
}

/**
 * Every entry of a case's log this browser holds: the user's own (kept in their store while the case was not
 * shared) and every member's in the teams' databases. Oldest first.
 */
export async function custodyLog(caseId: string): Promise<CustodyEntry[]> {
  const entries = await new CustodyStore(databaseOf(null)).list(caseId);
  for (const config of await joinedTeams())
    entries.push(...(await new CustodyStore(databaseOf(config.team)).list(caseId)));
  // Nothing is merged away: an entry that appears twice is one verifyChains must see.
  return entries.sort((a, b) => a.at.localeCompare(b.at) || a.user.localeCompare(b.user) || a.seq - b.seq);
}

/** The problems of a case's log besides its chains' own: each entry that has a second version. */
export async function custodyForks(caseId: string): Promise<ChainProblem[]> {
  const stores = [new CustodyStore(databaseOf(null))];
  for (const config of await joinedTeams()) stores.push(new CustodyStore(databaseOf(config.team)));
  const forked = (await Promise.all(stores.map((store) => store.forks(caseId)))).flat();
  return forked.map((entry) => ({
    caseId,
    user: entry.user,
    device: entry.device,
    seq: entry.seq,
    problem: `entry ${entry.seq} has more than one version (it was written over)`,
  }));
}
