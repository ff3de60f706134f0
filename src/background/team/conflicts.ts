import type { Card } from '../../model/card';
import type { CardConflict, CardVersion, ConflictMark } from '../../model/card-conflict';
import { type CardDoc, cardDocId, toCard } from '../../store/card-docs';
import { type Database, isNotFound, writing } from '../../store/db';

/*
 * Conflicts in a team's database. Two members who edit the same card while apart each write a revision; when
 * they sync, CouchDB (and PouchDB, by the same rule) keeps both as leaves and picks the same winner everywhere.
 * The losing leaves stay (`_conflicts`) until a member resolves them: the version they keep is written on the
 * winner and the losing leaves are deleted, and that replicates like any edit. A deleted leaf never wins over
 * an edited one, so an edit beats a concurrent delete; such a deleted leaf is no conflict to resolve.
 * https://docs.couchdb.org/en/stable/replication/conflicts.html
 */

/** A card document of a team's database, with its authors and, when read with `conflicts`, its losing leaves. */
export type TeamCardDoc = CardDoc & { createdBy?: string; updatedBy?: string; _conflicts?: string[] };

/** A revision's generation and hash, for ordering: CouchDB's order, the higher generation first. */
function byRevision(a: string, b: string): number {
  const [ga = 0, ha = ''] = [Number.parseInt(a, 10), a.slice(a.indexOf('-') + 1)];
  const [gb = 0, hb = ''] = [Number.parseInt(b, 10), b.slice(b.indexOf('-') + 1)];
  return gb - ga || (hb > ha ? 1 : hb < ha ? -1 : 0);
}

/** The team document written with `card` as its content, by `user` now: who shared it first stays. */
export function withCard(before: TeamCardDoc, card: Card, user: string): TeamCardDoc {
  const { _conflicts, context: _context, ...kept } = before;
  const { id: _id, context, ...fields } = card;
  return {
    ...kept,
    ...fields,
    ...(context ? { context } : {}),
    updated: new Date().toISOString(),
    updatedBy: user,
  };
}

/** A card document and its losing leaves, or null when the database does not hold it. */
async function readWithConflicts(db: Database, cardId: string): Promise<TeamCardDoc | null> {
  try {
    return (await db.get(cardDocId(cardId), { conflicts: true })) as TeamCardDoc;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

function versionOf(doc: TeamCardDoc): CardVersion {
  return {
    rev: doc._rev ?? '',
    card: toCard(doc),
    updatedBy: typeof doc.updatedBy === 'string' ? doc.updatedBy : null,
    updated: typeof doc.updated === 'string' ? doc.updated : null,
  };
}

/** A card's versions in conflict in a team's database, the winner first; null when it has no conflict. */
export async function cardConflict(db: Database, team: string, cardId: string): Promise<CardConflict | null> {
  const winner = await readWithConflicts(db, cardId);
  const losing = [...(winner?._conflicts ?? [])].sort(byRevision);
  if (!winner || losing.length === 0) return null;
  const others = await Promise.all(losing.map((rev) => db.get(cardDocId(cardId), { rev }) as Promise<TeamCardDoc>));
  return { team, cardId, versions: [winner, ...others].map(versionOf) };
}

/** The cards in conflict in each database, by document id, and the update sequence they were read up to. */
const marksRead = new WeakMap<Database, { since: string | number; marks: Map<string, ConflictMark> }>();

/**
 * The cards in conflict in a team's database. The first call reads every card; later ones read only the
 * documents changed since (the changes feed), so that a list asking every few seconds costs next to nothing.
 */
export async function conflictMarks(db: Database, team: string): Promise<ConflictMark[]> {
  const read = marksRead.get(db) ?? { since: 0, marks: new Map<string, ConflictMark>() };
  const changes = await db.changes({ since: read.since, include_docs: true, conflicts: true });
  for (const change of changes.results) {
    if (!change.id.startsWith('card:')) continue;
    const doc = change.doc as TeamCardDoc | undefined;
    if (!change.deleted && doc?._conflicts?.length && typeof doc.cardId === 'string') {
      read.marks.set(change.id, { team, cardId: doc.cardId, versions: doc._conflicts.length + 1 });
    } else read.marks.delete(change.id);
  }
  read.since = changes.last_seq;
  marksRead.set(db, read);
  return [...read.marks.values()];
}

/**
 * Resolves a card's conflict: `card` (one version kept whole, or a merge) is written on the winning revision by
 * `user`, then the losing leaves are deleted. `seen` lists the revisions the user compared: when another
 * version arrived since (or someone resolved it first), nothing is written and the user is asked to look again,
 * so that no version is dropped unseen.
 */
export async function resolveConflict(
  db: Database,
  user: string,
  cardId: string,
  seen: readonly string[],
  card: Card,
): Promise<Card> {
  if (card.id !== cardId) throw new Error(`The version to keep is of another card (${card.id}).`);
  const winner = await readWithConflicts(db, cardId);
  if (!winner?._rev) throw new Error('This card is no longer shared in the team.');
  const losing = winner._conflicts ?? [];
  if (losing.length === 0) throw new Error('This card is no longer in conflict: someone resolved it.');
  if ([winner._rev, ...losing].some((rev) => !seen.includes(rev))) {
    throw new Error('Another version of this card arrived meanwhile: compare the versions again.');
  }
  // One write (one IndexedDB transaction), so that the kept version and the deletions replicate together.
  const written = await writing(() =>
    db.bulkDocs([
      withCard(winner, card, user),
      ...losing.map((rev) => ({ _id: cardDocId(cardId), _rev: rev, _deleted: true }) as never),
    ]),
  );
  const failed = written.find((result) => 'error' in result && result.error);
  if (failed) throw new Error(`The conflict could not be resolved: ${(failed as { message?: string }).message}`);
  return card;
}

/**
 * Deletes a card from a team's database (the delete replicates to every member); returns what it held, or null
 * when it held no such card. A card in conflict is resolved first: removing it must not drop a version unseen.
 */
export async function removeCard(db: Database, cardId: string): Promise<TeamCardDoc | null> {
  const doc = await readWithConflicts(db, cardId);
  if (!doc?._rev) return null;
  if (doc._conflicts?.length) throw new Error('This card has versions in conflict: resolve them before removing it.');
  await writing(() => db.remove(cardDocId(cardId), doc._rev as string));
  return doc;
}
