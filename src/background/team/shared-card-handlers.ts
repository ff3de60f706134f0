import * as v from 'valibot';
import type { panelToBackground } from '../../messaging/protocol';
import type { Handlers } from '../../messaging/router';
import { CardSchema } from '../../model/card';
import { openDatabase } from '../../store/db';
import { teamDbName } from '../../team/names';
import type { Library } from '../library';
import { refreshTabs } from '../page/site-handlers';
import { cardConflict, conflictMarks, resolveConflict } from './conflicts';
import { unshareCard } from './shared-cards';
import { configs } from './teams';

/*
 * The side panel's messages about shared cards: which are in conflict, a card's versions, resolving, and
 * removing a card from a team. (Reading and saving a shared card go through card.get and card.save.)
 */

type SharedCardMessages = 'team.conflicts' | 'card.conflicts' | 'card.resolve' | 'card.unshare';

/** The extension pages' handlers of conflicts and unsharing. */
export function sharedCardPanelHandlers(
  library: Library,
): Pick<Handlers<typeof panelToBackground>, SharedCardMessages> {
  const teamDb = (team: string) => openDatabase(teamDbName(team));
  return {
    'team.conflicts': async () =>
      (await Promise.all((await configs()).map((c) => conflictMarks(teamDb(c.team), c.team)))).flat(),
    'card.conflicts': async ({ cardId }) => {
      const found = await Promise.all((await configs()).map((c) => cardConflict(teamDb(c.team), c.team, cardId)));
      return found.filter((conflict) => conflict !== null);
    },
    'card.resolve': async ({ cardId, team, revs, card }) => {
      const config = (await configs()).find((c) => c.team === team);
      if (!config) throw new Error(`This browser is not in the team ${team}.`);
      const parsed = v.safeParse(CardSchema, card);
      if (!parsed.success) throw new Error(`The version to keep is not a valid card: ${v.summarize(parsed.issues)}`);
      const kept = await resolveConflict(teamDb(team), config.user, cardId, revs, parsed.output);
      library.invalidate();
      void refreshTabs();
      return kept;
    },
    'card.unshare': async ({ cardId, team }) => {
      const removed = await unshareCard(library, team, cardId);
      void refreshTabs();
      return removed;
    },
  };
}
