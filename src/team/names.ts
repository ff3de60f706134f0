/*
 * How a team is named on a CouchDB server: its database, the roles its members and readers carry, and the
 * user documents of _users. Shared by team:setup, the sync server and (later) the extension's join form.
 */

/** A team's name: lower-case letters, digits and inner hyphens, at most 64 characters. */
const TEAM_NAME = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
/** A user name team:setup accepts: letters, digits, `.`, `_`, `@`, `-`, not starting with `_` (CouchDB's own). */
const USER_NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

/** Prefix of every team database: `dossier-team-<team>`. */
export const TEAM_DB_PREFIX = 'dossier-team-';

/** Whether a string is a valid team name. */
export function isTeamName(team: string): boolean {
  return TEAM_NAME.test(team);
}

/** Whether a string is a user name team:setup may create. */
export function isUserName(name: string): boolean {
  return USER_NAME.test(name);
}

/** The database of a team; throws on an invalid team name. */
export function teamDbName(team: string): string {
  if (!isTeamName(team)) {
    throw new Error(
      `"${team}" is not a valid team name: use lower-case letters, digits and hyphens (not at either end), at most 64.`,
    );
  }
  return `${TEAM_DB_PREFIX}${team}`;
}

/** The role that lets a user write to a team's database. */
export const memberRole = (team: string) => `dossier-member:${team}`;
/** The role that lets a user read a team's database and nothing more. */
export const readerRole = (team: string) => `dossier-reader:${team}`;

/** The id of a user's document in CouchDB's `_users` database. */
export const userDocId = (name: string) => `org.couchdb.user:${name}`;

/**
 * What joins a device account's owner to its id: `alice~3f9c…`. USER_NAME has no `~`, so no user team:setup
 * creates can be named like another's device.
 */
export const DEVICE_SEPARATOR = '~';
/** The role a device account carries besides its team role: it writes as this user (validate-doc-update.ts). */
export const deviceRole = (owner: string) => `dossier-device-of:${owner}`;
/** The prefix of every device role. */
export const DEVICE_ROLE_PREFIX = 'dossier-device-of:';

/** The owner of a device account's name (`alice` of `alice~3f9c…`), or null for a name that is not a device's. */
export function ownerOfDevice(name: string): string | null {
  const at = name.indexOf(DEVICE_SEPARATOR);
  if (at < 0) return null;
  const owner = name.slice(0, at);
  const id = name.slice(at + 1);
  return isUserName(owner) && /^[0-9a-f]{16,64}$/.test(id) ? owner : null;
}

/** Where a team's server makes, lists and revokes device accounts (scripts/team/devices.ts). */
export const DEVICES_PATH = '/_dossier/devices';
/** A header on every answer of the device service: a server without one answers without it. */
export const DEVICE_SERVICE_HEADER = 'x-dossier-devices';
