/**
 * Where the sync server applies access.ts: one layer inside express-pouchdb, right after it has worked out who
 * is asking (cookie or Basic auth) and before any route reads a body. A refused request's body is never read;
 * a passed one's is read here up to its limit (413 past it, from its Content-Length before a byte is read),
 * parsed once, checked, and handed on as express-pouchdb's parsed body.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ExpressPouchDBApp } from 'express-pouchdb';
import { getOrCreateDB } from 'express-pouchdb/lib/create-or-delete-dbs.js';
import type { ServerPouchDB } from 'pouchdb';
import type { SecurityObject } from '../../src/team/security';
import { type DatabaseState, decide, type Refusal, type Who } from './access';
import { appendOnlyRefusal, type LeavesOf } from './append-only';
import type { RequestPath } from './request-path';

/** What the server knows of its databases: whether each exists and its `_security`, read once and kept. */
export interface DatabaseStates {
  state(name: string): Promise<DatabaseState>;
  /** Reads a database again on its next request (it was created, deleted or given a new `_security`). */
  forget(name: string): void;
  /** A document's revisions (leaves), or null when it has none or was deleted (append-only.ts). */
  leaves: LeavesOf;
}

/** Keeps the state of the databases of one PouchDB constructor (express-pouchdb's). */
export function databaseStates(Pouch: ServerPouchDB): DatabaseStates {
  const known = new Map<string, Promise<DatabaseState>>();
  const load = async (name: string): Promise<DatabaseState> => {
    if (!((await Pouch.allDbs?.()) ?? []).includes(name)) return null;
    // express-pouchdb's own instance of the database (it keeps one per name).
    const db = (await getOrCreateDB(Pouch, name)) as { get(id: string): Promise<{ security?: unknown }> };
    const doc = await db.get('_local/_security').catch(() => null);
    const security = doc?.security && typeof doc.security === 'object' ? doc.security : {};
    return { security: security as Partial<SecurityObject> };
  };
  return {
    state(name) {
      let found = known.get(name);
      if (!found) {
        found = load(name);
        known.set(name, found);
        found.catch(() => known.delete(name));
      }
      return found;
    },
    forget(name) {
      known.delete(name);
    },
    async leaves(name, id) {
      if (!((await Pouch.allDbs?.()) ?? []).includes(name)) return null;
      const db = (await getOrCreateDB(Pouch, name)) as {
        get(id: string, options: { conflicts: true }): Promise<{ _rev: string; _conflicts?: string[] }>;
      };
      const doc = await db.get(id, { conflicts: true }).catch(() => null);
      return doc ? [doc._rev, ...(doc._conflicts ?? [])] : null;
    },
  };
}

const paths = new WeakMap<IncomingMessage, RequestPath>();
/** Keeps the request's normalised path for the gate (the server sets it as the request arrives). */
export function setPath(req: IncomingMessage, path: RequestPath): void {
  paths.set(req, path);
}

/** Answers a refusal as CouchDB does (JSON); a body not read is not kept alive for (the connection closes). */
export function sendRefusal(req: IncomingMessage, res: ServerResponse, refusal: Refusal): void {
  if (res.headersSent) return;
  const pending =
    !req.complete && (req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined);
  res.writeHead(refusal.status, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    ...(pending ? { connection: 'close' } : {}),
  });
  res.end(JSON.stringify({ error: refusal.error, reason: refusal.reason }));
}

class BodyRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.reason);
  }
}

/** Reads a JSON body of at most `max` bytes. */
async function readJson(req: IncomingMessage, max: number): Promise<unknown> {
  const tooLarge = () =>
    new BodyRefused({ status: 413, error: 'too_large', reason: `The request body is over ${max} bytes.` });
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    throw new BodyRefused({ status: 415, error: 'bad_content_type', reason: 'Send the body as application/json.' });
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > max) throw tooLarge();
  const text = await new Promise<string>((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const stop = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', reject);
    };
    const onData = (chunk: Uint8Array) => {
      size += chunk.length;
      if (size <= max) {
        chunks.push(chunk);
        return;
      }
      // Past the limit: what is kept is dropped, and the rest is let through unread (not parsed, not kept) while
      // the 413 goes out and the connection closes; destroying the socket at once could lose that answer in a
      // reset. A sender that goes on for as much again is cut off.
      stop();
      chunks.length = 0;
      let discarded = 0;
      req.on('data', (more: Uint8Array) => {
        discarded += more.length;
        if (discarded > max) req.socket.destroy();
      });
      reject(tooLarge());
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', reject);
  });
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyRefused({ status: 400, error: 'bad_request', reason: 'invalid_json' });
  }
}

