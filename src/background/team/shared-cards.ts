import * as v from 'valibot';
import { type Card, CardSchema } from '../../model/card';
import { sharedDocProblem } from '../../model/team-docs';
import { cardDocId, toCard } from '../../store/card-docs';
import { type Database, isConflict, isNotFound, openDatabase, writing } from '../../store/db';
import { teamDbName } from '../../team/names';
import type { Library } from '../library';
import { removeCard, type TeamCardDoc, withCard } from './conflicts';
import { configs } from './teams';

/*
 * Where a shared card is read and edited. Sharing copies a card into a team's database, where every member
 * co-edits it. The rule, one for reading and writing alike:
 *
 * - a card the user shared (the team's copy says they created it) is the team's copy: their own stays in their
 *   library underneath, untouched, and what they and their teammates change is the team's;
 * - else the user's own card, when they have one of this id (a teammate's card never replaces it);
 * - else the team's copy (a card a teammate shared).
 *
 * Editing the team's copy writes it into the team's database with the user as `updatedBy`, and it replicates.
 * Removing a card from a team deletes it there for every member; when the user shared it and still has their
 * own, that own card takes the team's last version first, so that nothing they saw is lost.
 */

/** A card's copy in one joined team. */
interface TeamCopy {
  team: string;
  user: string;
  db: Database;
  doc: TeamCardDoc;
  card: Card;
}

/** A card's readable copies in the joined teams, in the order the teams were joined. */
async function teamCopies(cardId: string): Promise<TeamCopy[]> {
  const copies: TeamCopy[] = [];
  for (const config of await configs()) {
    const db = openDatabase(teamDbName(config.team));
    try {
      const doc = (await db.get(cardDocId(cardId))) as TeamCardDoc;
      // A copy that fails the extension's checks is never read (the team's status lists it as skipped).
      const card = sharedDocProblem(doc) ? null : toCard(doc);
      if (card) copies.push({ team: config.team, user: config.user, db, doc, card });
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  return copies;
}

/** The team copy that is the card for this user (see the rule above), or null when it is their own card's. */
async function homeCopy(library: Library, cardId: string): Promise<TeamCopy | null> {
  const copies = await teamCopies(cardId);
  const shared = copies.find((copy) => copy.doc.createdBy === copy.user);
  if (shared) return shared;
  const first = copies[0];
  if (!first || (await library.ownCard(cardId))) return null;
  return first;
}

/** The card a user reads under this id: a card they shared is the team's copy. */
export async function readCard(library: Library, id: string): Promise<Card> {
  return (await homeCopy(library, id))?.card ?? library.getCard(id);
}

/** Writes a card into its team copy, on the latest revision (once more when a sync changed it meanwhile). */
async function writeCopy(copy: TeamCopy, card: Card): Promise<void> {
  let doc = copy.doc;
  for (let attempt = 0; ; attempt++) {
    try {
      await writing(() => copy.db.put(withCard(doc, card, copy.user)));
      return;
    } catch (error) {
      if (attempt > 0 || !isConflict(error)) throw error;
      doc = (await copy.db.get(cardDocId(card.id))) as TeamCardDoc;
    }
  }
}

/**
 * Creates a card (in the user's own library) or saves an edit where the card lives: a shared card's edit goes
 * into the team's database. Validated whole either way.
 */
export async function saveCard(library: Library, input: unknown, create: boolean): Promise<Card> {
  const parsed = create ? null : v.safeParse(CardSchema, input);
  // A new card, or one that does not validate (the store says why, by field).
  if (!parsed?.success) return library.saveCard(input, create);
  const copy = await homeCopy(library, parsed.output.id);
  if (!copy) return library.saveCard(parsed.output, false);
  await writeCopy(copy, parsed.output);
  library.invalidate();
  return parsed.output;
}

/** Removes a card from a team for every member (see the rule above); refused while it has versions in conflict. */
export async function unshareCard(
  library: Library,
  team: string,
  cardId: string,
): Promise<{ team: string; cardId: string }> {
  const config = (await configs()).find((c) => c.team === team);
  if (!config) throw new Error(`This browser is not in the team ${team}.`);
  const db = openDatabase(teamDbName(team));
  let doc: TeamCardDoc;
  try {
    doc = (await db.get(cardDocId(cardId), { conflicts: true })) as TeamCardDoc;
  } catch (error) {
    if (isNotFound(error)) throw new Error(`This card is not shared in ${team}.`);
    throw error;
  }
  if (doc._conflicts?.length) throw new Error('This card has versions in conflict: resolve them before removing it.');
  const card = toCard(doc);
  if (card && doc.createdBy === config.user && (await library.ownCard(cardId))) await library.saveCard(card, false);
  if (!(await removeCard(db, cardId))) throw new Error(`This card is not shared in ${team}.`);
  library.invalidate();
  return { team, cardId };
}
