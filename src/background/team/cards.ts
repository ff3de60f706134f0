import type { Card } from '../../model/card';
import { type SkippedDoc, sharedDocProblem } from '../../model/team-docs';
import { type CardDoc, toCard } from '../../store/card-docs';
import type { Database } from '../../store/db';

/*
 * The documents of each joined team, read from its local database once per wake-up and then brought up to date
 * from its changes feed: only the documents changed since the last read are read again, whoever wrote them
 * (the replication, a card or a pack shared from here). At 10,000 cards, reading every document again for
 * each replicated batch or each teammate's edit took seconds. The changed documents are read from the
 * database, as their winning revision, so that a losing revision of a conflict never shows.
 *
 * Every document is checked as it is read (model/team-docs.ts: schema, card limits, page addresses): one that
 * fails is kept aside as skipped, with its reason, so that it is listed, and never compiled, painted or shown.
 */

/** A card of a team and who shared it (`createdBy`, checked by the server), null when the document does not say. */
export interface TeamCard {
  card: Card;
  createdBy: string | null;
}

interface Index {
  /** Card document id → the card (documents that fail the checks are left out). */
  cards: Map<string, TeamCard>;
  /** Document id → why it was left out. */
  skipped: Map<string, string>;
  /** The database's update sequence the documents are read up to. */
  seq: number | string;
}

/** Per team: the index, behind the queue of its updates (one at a time, so that none lands out of order). */
const indexes = new Map<string, { db: Database; ready: Promise<Index> }>();

/** Files one document (its current winner, or none when it was deleted) in the index. */
function file(index: Index, id: string, doc: unknown): void {
  index.cards.delete(id);
  index.skipped.delete(id);
  if (!doc || id.startsWith('_design/') || (doc as { _deleted?: boolean })._deleted) return;
  const problem = sharedDocProblem(doc);
  if (problem) {
    index.skipped.set(id, problem);
    return;
  }
  if (!id.startsWith('card:')) return;
  const card = toCard(doc as CardDoc);
  if (!card) {
    index.skipped.set(id, 'is not a readable card');
    return;
  }
  const { createdBy } = doc as { createdBy?: unknown };
  index.cards.set(id, { card, createdBy: typeof createdBy === 'string' ? createdBy : null });
}

async function load(db: Database): Promise<Index> {
  // The sequence first: a document written while the documents are read is read again with the next changes.
  const { update_seq: seq } = await db.info();
  const index: Index = { cards: new Map(), skipped: new Map(), seq };
  const all = await db.allDocs({ include_docs: true });
  for (const row of all.rows) file(index, row.id, row.doc);
  return index;
}

async function catchUp(db: Database, index: Index): Promise<Index> {
  const changes = await db.changes({ since: index.seq });
  const ids = [...new Set(changes.results.map((c) => c.id).filter((id) => !id.startsWith('_design/')))];
  if (ids.length > 0) {
    // Current winners; a deleted document comes back without one.
    const got = await db.allDocs({ include_docs: true, keys: ids });
    for (const row of got.rows) file(index, row.key, 'doc' in row ? row.doc : null);
  }
  index.seq = changes.last_seq;
  return index;
}

/** A team's index as its local database holds it now. */
async function indexOf(team: string, db: Database): Promise<Index> {
  const current = indexes.get(team);
  const previous = current && current.db === db ? current.ready : null;
  const ready = previous ? previous.then((index) => catchUp(db, index)) : load(db);
  const entry = { db, ready };
  indexes.set(team, entry);
  try {
    return await ready;
  } catch (error) {
    // Read everything again next time.
    if (indexes.get(team) === entry) indexes.delete(team);
    throw error;
  }
}

/**
 * A team's valid cards as its local database holds them now, and the update sequence they were read at (it
 * changes with them).
 */
export async function cardsOfTeam(team: string, db: Database): Promise<{ seq: number | string; cards: TeamCard[] }> {
  const index = await indexOf(team, db);
  return { seq: index.seq, cards: [...index.cards.values()] };
}

/** The documents of a team the extension leaves out, and why, in id order. */
export async function skippedOfTeam(team: string, db: Database): Promise<SkippedDoc[]> {
  const index = await indexOf(team, db);
  return [...index.skipped].map(([id, reason]) => ({ id, reason })).sort((a, b) => a.id.localeCompare(b.id));
}

/** Forgets a team's cards (it was left). */
export function forgetTeamCards(team: string): void {
  indexes.delete(team);
}

/**
 * Tells of pulled cards: at once when it last told more than `ms` ago, else once `ms` after that (a first sync
 * writing batch after batch recompiles the dictionary every `ms`, not per batch), and at once when the
 * replication has caught up (`flush`): a teammate's edit arriving alone is told without waiting.
 */
export function coalesce(run: () => void, ms: number): { changed(): void; flush(): void } {
  let last = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const tell = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    last = Date.now();
    run();
  };
  return {
    changed() {
      if (timer) return;
      const wait = last + ms - Date.now();
      if (wait <= 0) tell();
      else timer = setTimeout(tell, wait);
    },
    flush() {
      if (timer) tell();
    },
  };
}
