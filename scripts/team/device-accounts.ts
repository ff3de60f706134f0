/**
 * Device accounts: the credential a browser keeps for one team instead of its user's password. Each is a CouchDB
 * user of `_users` named `<owner>~<random hex>` (no user name has a `~`, src/team/names.ts), with a random
 * password, the owner's role in that one team and the role `dossier-device-of:<owner>`, under which the team's
 * validate_doc_update lets it write as its owner. A server admin makes, changes and deletes them (the device
 * service of devices.ts and team:setup); deleting one revokes that browser's access at once.
 *
 * What a device is for is read from its name and roles, which only admins change: a user may edit the other
 * fields of their own `_users` document on CouchDB, so the label and dates kept there are for display only.
 */
import { randomBytes } from 'node:crypto';
import {
  DEVICE_SEPARATOR,
  deviceRole,
  memberRole,
  ownerOfDevice,
  readerRole,
  TEAM_DB_PREFIX,
  userDocId,
} from '../../src/team/names';
import type { Access, UserDoc } from '../../src/team/security';
import type { Couch } from './setup';

/** How many device accounts one user may hold (every team together); more must be revoked first. */
export const MAX_DEVICES_PER_USER = 50;

/** A device account's `_users` document. */
export interface DeviceDoc extends UserDoc {
  /** For display: who asked for it, for which team, under which label and when (editable by the device). */
  dossier?: { deviceOf?: string; team?: string; label?: string; created?: string };
}

/** A device as its owner and the admins see it (never its password). */
export interface DeviceInfo {
  name: string;
  owner: string;
  /** The team it reads or writes, from its role; null once its owner lost access. */
  team: string | null;
  access: Access | null;
  label: string;
  created: string | null;
}

/** A new device's credential, given out once. */
export interface NewDevice extends DeviceInfo {
  password: string;
}

/** The user's access to a team, from their roles (a reader role wins, as in validate_doc_update). */
export function accessIn(roles: readonly string[], team: string): Access | null {
  if (roles.includes(readerRole(team))) return 'reader';
  if (roles.includes(memberRole(team))) return 'member';
  return null;
}

/** The team a device's role is for, if any. */
function teamOf(roles: readonly string[]): { team: string; access: Access } | null {
  for (const role of roles) {
    const member = /^dossier-member:(.+)$/.exec(role);
    if (member?.[1]) return { team: member[1], access: 'member' };
    const reader = /^dossier-reader:(.+)$/.exec(role);
    if (reader?.[1]) return { team: reader[1], access: 'reader' };
  }
  return null;
}

/** Whether a `_users` document is a device account of `owner` (or of anyone, without one). */
export function isDeviceDoc(doc: UserDoc | null | undefined, owner?: string): doc is DeviceDoc {
  if (!doc || typeof doc.name !== 'string' || !Array.isArray(doc.roles)) return false;
  const of = ownerOfDevice(doc.name);
  return of !== null && (owner === undefined || of === owner) && doc.roles.includes(deviceRole(of));
}

/** What may be shown of a device account. */
export function describeDevice(doc: DeviceDoc): DeviceInfo {
  const of = teamOf(doc.roles);
  return {
    name: doc.name,
    owner: ownerOfDevice(doc.name) ?? '',
    team: of?.team ?? null,
    access: of?.access ?? null,
    label: typeof doc.dossier?.label === 'string' ? doc.dossier.label : '',
    created: typeof doc.dossier?.created === 'string' ? doc.dossier.created : null,
  };
}

/** The device accounts of a user: all of them, or those with a role in one team. */
export async function devicesOf(couch: Couch, owner: string, team?: string): Promise<DeviceDoc[]> {
  // _all_docs sorts ids by their bytes (CouchDB's raw collation, as PouchDB's): a prefix is a range.
  const prefix = userDocId(owner + DEVICE_SEPARATOR);
  const range = `startkey=${encodeURIComponent(JSON.stringify(prefix))}&endkey=${encodeURIComponent(JSON.stringify(`${prefix}\ufff0`))}`;
  const all = await couch.expect<{ rows: { doc?: UserDoc }[] }>(
    'GET',
    `/_users/_all_docs?include_docs=true&${range}`,
    [200],
  );
  return all.rows
    .map((row) => row.doc)
    .filter((doc): doc is DeviceDoc => isDeviceDoc(doc, owner))
    .filter((doc) => team === undefined || accessIn(doc.roles, team) !== null);
}

/** Makes a device account for `owner`, with `access` to `team`: its name and password, given out once. */
export async function createDevice(
  couch: Couch,
  owner: string,
  team: string,
  access: Access,
  label: string,
): Promise<NewDevice> {
  const name = `${owner}${DEVICE_SEPARATOR}${randomBytes(8).toString('hex')}`;
  const password = randomBytes(32).toString('base64url');
  const created = new Date().toISOString();
  const doc: DeviceDoc = {
    _id: userDocId(name),
    type: 'user',
    name,
    roles: [access === 'member' ? memberRole(team) : readerRole(team), deviceRole(owner)],
    password,
    dossier: { deviceOf: owner, team, label, created },
  };
  await couch.expect('PUT', `/_users/${encodeURIComponent(doc._id)}`, [201, 202], doc);
  return { name, owner, team, access, label, created, password };
}

/**
 * Gives a user's device accounts in `team` the access the user now has there: member or reader (their role is
 * swapped), or none (they are deleted). Returns how many changed.
 */
export async function setDevicesAccess(couch: Couch, owner: string, team: string, access: Access | null) {
  let changed = 0;
  for (const doc of await devicesOf(couch, owner, team)) {
    const path = `/_users/${encodeURIComponent(doc._id)}`;
    if (access === null) {
      await couch.expect('DELETE', `${path}?rev=${encodeURIComponent(doc._rev ?? '')}`, [200, 202]);
      changed++;
      continue;
    }
    const give = access === 'member' ? memberRole(team) : readerRole(team);
    const roles = [give, ...doc.roles.filter((role) => role !== memberRole(team) && role !== readerRole(team))];
    if (roles.length === doc.roles.length && roles.every((role) => doc.roles.includes(role))) continue;
    await couch.expect('PUT', path, [201, 202], { ...doc, roles });
    changed++;
  }
  return changed;
}

/** Deletes one device account; false when there is none of that name (a user that is not a device is kept). */
export async function revokeDevice(couch: Couch, name: string): Promise<boolean> {
  const path = `/_users/${encodeURIComponent(userDocId(name))}`;
  const got = await couch.request('GET', path);
  if (got.status === 404) return false;
  if (got.status !== 200) throw new Error(`GET ${path}: ${got.status}`);
  const doc = got.json as UserDoc;
  if (!isDeviceDoc(doc)) return false;
  const gone = await couch.request('DELETE', `${path}?rev=${encodeURIComponent(doc._rev ?? '')}`);
  if (gone.status === 404) return false;
  if (gone.status !== 200 && gone.status !== 202) throw new Error(`DELETE ${path}: ${gone.status}`);
  return true;
}

/** Deletes every device account of a user, or those in one team; returns their names. */
export async function revokeDevicesOf(couch: Couch, owner: string, team?: string): Promise<string[]> {
  const revoked: string[] = [];
  for (const doc of await devicesOf(couch, owner, team)) {
    if (await revokeDevice(couch, doc.name)) revoked.push(doc.name);
  }
  return revoked;
}

/** Whether a team's database is on the server. */
export async function teamExists(couch: Couch, team: string): Promise<boolean> {
  const got = await couch.request('GET', `/${encodeURIComponent(TEAM_DB_PREFIX + team)}`);
  return got.status === 200;
}
