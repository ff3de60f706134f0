import type { Card } from '../../model/card';
import { type CardDoc, toCard } from '../../store/card-docs';
import type { Database } from '../../store/db';

/*
 * The cards of each joined team, read from its local database once per wake-up and then brought up to date
 * from its changes feed: only the documents changed since the last read are read again, whoever wrote them
 * (the replication, a card or a pack shared from here). At 10,000 cards, reading every document again for
 * each replicated batch or each teammate's edit took seconds. The changed documents are read from the
 * database, as their winning revision, so that a losing revision of a conflict never shows.
 */

/** A card of a team and who shared it (`createdBy`, checked by the server), null when the document does not say. */
export interface TeamCard {
  card: Card;
  createdBy: string | null;
}

interface Index {
  /** Card document id → the card (documents that are not valid cards are left out). */
  cards: Map<string, TeamCard>;
  /** The database's update sequence the cards are read up to. */
  seq: number | string;
}

/** Per team: the index, behind the queue of its updates (one at a time, so that none lands out of order). */
const indexes = new Map<string, { db: Database; ready: Promise<Index> }>();

function cardOf(doc: unknown): TeamCard | null {
  const card = toCard(doc as CardDoc | undefined);
  if (!card) return null;
  const { createdBy } = doc as { createdBy?: unknown };
  return { card, createdBy: typeof createdBy === 'string' ? createdBy : null };
}

async function load(db: Database): Promise<Index> {
  // The sequence first: a document written while the cards are read is read again with the next changes.
  const { update_seq: seq } = await db.info();
  const all = await db.allDocs({ include_docs: true, startkey: 'card:', endkey: 'card:\uffff' });
  const cards = new Map<string, TeamCard>();
  for (const row of all.rows) {
    const card = cardOf(row.doc);
    if (card) cards.set(row.id, card);
  }
  return { cards, seq };
}

async function catchUp(db: Database, index: Index): Promise<Index> {
  const changes = await db.changes({ since: index.seq });
  const ids = [...new Set(changes.results.map((c) => c.id).filter((id) => id.startsWith('card:')))];
  if (ids.length > 0) {
    // Current winners; a deleted document comes back without one.
    const got = await db.allDocs({ include_docs: true, keys: ids });
    for (const row of got.rows) {
      const card = 'doc' in row ? cardOf(row.doc) : null;
      if (card) index.cards.set(row.key, card);
      else index.cards.delete(row.key);
    }
  }
  index.seq = changes.last_seq;
  return index;
}

/**
 * A team's valid cards as its local database holds them now, and the update sequence they were read at (it
 * changes with them).
 */
export async function cardsOfTeam(team: string, db: Database): Promise<{ seq: number | string; cards: TeamCard[] }> {
  const current = indexes.get(team);
  const previous = current && current.db === db ? current.ready : null;
  const ready = previous ? previous.then((index) => catchUp(db, index)) : load(db);
  const entry = { db, ready };
  indexes.set(team, entry);
  try {
    const index = await ready;
    return { seq: index.seq, cards: [...index.cards.values()] };
  } catch (error) {
    // Read everything again next time.
    if (indexes.get(team) === entry) indexes.delete(team);
    throw error;
  }
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
