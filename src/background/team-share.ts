import type { Annotation } from '../model/annotation';
import type { Card } from '../model/card';
import { type Clip, clipIdOf } from '../model/clip';
import type { Pack } from '../model/pack';
import type { TeamActivity, TeamConfig } from '../model/team';
import { cardDocId } from '../store/card-docs';
import { isNotFound, openDatabase, STORE_SCHEMA } from '../store/db';
import { teamDbName } from '../team/names';
import { joinedTeams } from './teams';

/*
 * Sharing by choice: a pack, a clip or a page's highlights and notes is private until the user shares it with
 * a team; sharing writes a copy into the team's local database, from where it replicates. Every shared
 * document names who shared it (createdBy, kept) and who changed it last (updatedBy): the server checks both,
 * and keeps a clip's and an annotation's changes to their author. Teammates' annotations come back to the
 * pages they were made on, with their author.
 */

/** A document of a team's database as this code writes it (the server's schema: team/validate-doc-update.ts). */
interface SharedDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  type: 'card' | 'pack' | 'clip' | 'annotation';
  schema: number;
  createdBy: string;
  updatedBy: string;
  [field: string]: unknown;
}

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

/** A team's copy of a clip: one per clip and author (two teammates may clip the same article). */
export const sharedClipId = (clipId: string, user: string) => `clip:${clipId}:${user}`;
/** A team's copy of an annotation: the same id as in the user's store. */
export const sharedAnnotationId = (annotation: Pick<Annotation, 'id' | 'target'>) =>
  `anno:${clipIdOf(annotation.target.source)}:${annotation.id.slice('urn:uuid:'.length)}`;

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
    if (before && (doc.type === 'clip' || doc.type === 'annotation') && before.createdBy !== config.user) {
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
  await writeShared(team, [{ ...fields, _id: sharedClipId(clipId, config.user), type: 'clip', clipId, trashed: null }]);
  return { team, clipId };
}

/** An annotation as a team's document (the author is the document's, not the annotation's). */
function annotationDoc(annotation: Annotation): NewShared {
  const { creator, ...own } = annotation;
  return { _id: sharedAnnotationId(annotation), type: 'annotation', annotation: own };
}

/** Shares a page's highlights and notes with a team; later changes to them follow (see `followAnnotation`). */
export async function shareAnnotations(team: string, annotations: readonly Annotation[]): Promise<number> {
  if (annotations.length === 0) throw new Error('This page has no highlights or notes to share.');
  return writeShared(team, annotations.map(annotationDoc));
}

/**
 * The user changed or deleted one of their annotations: the teams it was shared in get the change too (an
 * annotation never shared stays private). `removed` deletes the teams' copies.
 */
export async function followAnnotation(
  annotation: Annotation | Pick<Annotation, 'id' | 'target'>,
  removed = false,
): Promise<void> {
  const _id = sharedAnnotationId(annotation);
  for (const config of await joinedTeams()) {
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
    else if ('body' in annotation) await writeShared(config.team, [annotationDoc(annotation)]);
  }
}

/** Which teams a page's annotations are shared in (any of them). */
export async function annotationTeams(annotations: readonly Annotation[]): Promise<string[]> {
  if (annotations.length === 0) return [];
  const keys = annotations.map(sharedAnnotationId);
  const teams: string[] = [];
  for (const config of await joinedTeams()) {
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
      const annotation = doc && validAnnotation(doc.annotation);
      if (!doc || !annotation || annotation.target.source !== source) continue;
      if (doc.createdBy === config.user || typeof doc.createdBy !== 'string' || seen.has(annotation.id)) continue;
      seen.add(annotation.id);
      found.push({ ...annotation, creator: { type: 'Person', name: doc.createdBy, team: config.team } });
    }
  }
  return found;
}

/** An annotation from a team's database when it has the shape this code reads, else null (never shown). */
function validAnnotation(value: unknown): Annotation | null {
  const a = value as Annotation | null;
  if (!a || typeof a !== 'object' || typeof a.id !== 'string' || typeof a.modified !== 'string') return null;
  if (!Array.isArray(a.body) || !a.target || typeof a.target.source !== 'string') return null;
  const [quote, position] = Array.isArray(a.target.selector) ? a.target.selector : [];
  if (quote?.type !== 'TextQuoteSelector' || typeof quote.exact !== 'string' || !quote.exact) return null;
  if (position?.type !== 'TextPositionSelector' || typeof position.start !== 'number') return null;
  const body = a.body.filter((b) => typeof b?.value === 'string');
  return { ...a, body };
}

/** What a team document is about, in a few words (the card's name, the clip's title, the quote…). */
function subjectOf(doc: SharedDoc): { kind: TeamActivity['kind']; title: string; ref: string } | null {
  const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 200) : '');
  switch (doc.type) {
    case 'card':
      return { kind: 'card', title: text(doc.name), ref: text(doc.cardId) };
    case 'pack':
      return { kind: 'pack', title: text(doc.name), ref: text(doc.packId) };
    case 'clip':
      return { kind: 'clip', title: text(doc.title) || text(doc.url), ref: text(doc.url) };
    case 'annotation': {
      const annotation = validAnnotation(doc.annotation);
      if (!annotation) return null;
      return {
        kind: 'annotation',
        title: annotation.target.selector[0].exact.slice(0, 200),
        ref: annotation.target.source,
      };
    }
    default:
      return null;
  }
}

/** When a team document last changed, as it says (ISO), or ''. */
function changedAt(doc: SharedDoc): string {
  const value =
    doc.type === 'annotation' ? (doc.annotation as { modified?: unknown } | undefined)?.modified : doc.updated;
  return typeof value === 'string' ? value : '';
}

/** The latest changes in the joined teams, newest first: who shared or changed what, and when. */
export async function teamActivity(limit = 50): Promise<TeamActivity[]> {
  const items: TeamActivity[] = [];
  for (const config of await joinedTeams()) {
    const db = teamDb(config.team);
    const changes = await db.changes({ descending: true, limit, include_docs: true });
    for (const change of changes.results) {
      const doc = change.doc as unknown as SharedDoc | undefined;
      if (!doc || change.deleted || change.id.startsWith('_design/')) continue;
      const subject = subjectOf(doc);
      if (!subject || typeof doc.updatedBy !== 'string' || typeof doc.createdBy !== 'string') continue;
      items.push({
        team: config.team,
        ...subject,
        by: doc.updatedBy,
        createdBy: doc.createdBy,
        at: changedAt(doc),
        action: typeof doc._rev === 'string' && doc._rev.startsWith('1-') ? 'shared' : 'changed',
        mine: doc.updatedBy === config.user,
      });
    }
  }
  return items.sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
}
