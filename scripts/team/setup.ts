/**
 * Sets up a team on a CouchDB server (CouchDB 3, or the sync server of scripts/team/server.ts): its database,
 * the database's _security, the design document whose validate_doc_update holds the team's rules, and its
 * users with their roles. Run again, it brings all of these up to date and creates only what is missing.
 */
import { randomBytes } from 'node:crypto';
import { isUserName, memberRole, readerRole, teamDbName, userDocId } from '../../src/team/names';
import { type Access, teamSecurity, type UserDoc, userDocFor } from '../../src/team/security';
import { TEAM_DESIGN_ID, type TeamDesignDoc, teamDesignDoc } from '../../src/team/team-design';
import { revokeDevicesOf, setDevicesAccess } from './device-accounts';

/** A user name and password. */
export interface Credentials {
  name: string;
  password: string;
}

/** A user to give access to; without a password, a new user gets a generated one and an existing one keeps theirs. */
export interface Person {
  name: string;
  password?: string;
}

/** What to set up. */
export interface TeamSetup {
  /** The server's base URL: https, or http on loopback. */
  url: string;
  /** A server admin. */
  admin: Credentials;
  team: string;
  members: readonly Person[];
  readers: readonly Person[];
  /** Users who leave the team: their roles in it are taken away and their devices in it revoked. */
  remove?: readonly string[];
}

/** What setting up did to one user. */
export interface UserReport {
  name: string;
  access: Access;
  /** Whether the user was created (else they existed and got their role). */
  created: boolean;
  /** The password generated for a new user: shown once, stored nowhere. */
  generatedPassword?: string;
  /** How many of the user's device accounts in the team had their role changed to match. */
  devicesChanged: number;
}

/** What setting up did to a user removed from the team. */
export interface RemovalReport {
  name: string;
  /** Whether they had a role in the team. */
  hadAccess: boolean;
  /** How many of their device accounts in the team were revoked. */
  devicesRevoked: number;
}

/** What setting up a team did. */
export interface SetupReport {
  team: string;
  db: string;
  /** The database's URL. */
  dbUrl: string;
  createdDb: boolean;
  updatedDesign: boolean;
  users: UserReport[];
  removed: RemovalReport[];
}

/** `name:password`, as a server admin is given (in DOSSIER_COUCH_ADMIN or a file, secrets.ts). */
export function parseCredentials(value: string): Credentials {
  const colon = value.indexOf(':');
  if (colon <= 0) throw new Error('Give the admin as name:password.');
  return { name: value.slice(0, colon), password: value.slice(colon + 1) };
}

/** A new random password (24 characters, 144 bits). */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

/** The HTTP Basic Authorization header of a user. */
export function basicAuth({ name, password }: Credentials): string {
  return `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`;
}

/** Refuses a URL that would send passwords in the clear to another machine. */
export function checkServerUrl(url: string): URL {
  const parsed = new URL(url);
  const loopback = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback)) {
    throw new Error(`${url}: use https (plain http only on loopback, where passwords do not cross a network).`);
  }
  if (parsed.username || parsed.password)
    throw new Error('Give the admin in DOSSIER_COUCH_ADMIN or a file, not in the URL.');
  return parsed;
}

/** A CouchDB server spoken to with one Authorization header. */
export class Couch {
  constructor(
    private readonly base: string,
    private readonly auth: string,
  ) {}

  async request(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: { authorization: this.auth, accept: 'application/json', 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = { reason: text.slice(0, 200) };
    }
    return { status: response.status, json };
  }

  /** The request's body; throws with the server's reason unless its status is one of `ok`. */
  async expect<T>(method: string, path: string, ok: readonly number[], body?: unknown): Promise<T> {
    const { status, json } = await this.request(method, path, body);
    if (!ok.includes(status)) {
      const reason = (json as { reason?: string; error?: string } | null)?.reason ?? JSON.stringify(json);
      throw new Error(`${method} ${path}: ${status} ${reason}`);
    }
    return json as T;
  }
}

