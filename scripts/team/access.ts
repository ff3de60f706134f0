/**
 * What the sync server serves, and to whom: an explicit list of the requests Dossier and CouchDB's replication
 * protocol make, each with who may make it; everything else is refused. For a database that is CouchDB 3's
 * rule on every endpoint: anonymous → 401, a signed-in user outside its `_security` → 403, its members read,
 * those who may write it write documents (validate_doc_update judges each), and only admins write design
 * documents or `_security`. A database whose `_security` names no member is its admins' only (CouchDB 3's
 * default). `_users` is the server admins', but for a user reading their own document.
 *
 * `decide` reads nothing but what it is given: the normalised path (request-path.ts), the method, who is asking
 * and the database's `_security`; it answers a refusal or what the request's body may be.
 */
import { userDocId } from '../../src/team/names';
import type { SecurityObject } from '../../src/team/security';

/** Who is asking, as the server's session says. */
export interface Who {
  name: string | null;
  roles: readonly string[];
}

/** A refusal: its HTTP status and CouchDB-style error. */
export interface Refusal {
  status: number;
  error: string;
  reason: string;
}

/** What a passed request's body may be. */
export interface BodyRule {
  /** Largest body, in bytes. */
  max: number;
  /** Checks the parsed body; a refusal stops the request. */
  check?: (body: unknown) => Refusal | null;
}

/** The answer for a request: refused, or passed on (with its body's rule, none for a request without one). */
export type Decision =
  | { pass: false; refusal: Refusal }
  | { pass: true; body: BodyRule | null; changesDatabase?: string };

/** A database as the rules need it: null when it does not exist. */
export type DatabaseState = { security: Partial<SecurityObject> } | null;

/** A document of any request, at most CouchDB 3's default `max_document_size` (8,000,000 bytes). */
export const MAX_DOCUMENT_BYTES = 8_000_000;
/** One request's body, all its documents together. */
export const MAX_REQUEST_BYTES = 32 * 1024 * 1024;
/** A small body: a sign-in, a checkpoint, a `_security` object. */
export const MAX_SMALL_BYTES = 64 * 1024;

const READ = ['GET', 'HEAD'];
const DB_NAME = /^[a-z][a-z0-9_$()+-]{0,237}$/;
/**
 * A checkpoint's id: a name starting with a letter or digit, or exactly one as PouchDB's replication makes it,
 * the base64 of an MD5 with `/` and `+` replaced by `.` and `_` (so it may start with either: one replication in
 * 32 would otherwise find its checkpoints refused). Neither form can be `_security`.
 */
const LOCAL_ID = /^(?:[A-Za-z0-9][A-Za-z0-9._=+-]{0,199}|[A-Za-z0-9._]{22}==)$/;
const DESIGN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

const refuse = (status: number, error: string, reason: string): Decision => ({
  pass: false,
  refusal: { status, error, reason },
});
const notFound = (reason = 'Not served here.') => refuse(404, 'not_found', reason);
const notAllowed = (method: string) => refuse(405, 'method_not_allowed', `${method} is not served here.`);
const pass = (body: BodyRule | null = null, changesDatabase?: string): Decision => ({
  pass: true,
  body,
  ...(changesDatabase ? { changesDatabase } : {}),
});

/** Whether the caller is a server admin. */
export const isServerAdmin = (who: Who) => who.roles.includes('_admin');

/** A signed-in user's refusal: 401 for nobody, else 403. */
const denied = (who: Who, reason: string): Decision =>
  who.name === null && !isServerAdmin(who)
    ? refuse(401, 'unauthorized', 'Sign in first.')
    : refuse(403, 'forbidden', reason);

/**
 * What the caller is in a database: its admin, a member, or nothing. A team's readers are members too (they
 * read, and keep replication checkpoints); validate_doc_update refuses each document they write.
 */
export function accessTo(security: Partial<SecurityObject>, who: Who): 'admin' | 'member' | null {
  const inSection = (section: { names?: unknown; roles?: unknown } | undefined) => {
    const names = Array.isArray(section?.names) ? section.names : [];
    const roles = Array.isArray(section?.roles) ? section.roles : [];
    return (who.name !== null && names.includes(who.name)) || who.roles.some((role) => roles.includes(role));
  };
  if (isServerAdmin(who) || inSection(security.admins)) return 'admin';
  return inSection(security.members) ? 'member' : null;
}

/** Refuses a document id a member may not write through a document endpoint. */
function docIdRefusal(id: unknown, admin: boolean): Refusal | null {
  if (typeof id !== 'string' || id === '') return { status: 400, error: 'bad_request', reason: '_id must be text.' };
  if (id.startsWith('_design/') && admin) return null;
  if (id.startsWith('_design/')) {
    return { status: 403, error: 'forbidden', reason: 'Only admins write design documents.' };
  }
  if (id.startsWith('_'))
    return { status: 400, error: 'bad_request', reason: `${id}: ids starting with _ are CouchDB's.` };
  return null;
}

