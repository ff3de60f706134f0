/**
 * The sync server: CouchDB's replication API on loopback, from express-pouchdb over PouchDB (in memory, or
 * LevelDB files in a folder), with _users, _session (cookie and basic auth), _security and validate_doc_update,
 * and the device service at /_dossier/devices (devices.ts).
 * For the demo, the tests and a single user; a real team runs the same setup against CouchDB 3.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import expressPouchDB from 'express-pouchdb';
import memdown from 'memdown';
import PouchDB from 'pouchdb';
import { deviceRoutes } from './devices';
import { likeCouchDB } from './like-couchdb';
import { basicAuth, type Credentials, generatePassword } from './setup';

/** How to run the server. */
export interface SyncServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** A folder for the databases (LevelDB); in memory without one. */
  dir?: string;
  /** The server admin; a generated password when not given. */
  admin?: Credentials;
  /** Serve /_dossier/devices (the default), or not, as a CouchDB without the device service. */
  devices?: boolean;
}

/** A running sync server. */
export interface SyncServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  admin: Credentials;
  close(): Promise<void>;
}

/** `PUT /db` and `DELETE /db` (not `DELETE /_session`, signing out): CouchDB keeps them to server admins. */
function isDatabaseChange(method: string | undefined, path: string): boolean {
  return (method === 'PUT' || method === 'DELETE') && /^\/[^/]+\/?$/.test(path) && !/^\/_session\/?$/.test(path);
}

/** A write to `_users`: pouchdb-server lets a user give themselves roles by updating their own document. */
function isUsersWrite(method: string | undefined, path: string): boolean {
  return method !== 'GET' && method !== 'HEAD' && /^\/_users(?:\/|$)/.test(path);
}

/** The secret that signs session cookies, made once and kept in the server's folder (readable by its owner only). */
function sessionSecret(dir: string): string {
  const file = join(dir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Starts the server on 127.0.0.1 (never another interface). */
export async function startSyncServer(options: SyncServerOptions = {}): Promise<SyncServer> {
  const admin = options.admin ?? { name: 'admin', password: generatePassword() };
  const dir = options.dir ? resolve(options.dir) : null;
  if (dir) mkdirSync(dir, { recursive: true });
  // express-pouchdb writes a log file; in memory it goes to a temporary folder removed on close.
  const logDir = dir ?? mkdtempSync(join(tmpdir(), 'dossier-sync-'));
  const Pouch = dir
    ? PouchDB.defaults({ prefix: dir + sep })
    : // memdown keeps one store per name for the whole process: a prefix keeps two servers apart.
      PouchDB.defaults({ db: memdown, prefix: `${Date.now().toString(36)}-${generatePassword()}-` });
  const app = expressPouchDB(Pouch, {
    inMemoryConfig: true,
    logPath: join(logDir, 'sync-server.log'),
    // No Fauxton UI, and no server-side replication: it would let a user make the server fetch any URL.
    overrideMode: { exclude: ['routes/fauxton', 'routes/replicate', 'replicator'] },
  });
  const configure = (section: string, key: string, value: string) =>
    new Promise<void>((done, fail) =>
      app.couchConfig.set(section, key, value, (error) => (error ? fail(error) : done())),
    );
  await configure('admins', admin.name, admin.password);
  // Session cookies are signed with this secret: kept with the databases, a restarted server keeps its members
  // signed in, as CouchDB does (its secret is in its config). A new one at each start would sign every device out.
  if (dir) await configure('couch_httpd_auth', 'secret', sessionSecret(dir));
  // Runs after express-pouchdb's own wrappers (validation among them) are installed on each database.
  app.dbWrapper.registerWrapper((_name, db, next) => {
    likeCouchDB(db);
    next();
  });

  let url = '';
  // express-pouchdb 4.2 crashes the process on `PUT /db` from a non-admin (its wrapped constructor hands back a
  // promise: https://github.com/pouchdb/pouchdb-server/issues/359), lists every database to anyone, and lets a
  // user add roles to their own _users document (CouchDB refuses that). So database changes, the list and all
  // writes to _users are kept to server admins here (no self sign-up, no password change by the user); who is
  // asking is what /_session says.
  async function guard(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const asked = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = asked.pathname;
    // express-pouchdb never stops a continuous feed (nor its heartbeat) when its client goes away: each one would
    // run for the life of the process. PouchDB asks for long-poll feeds, which are served.
    if (/^\/[^/]+\/_changes\/?$/.test(path) && asked.searchParams.getAll('feed').includes('continuous')) {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ error: 'bad_request', reason: 'This server serves long-poll feeds, not continuous ones.' }),
      );
      return false;
    }
    if (!isDatabaseChange(req.method, path) && !isUsersWrite(req.method, path) && !/^\/_all_dbs\/?$/.test(path)) {
      return true;
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    if (req.headers.authorization) headers.authorization = req.headers.authorization;
    if (req.headers.cookie) headers.cookie = req.headers.cookie;
    const session = await fetch(`${url}/_session`, { headers });
    const body = (await session.json().catch(() => null)) as { userCtx?: { name?: string; roles?: string[] } } | null;
    if (session.ok && body?.userCtx?.roles?.includes('_admin')) return true;
    const signedIn = session.ok && Boolean(body?.userCtx?.name);
    res.writeHead(signedIn ? 403 : 401, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: signedIn ? 'forbidden' : 'unauthorized', reason: 'You are not a server admin.' }));
    return false;
  }

  // /_dossier/devices: device accounts, so that a browser keeps a credential of its own and not a password.
  const devices = options.devices === false ? async () => false : deviceRoutes({ couch: () => url, admin });
  const server = createServer((req, res) => {
    devices(req, res)
      .then(async (handled) => !handled && (await guard(req, res)))
      .then(
        (pass) => {
          if (pass) app(req, res);
        },
        (error: unknown) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: 'internal_error', reason: String(error) }));
        },
      );
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    admin,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      if (!dir) {
        // Free the in-memory databases (memdown's store outlives the server otherwise).
        const names = (await Pouch.allDbs?.()) ?? [];
        await Promise.all(names.map((name) => Pouch.destroy?.(name)));
        rmSync(logDir, { recursive: true, force: true });
      }
    },
  };
}

/** An admin's Authorization header for a server. */
export const adminAuth = (server: SyncServer) => basicAuth(server.admin);
