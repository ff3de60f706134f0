import type { Annotation } from '../../model/annotation';
import type { Card } from '../../model/card';
import { type Case, sharedCaseId } from '../../model/case';
import { type Clip, clipIdOf } from '../../model/clip';
import type { Pack } from '../../model/pack';
import type { SignalHitRecord } from '../../model/signal-hit';
import type { TeamActivity, TeamConfig } from '../../model/team';
import {
  activityOf,
  type SharedDoc,
  sharedAnnotationId,
  sharedClipId,
  sharedDocProblem,
  sharedSignalId,
  validAnnotation,
} from '../../model/team-docs';
import { cardDocId } from '../../store/card-docs';
import { isNotFound, openDatabase, STORE_SCHEMA } from '../../store/db';
import { teamDbName } from '../../team/names';
import { joinedTeams } from './teams';

/*
 * Sharing by choice: a pack, a clip or a page's highlights and notes is private until the user shares it with
 * a team; sharing writes a copy into the team's local database, from where it replicates. Every shared
 * document names who shared it (createdBy, kept) and who changed it last (updatedBy): the server checks both,
 * and keeps a clip's and an annotation's changes to their author. Teammates' annotations come back to the
 * pages they were made on, with their author.
 */

/** What sharing writes; the schema and the names are added on writing. */
interface NewShared {
  _id: string;
  type: SharedDoc['type'];
  [field: string]: unknown;
}

async function teamConfig(team: string): Promise<TeamConfig> {
  const config = (await joinedTeams()).find((c) => c.team === team);
  if (!config) throw new Error(`This browser is not in the team ${team}.`);
  return config;
}

const teamDb = (team: string) => openDatabase(teamDbName(team));

/**
 * Writes documents into a team's database in one bulk write: each keeps who shared it first, names this
 * device's user as its last writer, and updates the team's copy when there is one. Refuses, before writing
 * anything, to change a clip or annotation someone else wrote.
 */
async function writeShared(team: string, docs: ReadonlyArray<NewShared>): Promise<number> {
  const config = await teamConfig(team);
  const db = teamDb(team);
  const existing = await db.allDocs({ keys: docs.map((d) => d._id), include_docs: true });
  const writes: SharedDoc[] = docs.map((doc, i) => {
    const before = (existing.rows[i] as { doc?: SharedDoc | null } | undefined)?.doc ?? null;
    if (before && doc.type !== 'card' && doc.type !== 'pack' && before.createdBy !== config.user) {
      throw new Error(`Only ${before.createdBy} may change their ${doc.type} in the team ${team}.`);
    }
    return {
      ...doc,
      ...(before?._rev ? { _rev: before._rev } : {}),
      schema: STORE_SCHEMA,
      createdBy: before?.createdBy ?? config.user,
      updatedBy: config.user,
    };
  });
  const results = await db.bulkDocs(writes as never[]);
  const failed = results.find((r) => 'error' in r && r.error) as { message?: string; reason?: string } | undefined;
  if (failed) throw new Error(`Could not share with ${team}: ${failed.reason ?? failed.message}`);
  return writes.length;
}

/** A card as a team's document (its own card id, the team as its pack, no local bookkeeping). */
function cardDoc(card: Card, team: string, now: string): NewShared {
  const { id, context, ...fields } = card;
  return {
    ...fields,
    ...(context ? { context } : {}),
    _id: cardDocId(id),
    type: 'card',
    cardId: id,
    pack: `team:${team}`,
    edited: false,
    trashed: null,
    updated: now,
  };
}

/** Shares a pack with a team: its record and every one of its cards, in one write. */
export async function sharePack(team: string, pack: Pack): Promise<{ team: string; cards: number }> {
  const now = new Date().toISOString();
  const record = {
    _id: `pack:${pack.id}`,
    type: 'pack' as const,
    packId: pack.id,
    name: pack.name,
    version: pack.version,
    description: pack.description ?? '',
    enabled: true,
    builtIn: false,
    cardIds: pack.cards.map((c) => c.id),
    updated: now,
  };
  await writeShared(team, [...pack.cards.map((card) => cardDoc(card, team, now)), record]);
  return { team, cards: pack.cards.length };
}

/** Shares a clip (the article, its mentions, tags and note) with a team. */
export async function shareClip(team: string, clip: Clip): Promise<{ team: string; clipId: string }> {
  const config = await teamConfig(team);
  const { clipId, ...fields } = clip;
  // A PDF's file stays in this store: the team's copy has its hash and size, not the file.
  const { kept, ...pdf } = clip.pdf ?? { kept: false };
  const shared = clip.pdf ? { ...fields, pdf } : fields;
  await writeShared(team, [{ ...shared, _id: sharedClipId(clipId, config.user), type: 'clip', clipId, trashed: null }]);
  return { team, clipId };
}

/**
 * Writes a case's record into a team's database (the team's copy of it, `case:<caseId>:<user>`), with the clips
 * given (each filed in the case); again after every change the user makes to it.
 */