/** The body of `_bulk_docs`: every document's id may be written by the caller, and is of a bounded size. */
function bulkDocsCheck(admin: boolean) {
  return (body: unknown): Refusal | null => {
    const docs = (body as { docs?: unknown } | null)?.docs;
    if (!Array.isArray(docs)) return { status: 400, error: 'bad_request', reason: 'Give {"docs": [...]}.' };
    for (const doc of docs) {
      if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
        return { status: 400, error: 'bad_request', reason: 'Each document is a JSON object.' };
      }
      const refusal = docIdRefusal((doc as { _id?: unknown })._id, admin) ?? sizeRefusal(doc);
      if (refusal) return refusal;
    }
    return null;
  };
}

/** A document over MAX_DOCUMENT_BYTES. */
function sizeRefusal(doc: unknown): Refusal | null {
  if (Buffer.byteLength(JSON.stringify(doc)) <= MAX_DOCUMENT_BYTES) return null;
  return { status: 413, error: 'too_large', reason: `A document is at most ${MAX_DOCUMENT_BYTES} bytes.` };
}

/** The body of a single document write (PUT): an object. */
const oneDoc = (body: unknown): Refusal | null =>
  body && typeof body === 'object' && !Array.isArray(body)
    ? null
    : { status: 400, error: 'bad_request', reason: 'The document is a JSON object.' };

/**
 * The body of `PUT` of the document `id`: an object naming that document or none. (express-pouchdb writes the
 * body's `_id`, or a `?id=`, over the path's: `PUT /db/card:x` with `{"_id": "_local/_security"}` would write
 * that.)
 */
const putDoc =
  (id: string) =>
  (body: unknown): Refusal | null => {
    const refusal = oneDoc(body);
    if (refusal) return refusal;
    const named = (body as { _id?: unknown })._id;
    if (named === undefined || named === id) return null;
    return { status: 400, error: 'bad_request', reason: 'The _id in the body must be the one in the path.' };
  };

/** `POST /db` creates a document from its body's id. */
const postedDoc =
  (admin: boolean) =>
  (body: unknown): Refusal | null =>
    oneDoc(body) ?? docIdRefusal((body as { _id?: unknown })._id, admin);

/** The server's own endpoints (no database). */
function serverRoute(method: string, segments: readonly string[], who: Who): Decision {
  const [first, ...rest] = segments;
  if (first === undefined) return READ.includes(method) ? pass() : notAllowed(method);
  if (first === '_session' && rest.length === 0) {
    if (READ.includes(method) || method === 'DELETE') return pass();
    if (method === 'POST') return pass({ max: MAX_SMALL_BYTES, check: oneDoc });
    return notAllowed(method);
  }
  if (first === '_all_dbs' && rest.length === 0) {
    if (!READ.includes(method)) return notAllowed(method);
    return isServerAdmin(who) ? pass() : denied(who, 'Only server admins list the databases.');
  }
  return notFound();
}

/** `_users`: the server admins' database; a signed-in user reads their own document, and nothing else. */
function usersRoute(method: string, segments: readonly string[], who: Who): Decision {
  const rest = segments.slice(1);
  if (isServerAdmin(who)) {
    if (rest.length === 0) {
      if (READ.includes(method)) return pass();
      return method === 'PUT' ? pass(null, '_users') : notAllowed(method);
    }
    if (rest.length === 1 && rest[0] === '_all_docs') {
      return READ.includes(method) ? pass() : method === 'POST' ? pass({ max: MAX_REQUEST_BYTES }) : notAllowed(method);
    }
    if (rest.length === 1 && rest[0]?.startsWith('org.couchdb.user:')) {
      if (READ.includes(method) || method === 'DELETE') return pass();
      return method === 'PUT' ? pass({ max: MAX_SMALL_BYTES, check: oneDoc }) : notAllowed(method);
    }
    return notFound();
  }
  if (who.name === null) return refuse(401, 'unauthorized', 'Sign in first.');
  // CouchDB also lets a user rewrite their own document (a new password); here team:setup sets passwords and a
  // device account's document says whose it is, so only reading is left to its user.
  if (rest.length === 1 && rest[0] === userDocId(who.name) && READ.includes(method)) return pass();
  return refuse(403, 'forbidden', 'Only server admins read or write other users, or write any.');
}

/**
 * A database's endpoints, once the caller is known to be in its `_security` (`access`): the replication
 * protocol's (`_all_docs`, `_changes`, `_bulk_get`, `_revs_diff`, `_bulk_docs`, checkpoints in `_local`),
 * documents by id, and the admins' `_security` and design documents. No attachments, views, `_find`,
 * `_index`, `_purge`, `_compact` or any other endpoint.
 */
