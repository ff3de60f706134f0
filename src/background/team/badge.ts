import type { SyncState } from '../../model/team';

/*
 * What the toolbar button says of the joined teams' replication, besides its own count of the page's cards:
 * a team in error turns the badge amber (a "!" when the page has no count to show), an offline one grey, one
 * catching up blue (a "…" when the page has no count), and the button's title (its tooltip) gets one line per
 * team. Synced keeps the normal look.
 */

/** A joined team's replication state. */
export interface TeamSync {
  team: string;
  sync: SyncState;
}

/** The joined teams' part of the toolbar button. */
export interface TeamBadge {
  /** The badge's background when a team needs attention (error, offline); null keeps the normal colour. */
  color: string | null;
  /** What the badge shows when the page has no count of its own. */
  text: string;
  /** The title's team line, e.g. `Dossier — team research: synced`; null when in no team. */
  title: string | null;
}

/** Amber, for a team whose sync stopped (as the clipping badge's red is for a failed clip). */
export const ERROR_COLOR = '#b45309';
/** Grey: the server cannot be reached, and changes wait on this device. */
export const OFFLINE_COLOR = '#6b7280';

/** Blue: changes are being exchanged with the server (a first sync of a big team takes seconds). */
export const SYNCING_COLOR = '#1d4ed8';

/** The badge of no team at all. */
export const NO_TEAM: TeamBadge = { color: null, text: '', title: null };

function stateLine({ sync }: TeamSync): string {
  switch (sync.state) {
    case 'error':
      return sync.reason;
    case 'offline':
      return 'offline, changes are kept here until the server answers';
    default:
      return sync.state;
  }
}

/** The toolbar's team badge for the joined teams' states (the worst state sets the colour). */
export function teamBadge(teams: readonly TeamSync[]): TeamBadge {
  if (teams.length === 0) return NO_TEAM;
  const title = teams.map((t) => `Dossier — team ${t.team}: ${stateLine(t)}`).join('\n');
  if (teams.some((t) => t.sync.state === 'error')) return { color: ERROR_COLOR, text: '!', title };
  if (teams.some((t) => t.sync.state === 'offline')) return { color: OFFLINE_COLOR, text: '', title };
  if (teams.some((t) => t.sync.state === 'syncing')) return { color: SYNCING_COLOR, text: '…', title };
  return { color: null, text: '', title };
}

/** Whether two badges look the same. */
export function sameBadge(a: TeamBadge, b: TeamBadge): boolean {
  return a.color === b.color && a.text === b.text && a.title === b.title;
}
