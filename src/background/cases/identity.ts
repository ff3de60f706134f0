import type { Case } from '../../model/case';
import { openDatabase, PRIVATE_DB } from '../../store/db';
import { teamDbName } from '../../team/names';
import { deviceNameOf } from '../team/auth';
import { joinedTeams } from '../team/teams';

/*
 * Who appends a case's custody entries, from which device, and to which database: for a case shared with a team
 * this browser is in, the team's user and this browser's device account, into the team's database (from where
 * the entries replicate to every member); otherwise the user `local` and this install's own device id, into the
 * user's store.
 */

const DEVICE_KEY = 'custodyDevice';

/** This install's device id (16 random hexadecimal digits), made once and kept in the extension's storage. */
export async function installDevice(): Promise<string> {
  const got = await chrome.storage.local.get(DEVICE_KEY);
  const kept = got[DEVICE_KEY];
  if (typeof kept === 'string' && /^[0-9a-f]{16}$/.test(kept)) return kept;
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  const device = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  await chrome.storage.local.set({ [DEVICE_KEY]: device });
  return device;
}

/** Who writes a case's entries, and where. */
export interface ChainIdentity {
  user: string;
  device: string;
  /** The team whose database holds them, or null for the user's store. */
  team: string | null;
}

/** The identity a case's entries are appended with on this browser. */
export async function identityOf(found: Pick<Case, 'team'>): Promise<ChainIdentity> {
  const config = found.team ? (await joinedTeams()).find((c) => c.team === found.team) : undefined;
  if (config) {
    const device = (await deviceNameOf(config.team)) ?? (await installDevice());
    return { user: config.user, device, team: config.team };
  }
  return { user: 'local', device: await installDevice(), team: null };
}

/** The database a chain's entries are stored in. */
export const databaseOf = (team: string | null) => openDatabase(team ? teamDbName(team) : PRIVATE_DB);
