import * as v from 'valibot';
import type { ListedCase } from '../../messaging/cases';
import { type Case, CaseSchema, newCaseId } from '../../model/case';
import { sharedDocProblem } from '../../model/team-docs';
import { CaseStore } from '../../store/cases';
import { openDatabase } from '../../store/db';
import { teamDbName } from '../../team/names';
import { joinedTeams } from '../team/teams';

/*
 * The cases: the user's own (in their store) and those teammates shared (in the teams' databases, read-only but
 * for the custody entries each member appends), and the current case, which clipping files into.
 */

const cases = new CaseStore();

/** The user's own cases. */
export function caseStore(): CaseStore {
  return cases;
}

/** The cases teammates shared in the joined teams (the user's own copies left out), each checked whole. */
async function teammatesCases(): Promise<Case[]> {
  const found: Case[] = [];
  for (const config of await joinedTeams()) {
    const all = await openDatabase(teamDbName(config.team)).allDocs({
      include_docs: true,
      startkey: 'case:',
      endkey: 'case:\uffff',
    });
    for (const row of all.rows) {
      const doc = row.doc as unknown as Record<string, unknown> | undefined;
      if (!doc || sharedDocProblem(doc) || doc.createdBy === config.user) continue;
      const { _id, _rev, type, schema, updatedBy, ...fields } = doc;
      const parsed = v.safeParse(CaseSchema, { ...fields, team: config.team });
      if (parsed.success) found.push(parsed.output);
    }
  }
  return found;
}

/** A case by its id: the user's own, or one a teammate shared; null when there is none. */
export async function findCase(caseId: string): Promise<Case | null> {
  return (await cases.get(caseId)) ?? (await teammatesCases()).find((c) => c.caseId === caseId) ?? null;
}

/** Every case this browser knows: the user's own first, open ones before closed ones. */
export async function listCases(): Promise<ListedCase[]> {
  const own = await cases.list();
  const ids = new Set(own.map((c) => c.caseId));
  const theirs = (await teammatesCases()).filter((c) => !ids.has(c.caseId));
  return [...own.map((c) => ({ ...c, mine: true })), ...theirs.map((c) => ({ ...c, mine: false }))];
}

/** A new case of the user's, open. */
export async function createCase(
  name: string,
  description: string,
  evidenceAlways = false,
  now = new Date().toISOString(),
): Promise<Case> {
  return cases.create({
    caseId: newCaseId(),
    name,
    description,
    status: 'open',
    created: now,
    updated: now,
    createdBy: 'local',
    evidenceAlways,
  });
}

/** The user's own case, or an error naming why it may not be changed here. */
export async function ownCase(caseId: string): Promise<Case> {
  const found = await cases.get(caseId);
  if (found) return found;
  const theirs = await findCase(caseId);
  if (theirs) throw new Error(`Only ${theirs.createdBy} may change the case “${theirs.name}”.`);
  throw new Error('This case no longer exists.');
}

const CURRENT_KEY = 'currentCase';

/** The current case (clips are filed into it), or null: a case that is gone or closed is no longer current. */
export async function currentCase(): Promise<Case | null> {
  const got = await chrome.storage.local.get(CURRENT_KEY);
  const caseId = got[CURRENT_KEY];
  if (typeof caseId !== 'string') return null;
  const found = await findCase(caseId);
  return found && found.status === 'open' ? found : null;
}

/** Makes a case current (an open one), or none (null). */
export async function setCurrentCase(caseId: string | null): Promise<Case | null> {
  if (caseId === null) {
    await chrome.storage.local.remove(CURRENT_KEY);
    return null;
  }
  const found = await findCase(caseId);
  if (!found) throw new Error('This case no longer exists.');
  if (found.status !== 'open') throw new Error(`The case “${found.name}” is closed: reopen it first.`);
  await chrome.storage.local.set({ [CURRENT_KEY]: caseId });
  return found;
}

/** A case closed is current no more. */
export async function forgetCurrent(caseId: string): Promise<void> {
  const got = await chrome.storage.local.get(CURRENT_KEY);
  if (got[CURRENT_KEY] === caseId) await chrome.storage.local.remove(CURRENT_KEY);
}
