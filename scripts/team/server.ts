/**
 * The sync server: CouchDB's replication API on loopback, from express-pouchdb over PouchDB (in memory, or
 * LevelDB files in a folder), with _users, _session (cookie and basic auth), _security and validate_doc_update,
 * and the device service at /_dossier/devices (devices.ts). Every request passes the front door (its Host and
 * Origin, front-door.ts), has its path normalised once (request-path.ts), and is served only if it is on the
 * list of what Dossier and replication need and the caller may make it (access.ts, gate.ts).
 * For the demo, the tests and a single user; a real team runs the same setup against CouchDB 3.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import expressPouchDB from 'express-pouchdb';
import memdown from 'memdown';
import PouchDB from 'pouchdb';
import { deviceRoutes } from './devices';
import { allowedHosts, checkFrontDoor, type Door } from './front-door';
import { databaseStates, installGate, sendRefusal, setPath } from './gate';
import { likeCouchDB } from './like-couchdb';
import { normalisePath, type RequestPath } from './request-path';
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
  /** Origins a reverse proxy serves it under (`https://couch.example`): their host names are answered too. */
  publicOrigins?: readonly string[];
}

/** A running sync server. */
export interface SyncServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  admin: Credentials;
  close(): Promise<void>;
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
  // The databases, the log and the session secret: the owner's only.
  if (dir) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
  }
  // A malformed public origin is refused before anything starts.
  allowedHosts(0, options.publicOrigins);
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

  // Who may do what: decided after express-pouchdb has said who is asking, before any body is read (gate.ts).
  installGate(app, databaseStates(Pouch));

  let url = '';
  let door: Door = { hosts: new Set(), origins: new Set() };
  // /_dossier/devices: device accounts, so that a browser keeps a credential of its own and not a password.
  const devices = options.devices === false ? async () => false : deviceRoutes({ couch: () => url, admin });
  const server = createServer((req, res) => {
    const refused = checkFrontDoor(req, door);
    if (refused) return sendRefusal(req, res, refused);
    let path: RequestPath;
    try {
      path = normalisePath(req.url ?? '/');
    } catch (error) {
      return sendRefusal(req, res, { status: 400, error: 'bad_request', reason: (error as Error).message });
    }
    // Every rule and route below sees this one path.
    req.url = path.canonical;
    setPath(req, path);
    devices(req, res).then(
      (handled) => {
        if (!handled) app(req, res);
      },
      (error: unknown) => sendRefusal(req, res, { status: 500, error: 'internal_error', reason: String(error) }),
    );
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  const port = (server.address() as AddressInfo).port;
  url = `http://127.0.0.1:${port}`;
  door = allowedHosts(port, options.publicOrigins);

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