export async function shareCase(team: string, found: Case, clips: readonly Clip[] = []): Promise<number> {
  const config = await teamConfig(team);
  const { team: _team, createdBy: _createdBy, ...fields } = found;
  const clipDocs = clips.map(({ clipId, ...rest }) => ({
    ...rest,
    _id: sharedClipId(clipId, config.user),
    type: 'clip' as const,
    clipId,
    trashed: null,
  }));
  return writeShared(team, [{ ...fields, _id: sharedCaseId(found.caseId, config.user), type: 'case' }, ...clipDocs]);
}

/**
 * Shares one watch-signal hit (the page, the signal and its sentence) with a team: the user's choice, hit by hit;
 * nothing else of what they read goes with it.
 */
export async function shareSignalHit(team: string, hit: SignalHitRecord): Promise<{ team: string; hitId: string }> {
  const config = await teamConfig(team);
  const doc = { ...hit, _id: sharedSignalId(hit.hitId, config.user), type: 'signal' as const, updated: hit.time };
  await writeShared(team, [doc]);
  return { team, hitId: hit.hitId };
}

/** An annotation as a team's document (the author is the document's, not the annotation's). */
function annotationDoc(annotation: Annotation, user: string): NewShared {
  const { creator, ...own } = annotation;
  return { _id: sharedAnnotationId(annotation, user), type: 'annotation', annotation: own };
}

/** Shares a page's highlights and notes with a team; later changes to them follow (see `followAnnotation`). */
export async function shareAnnotations(team: string, annotations: readonly Annotation[]): Promise<number> {
  if (annotations.length === 0) throw new Error('This page has no highlights or notes to share.');
  const { user } = await teamConfig(team);
  return writeShared(
    team,
    annotations.map((annotation) => annotationDoc(annotation, user)),
  );
}

/**
 * The user changed or deleted one of their annotations: the teams it was shared in get the change too (an
 * annotation never shared stays private). `removed` deletes the teams' copies.
 */
export async function followAnnotation(
  annotation: Annotation | Pick<Annotation, 'id' | 'target'>,
  removed = false,
): Promise<void> {
  for (const config of await joinedTeams()) {
    const _id = sharedAnnotationId(annotation, config.user);
    const db = teamDb(config.team);
    let before: SharedDoc;
    try {
      before = (await db.get(_id)) as unknown as SharedDoc;
    } catch (error) {
      if (isNotFound(error)) continue;
      throw error;
    }
    if (before.createdBy !== config.user) continue;
    if (removed) await db.remove(_id, before._rev as string);
    else if ('body' in annotation) await writeShared(config.team, [annotationDoc(annotation, config.user)]);
  }
}

/** Which teams a page's annotations are shared in (any of them). */
export async function annotationTeams(annotations: readonly Annotation[]): Promise<string[]> {
  if (annotations.length === 0) return [];
  const teams: string[] = [];
  for (const config of await joinedTeams()) {
    const keys = annotations.map((annotation) => sharedAnnotationId(annotation, config.user));
    const found = await teamDb(config.team).allDocs({ keys });
    if (found.rows.some((row) => 'value' in row && row.value && !(row.value as { deleted?: boolean }).deleted)) {
      teams.push(config.team);
    }
  }
  return teams;
}

/** The highlights and notes teammates shared on a page (the user's own left out), each naming its author. */
export async function teammatesAnnotations(source: string): Promise<Annotation[]> {
  const prefix = `anno:${clipIdOf(source)}:`;
  const seen = new Set<string>();
  const found: Annotation[] = [];
  for (const config of await joinedTeams()) {
    const all = await teamDb(config.team).allDocs({ include_docs: true, startkey: prefix, endkey: `${prefix}\uffff` });
    for (const row of all.rows) {
      const doc = row.doc as unknown as SharedDoc | undefined;
      // Checked whole, as the team's status lists it: a document that fails is never painted.
      if (!doc || sharedDocProblem(doc)) continue;
      const annotation = validAnnotation(doc.annotation);
      if (!annotation || annotation.target.source !== source) continue;
      if (doc.createdBy === config.user || typeof doc.createdBy !== 'string' || seen.has(annotation.id)) continue;
      seen.add(annotation.id);
      found.push({ ...annotation, creator: { type: 'Person', name: doc.createdBy, team: config.team } });
    }
  }
  return found;
}

/** The latest changes in the joined teams, newest first: who shared or changed what, and when. */
export async function teamActivity(limit = 50): Promise<TeamActivity[]> {
  const items: TeamActivity[] = [];
  for (const config of await joinedTeams()) {
    const db = teamDb(config.team);
    const changes = await db.changes({ descending: true, limit, include_docs: true });
    for (const change of changes.results) {
      // A document that fails the extension's checks is listed as skipped (the team's status), never here.
      if (!change.doc || (!change.doc._deleted && sharedDocProblem(change.doc))) continue;
      const item = activityOf(change.doc as unknown as SharedDoc, config.team, config.user);
      if (item) items.push(item);
    }
  }
  return items.sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
}