function databaseRoute(
  method: string,
  db: string,
  rest: readonly string[],
  query: URLSearchParams,
  access: 'admin' | 'member',
  serverAdmin: boolean,
): Decision {
  if (method === 'PUT' && query.has('id')) return refuse(400, 'bad_request', 'A document is named by its path.');
  const admin = access === 'admin';
  const [first, second, ...more] = rest;
  if (first === undefined) {
    if (READ.includes(method)) return pass();
    if (method === 'DELETE' || method === 'PUT') {
      return serverAdmin ? pass(null, db) : refuse(403, 'forbidden', 'Only server admins create or delete databases.');
    }
    if (method === 'POST') {
      return pass({ max: MAX_DOCUMENT_BYTES, check: postedDoc(admin) });
    }
    return notAllowed(method);
  }
  if (second === undefined) {
    switch (first) {
      case '_all_docs':
      case '_changes':
        // express-pouchdb never stops a continuous feed (nor its heartbeat) when its client goes away: each one
        // would run for the life of the process. PouchDB asks for long-poll feeds, which are served.
        if (first === '_changes' && query.getAll('feed').some((feed) => feed !== 'normal' && feed !== 'longpoll')) {
          return refuse(400, 'bad_request', 'This server serves normal and long-poll feeds only.');
        }
        if (READ.includes(method)) return pass();
        return method === 'POST' ? pass({ max: MAX_REQUEST_BYTES }) : notAllowed(method);
      case '_bulk_get':
      case '_revs_diff':
        return method === 'POST' ? pass({ max: MAX_REQUEST_BYTES }) : notAllowed(method);
      case '_bulk_docs':
        if (method !== 'POST') return notAllowed(method);
        return pass({ max: MAX_REQUEST_BYTES, check: bulkDocsCheck(admin) });
      case '_security':
        // Members read it, as on CouchDB (it names roles, no secret); only admins change it.
        if (READ.includes(method)) return pass();
        if (method !== 'PUT') return notAllowed(method);
        if (!admin) return refuse(403, 'forbidden', 'Only admins change _security.');
        return pass({ max: MAX_SMALL_BYTES, check: oneDoc }, db);
    }
    if (first.startsWith('_')) return notFound();
    // A document by id.
    if (READ.includes(method)) return pass();
    if (method === 'PUT' || method === 'DELETE') {
      return method === 'PUT' ? pass({ max: MAX_DOCUMENT_BYTES, check: putDoc(first) }) : pass();
    }
    return notAllowed(method);
  }
  if (more.length > 0) return notFound();
  if (first === '_local') {
    // A replication checkpoint, which every member keeps (a reader's pull too, as on CouchDB); `_local/_security`
    // and its kind hold what only admins change, and are not checkpoints.
    if (!LOCAL_ID.test(second)) return notFound();
    if (READ.includes(method)) return pass();
    if (method === 'PUT' || method === 'DELETE') {
      return method === 'PUT' ? pass({ max: MAX_SMALL_BYTES, check: putDoc(`_local/${second}`) }) : pass();
    }
    return notAllowed(method);
  }
  if (first === '_design') {
    if (!DESIGN_NAME.test(second)) return notFound();
    if (READ.includes(method)) return pass();
    if (method === 'PUT' || method === 'DELETE') {
      if (!admin) return refuse(403, 'forbidden', 'Only admins write design documents.');
      return method === 'PUT' ? pass({ max: MAX_DOCUMENT_BYTES, check: putDoc(`_design/${second}`) }) : pass();
    }
    return notAllowed(method);
  }
  // An attachment, or anything else under a document: not served.
  return notFound();
}

/**
 * Decides a request from its normalised path's segments. `state` is the database's (segments[0]) when the
 * path names one; it is read only for a caller who is signed in.
 */
export async function decide(
  method: string,
  segments: readonly string[],
  who: Who,
  state: (db: string) => Promise<DatabaseState>,
  query = '',
): Promise<Decision> {
  const db = segments[0];
  if (db === undefined || (db.startsWith('_') && db !== '_users')) return serverRoute(method, segments, who);
  if (db === '_users') return usersRoute(method, segments, who);
  // Anonymous callers reach nothing of any database, named or not (no probing which teams exist).
  if (who.name === null && !isServerAdmin(who)) return refuse(401, 'unauthorized', 'Sign in first.');
  if (!DB_NAME.test(db)) return notFound('No such database.');
  const found = await state(db);
  if (!found) {
    // (express-pouchdb 4.2 also crashes on `PUT /db` from a non-admin: pouchdb/pouchdb-server#359.)
    if (segments.length === 1 && method === 'PUT') {
      return isServerAdmin(who) ? pass(null, db) : refuse(403, 'forbidden', 'Only server admins create databases.');
    }
    return notFound('No such database.');
  }
  const access = accessTo(found.security, who);
  if (!access) return refuse(403, 'forbidden', `${who.name} is not a member of ${db}.`);
  return databaseRoute(method, db, segments.slice(1), new URLSearchParams(query), access, isServerAdmin(who));
}