type Next = (error?: unknown) => void;
type Layer = { name: string };
type Stacked = { _router?: { stack: Layer[] }; use(handler: unknown): void };

/**
 * Puts the gate into express-pouchdb's middleware, right after the layer that sets `req.couchSession` (the one
 * after cookie-parser, express-pouchdb 4.2's routes/authentication.js); throws if the app is not laid out so.
 */
export function installGate(app: ExpressPouchDBApp, databases: DatabaseStates): void {
  const gate = (req: IncomingMessage, res: ServerResponse, next: Next) => {
    passGate(req, res, databases).then(
      (passed) => {
        if (passed) next();
      },
      (error: unknown) => {
        if (error instanceof BodyRefused) sendRefusal(req, res, error.refusal);
        else sendRefusal(req, res, { status: 500, error: 'internal_error', reason: String(error) });
      },
    );
  };
  const express = app as unknown as Stacked;
  express.use(gate);
  const stack = express._router?.stack ?? [];
  const cookies = stack.findIndex((layer) => layer.name === 'cookieParser');
  if (cookies < 0 || stack[cookies + 1]?.name !== '<anonymous>') {
    throw new Error('The sync server expected express-pouchdb to authenticate after cookie-parser.');
  }
  const layer = stack.pop() as Layer;
  stack.splice(cookies + 2, 0, layer);
}

/** Decides the request; on a pass, reads and checks its body. Resolves false when it answered a refusal. */
async function passGate(req: IncomingMessage, res: ServerResponse, databases: DatabaseStates): Promise<boolean> {
  const path = paths.get(req);
  const session = (req as { couchSession?: { userCtx?: { name?: unknown; roles?: unknown } } }).couchSession;
  if (!path || !session?.userCtx) {
    sendRefusal(req, res, { status: 500, error: 'internal_error', reason: 'The request was not read.' });
    return false;
  }
  const roles = Array.isArray(session.userCtx.roles) ? session.userCtx.roles.filter((r) => typeof r === 'string') : [];
  const who: Who = { name: typeof session.userCtx.name === 'string' ? session.userCtx.name : null, roles };
  const decision = await decide(req.method ?? 'GET', path.segments, who, (name) => databases.state(name), path.query);
  if (!decision.pass) {
    sendRefusal(req, res, decision.refusal);
    return false;
  }
  const changed = decision.changesDatabase;
  if (changed) res.on('finish', () => databases.forget(changed));
  const parsed = req as IncomingMessage & { body?: unknown; _body?: boolean };
  if (!decision.body) {
    // No route of this request reads a body: none is parsed (body-parser skips a request marked so).
    parsed.body = {};
    parsed._body = true;
    return true;
  }
  const body = await readJson(req, decision.body.max);
  let refusal: Refusal | null;
  try {
    refusal = decision.body.check?.(body) ?? null;
  } catch {
    // JSON too deeply nested to measure.
    refusal = { status: 400, error: 'bad_request', reason: 'The body is nested too deeply.' };
  }
  if (refusal) throw new BodyRefused(refusal);
  const newEdits =
    (body as { new_edits?: unknown } | null)?.new_edits !== false &&
    new URLSearchParams(path.query).get('new_edits') !== 'false';
  const overwrite = await appendOnlyRefusal(req.method ?? 'GET', path.segments, body, newEdits, databases.leaves);
  if (overwrite) throw new BodyRefused(overwrite);
  parsed.body = body;
  parsed._body = true;
  return true;
}