/** Sets up (or brings up to date) a team on a server, as `setup` says. */
export async function setupTeam(setup: TeamSetup): Promise<SetupReport> {
  const db = teamDbName(setup.team);
  const base = checkServerUrl(setup.url).href.replace(/\/$/, '');
  const people: [Person, Access][] = [
    ...setup.members.map((p): [Person, Access] => [p, 'member']),
    ...setup.readers.map((p): [Person, Access] => [p, 'reader']),
  ];
  const seen = new Set<string>();
  for (const name of setup.remove ?? []) {
    if (!isUserName(name)) throw new Error(`"${name}" is not a user name team:setup accepts.`);
    if (seen.has(name)) throw new Error(`${name} is listed twice.`);
    seen.add(name);
  }
  for (const [person] of people) {
    if (!isUserName(person.name)) throw new Error(`"${person.name}" is not a user name team:setup accepts.`);
    if (seen.has(person.name)) throw new Error(`${person.name} is listed twice (a user is a member or a reader).`);
    seen.add(person.name);
    if (person.password !== undefined && person.password.length < 8) {
      throw new Error(`The password given for ${person.name} is shorter than 8 characters.`);
    }
  }

  const couch = new Couch(base, basicAuth(setup.admin));
  const session = await couch.expect<{ userCtx?: { roles?: string[] } }>('GET', '/_session', [200]);
  if (!session.userCtx?.roles?.includes('_admin')) {
    throw new Error(`${setup.admin.name} is not an admin of ${base} (or the password is wrong).`);
  }

  // A fresh single-node CouchDB 3 has no _users until it is set up; 412 says it exists.
  await couch.expect('PUT', '/_users', [201, 202, 412]);
  const dbPath = `/${encodeURIComponent(db)}`;
  const created = await couch.request('PUT', dbPath);
  if (![201, 202, 412].includes(created.status)) {
    throw new Error(`PUT ${dbPath}: ${created.status} ${JSON.stringify(created.json)}`);
  }
  await couch.expect('PUT', `${dbPath}/_security`, [200, 201], teamSecurity(setup.team));

  const design = teamDesignDoc(setup.team);
  const found = await couch.request('GET', `${dbPath}/${TEAM_DESIGN_ID}`);
  const current = found.status === 200 ? (found.json as TeamDesignDoc) : null;
  const updatedDesign =
    !current || current.validate_doc_update !== design.validate_doc_update || current.team !== design.team;
  if (updatedDesign) {
    await couch.expect('PUT', `${dbPath}/${TEAM_DESIGN_ID}`, [201, 202], {
      ...design,
      ...(current?._rev ? { _rev: current._rev } : {}),
    });
  }

  const users: UserReport[] = [];
  for (const [person, access] of people) {
    const path = `/_users/${encodeURIComponent(userDocId(person.name))}`;
    const got = await couch.request('GET', path);
    if (got.status !== 200 && got.status !== 404) throw new Error(`GET ${path}: ${got.status}`);
    const existing = got.status === 200 ? (got.json as UserDoc) : null;
    const generated = existing || person.password !== undefined ? undefined : generatePassword();
    const doc = userDocFor(existing, person.name, setup.team, access, person.password ?? generated);
    if (doc) await couch.expect('PUT', path, [201, 202], doc);
    // The user's devices in this team follow: a member made a reader no longer writes from any of them.
    const devicesChanged = existing ? await setDevicesAccess(couch, person.name, setup.team, access) : 0;
    users.push({
      name: person.name,
      access,
      created: !existing,
      ...(generated ? { generatedPassword: generated } : {}),
      devicesChanged,
    });
  }

  const removed: RemovalReport[] = [];
  for (const name of setup.remove ?? []) {
    const path = `/_users/${encodeURIComponent(userDocId(name))}`;
    const got = await couch.request('GET', path);
    if (got.status !== 200 && got.status !== 404) throw new Error(`GET ${path}: ${got.status}`);
    const existing = got.status === 200 ? (got.json as UserDoc) : null;
    const keep = (role: string) => role !== memberRole(setup.team) && role !== readerRole(setup.team);
    const hadAccess = Boolean(existing && !existing.roles.every(keep));
    if (existing && hadAccess)
      await couch.expect('PUT', path, [201, 202], { ...existing, roles: existing.roles.filter(keep) });
    removed.push({ name, hadAccess, devicesRevoked: await setDevicesAccess(couch, name, setup.team, null) });
  }

  return {
    team: setup.team,
    db,
    dbUrl: `${base}${dbPath}`,
    createdDb: created.status !== 412,
    updatedDesign,
    users,
    removed,
  };
}

/** Revokes every device account of these users (in one team, or in all); returns the names revoked per user. */
export async function revokeDevices(options: {
  url: string;
  admin: Credentials;
  users: readonly string[];
  team?: string;
}): Promise<{ name: string; revoked: string[] }[]> {
  const couch = new Couch(checkServerUrl(options.url).href.replace(/\/$/, ''), basicAuth(options.admin));
  const result: { name: string; revoked: string[] }[] = [];
  for (const name of options.users) {
    if (!isUserName(name)) throw new Error(`"${name}" is not a user name team:setup accepts.`);
    result.push({ name, revoked: await revokeDevicesOf(couch, name, options.team) });
  }
  return result;
}

/** The report as lines for a terminal; generated passwords are shown here once. */
export function describeSetup(report: SetupReport): string[] {
  const lines = [
    `Team ${report.team}: ${report.dbUrl} (${report.createdDb ? 'created' : 'already there'}; rules ${report.updatedDesign ? 'written' : 'up to date'})`,
  ];
  for (const user of report.users) {
    const password = user.generatedPassword ? `, password ${user.generatedPassword} (shown once)` : '';
    const devices = user.devicesChanged ? `; ${user.devicesChanged} of their devices changed to match` : '';
    lines.push(
      `  ${user.access === 'member' ? 'member' : 'reader'} ${user.name}${user.created ? ' (new)' : ''}${password}${devices}`,
    );
  }
  for (const user of report.removed) {
    const devices = user.devicesRevoked ? `, ${user.devicesRevoked} of their devices revoked` : '';
    lines.push(`  removed ${user.name}${user.hadAccess ? '' : ' (had no access)'}${devices}`);
  }
  return lines;
}
