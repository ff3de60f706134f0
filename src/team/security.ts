import { memberRole, readerRole, userDocId } from './names';

/*
 * Who may do what in a team's database. CouchDB lets the database's members read it and write documents, and
 * only its admins (and the server's) change its design documents and _security. Members and readers are both
 * CouchDB members, told apart by a role: the design document's validate_doc_update (validate-doc-update.ts)
 * refuses every write from a reader.
 */

/** A database's `_security` object, as CouchDB keeps it. */
export interface SecurityObject {
  admins: { names: string[]; roles: string[] };
  members: { names: string[]; roles: string[] };
}

/** What a user is in a team. */
export type Access = 'member' | 'reader';

/** The `_security` of a team's database: its members and readers by role, no database admins but the server's. */
export function teamSecurity(team: string): SecurityObject {
  return {
    admins: { names: [], roles: [] },
    members: { names: [], roles: [memberRole(team), readerRole(team)] },
  };
}

/** A user document of CouchDB's `_users` database (the fields this code reads or writes). */
export interface UserDoc {
  _id: string;
  _rev?: string;
  type: 'user';
  name: string;
  roles: string[];
  /** Only on a write: CouchDB hashes it and never gives it back. */
  password?: string;
  [field: string]: unknown;
}

/**
 * The user document that gives `name` this access to the team: the existing one with its roles for this team
 * set (a member loses the reader role and the other way round; other teams' roles are kept), or a new one.
 * Returns null when the existing document already says so and no password is to be set.
 */
export function userDocFor(
  existing: UserDoc | null,
  name: string,
  team: string,
  access: Access,
  password?: string,
): UserDoc | null {
  const give = access === 'member' ? memberRole(team) : readerRole(team);
  const take = access === 'member' ? readerRole(team) : memberRole(team);
  if (!existing) {
    if (password === undefined) throw new Error(`A new user (${name}) needs a password.`);
    return { _id: userDocId(name), type: 'user', name, roles: [give], password };
  }
  const roles = existing.roles.filter((role) => role !== take);
  if (!roles.includes(give)) roles.push(give);
  const unchanged = roles.length === existing.roles.length && roles.every((role, i) => role === existing.roles[i]);
  if (unchanged && password === undefined) return null;
  return { ...existing, roles, ...(password === undefined ? {} : { password }) };
}
