/**
 * The device service: `/_dossier/devices` beside a CouchDB server's API, so that a browser joining a team turns
 * its user's password (or session) into a device account of its own (device-accounts.ts) and never keeps the
 * password. It speaks to CouchDB as a server admin and decides who the caller is by asking CouchDB's
 * `/_session` with the caller's own Authorization header or cookie.
 *
 * - `POST /_dossier/devices` `{team, label}` (JSON) → 201 `{name, password, team, access, label, created}`: a
 *   device account with the caller's access to that team (member or reader), answered once. 401 without a
 *   signed-in user, 403 for a non-member, a device or a user with too many devices, 404 for a team that is not
 *   on the server.
 * - `GET /_dossier/devices` → the caller's devices, never a password (`?user=NAME` for a server admin).
 * - `DELETE /_dossier/devices/<name>` → revokes one of the caller's devices, or the calling device itself, or
 *   (a server admin) anyone's. A device that is not the caller's is answered 404, as one that does not exist.
 *
 * The sync server (server.ts) mounts it; beside CouchDB 3, `npm run team:devices` runs it alone on loopback and
 * the reverse proxy that serves CouchDB over https sends `/_dossier/` to it (README, Teams).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEVICE_SERVICE_HEADER, isTeamName, ownerOfDevice } from '../../src/team/names';
import {
  accessIn,
  createDevice,
  describeDevice,
  devicesOf,
  MAX_DEVICES_PER_USER,
  revokeDevice,
  teamExists,
} from './device-accounts';
import { allowedHosts, checkFrontDoor, type Door } from './front-door';
import { normalisePath } from './request-path';
import { basicAuth, Couch, type Credentials, checkServerUrl } from './setup';

/** Where the device service finds CouchDB. */
export interface DeviceServiceOptions {
  /** CouchDB's base URL (https, or http on loopback); a function when it is known only later. */
  couch: string | (() => string);
  /** A server admin of that CouchDB. */
  admin: Credentials;
}

/** Handles a request under `/_dossier/`; resolves false for any other path, left to the caller. */
export type DeviceRoutes = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** The longest request body read (a team name and a label). */
const MAX_BODY = 4096;
const MAX_LABEL = 120;

interface Caller {
  name: string | null;
  roles: string[];
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    reason: string,
  ) {
    super(reason);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  // No CORS headers: only the extension (host permission) and same-origin pages read the answers. The
  // extension tells the device service's answers from CouchDB's (a server without it) by DEVICE_SERVICE_HEADER.
  res.writeHead(status, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    [DEVICE_SERVICE_HEADER]: '1',
  });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  // Only JSON: a page of another site can post a form, not JSON, without a preflight.
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    throw new HttpError(415, 'bad_content_type', 'Send the request as application/json.');
  }
  let size = 0;
  let text = '';
  const decoder = new TextDecoder();
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, 'too_large', 'The request is too large.');
    text += decoder.decode(chunk as Buffer, { stream: true });
  }
  try {
    const body = JSON.parse(text + decoder.decode()) as unknown;
    if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // Answered below.
  }
  throw new HttpError(400, 'bad_request', 'The request is not a JSON object.');
}

/** Something that reads as an HTML tag (as src/model/card.ts refuses in a card's text). */
const MARKUP = /<\s*\/?\s*[a-z!?][^<>]*>/i;

/** A label as it is kept: plain text on one line, at most 120 characters; refuses anything else. */
function cleanLabel(value: unknown): string {
  if (value === undefined) return 'A browser';
  if (typeof value !== 'string') throw new HttpError(400, 'bad_request', 'A label is text.');
  const text = value.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, ' ').trim();
  if ([...text].length > MAX_LABEL) {
    throw new HttpError(400, 'bad_request', `A label is at most ${MAX_LABEL} characters.`);
  }
  if (MARKUP.test(text)) throw new HttpError(400, 'bad_request', 'A label is plain text, not HTML.');
  return text || 'A browser';
}

/**
 * Runs `task` after every earlier task of the same key has settled: the device count a creation checks is then
 * the count it adds to, however many requests arrive at once (one device service per server).
 */
function serialised(): <T>(key: string, task: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return (key, task) => {
    const run = (tails.get(key) ?? Promise.resolve()).then(task, task);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return run;
  };
}

/** A path segment decoded; a malformed one names no device. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(404, 'not_found', 'No such device.');
  }
}

/** The device service's request handler. */
export function deviceRoutes(options: DeviceServiceOptions): DeviceRoutes {
  const base = () => checkServerUrl(typeof options.couch === 'string' ? options.couch : options.couch()).href;
  const admin = () => new Couch(base().replace(/\/$/, ''), basicAuth(options.admin));

  /** Who is asking, as CouchDB says from their credentials (none passed on: anonymous). */
  async function callerOf(req: IncomingMessage): Promise<Caller> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (req.headers.authorization) headers.authorization = req.headers.authorization;
    if (req.headers.cookie) headers.cookie = req.headers.cookie;
    const session = await fetch(`${base().replace(/\/$/, '')}/_session`, { headers });
    if (session.status === 401) throw new HttpError(401, 'unauthorized', 'Name or password is incorrect.');
    const body = (await session.json().catch(() => null)) as { userCtx?: Partial<Caller> } | null;
    if (!session.ok || !body?.userCtx) throw new HttpError(502, 'bad_gateway', 'CouchDB did not say who is asking.');
    const roles = Array.isArray(body.userCtx.roles) ? body.userCtx.roles.filter((r) => typeof r === 'string') : [];
    return { name: typeof body.userCtx.name === 'string' ? body.userCtx.name : null, roles };
  }

  function signedIn(caller: Caller): string {
    if (!caller.name) throw new HttpError(401, 'unauthorized', 'Sign in first.');
    return caller.name;
  }

  const isAdmin = (caller: Caller) => caller.roles.includes('_admin');
  const oneAtATime = serialised();
  const isDevice = (caller: Caller) =>
    caller.name !== null &&
    (ownerOfDevice(caller.name) !== null || caller.roles.some((r) => r.startsWith('dossier-device-of:')));

  async function create(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const caller = await callerOf(req);
    const user = signedIn(caller);
    const body = await readJson(req);
    const team = typeof body.team === 'string' ? body.team : '';
    if (!isTeamName(team)) throw new HttpError(400, 'bad_request', 'Give the team: {"team": "…", "label": "…"}.');
    if (isDevice(caller)) throw new HttpError(403, 'forbidden', 'A device account cannot make another.');
    const access = accessIn(caller.roles, team);
    if (!access) throw new HttpError(403, 'forbidden', `${user} is not a member of the team ${team}.`);
    const label = cleanLabel(body.label);
    const couch = admin();
    if (!(await teamExists(couch, team))) throw new HttpError(404, 'not_found', `The server has no team ${team}.`);
    const device = await oneAtATime(user, async () => {
      if ((await devicesOf(couch, user)).length >= MAX_DEVICES_PER_USER) {
        throw new HttpError(403, 'forbidden', `${user} has ${MAX_DEVICES_PER_USER} devices: revoke some first.`);
      }
      return createDevice(couch, user, team, access, label);
    });
    send(res, 201, device);
  }

  async function list(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const caller = await callerOf(req);
    const user = signedIn(caller);
    const asked = url.searchParams.get('user');
    if (asked !== null && asked !== user && !isAdmin(caller)) {
      throw new HttpError(403, 'forbidden', 'Only a server admin lists the devices of another user.');
    }
    if (asked === null && isDevice(caller)) throw new HttpError(403, 'forbidden', 'A device lists no devices.');
    send(res, 200, (await devicesOf(admin(), asked ?? user)).map(describeDevice));
  }

  async function revoke(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    const caller = await callerOf(req);
    const user = signedIn(caller);
    const owner = ownerOfDevice(name);
    // Its owner (signed in as themselves, not through another device), the device itself, or a server admin.
    const allowed = owner !== null && (isAdmin(caller) || user === name || (user === owner && !isDevice(caller)));
    if (!allowed || !(await revokeDevice(admin(), name))) {
      throw new HttpError(404, 'not_found', `No device of yours is named ${name}.`);
    }
    send(res, 200, { ok: true, name });
  }

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!url.pathname.startsWith('/_dossier/')) return false;
    try {
      const one = /^\/_dossier\/devices\/([^/]+)$/.exec(url.pathname);
      if (url.pathname === '/_dossier/devices' && req.method === 'POST') await create(req, res);
      else if (url.pathname === '/_dossier/devices' && req.method === 'GET') await list(req, res, url);
      else if (one?.[1] && req.method === 'DELETE') await revoke(req, res, decoded(one[1]));
      else throw new HttpError(one || url.pathname === '/_dossier/devices' ? 405 : 404, 'not_found', 'No such route.');
    } catch (error) {
      if (error instanceof HttpError) send(res, error.status, { error: error.error, reason: error.message });
      else send(res, 500, { error: 'internal_error', reason: error instanceof Error ? error.message : String(error) });
    }
    return true;
  };
}

/** A device service running on its own (beside CouchDB 3). */
export interface DeviceService {
  /** `http://127.0.0.1:PORT` */
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the device service alone on 127.0.0.1, after checking that the admin is one. It answers the Host names
 * of its loopback address and of `publicOrigins` (the reverse proxy's), and no web page (front-door.ts).
 */
export async function startDeviceService(
  options: DeviceServiceOptions & { port?: number; publicOrigins?: readonly string[] },
): Promise<DeviceService> {
  allowedHosts(0, options.publicOrigins);
  const couch = typeof options.couch === 'string' ? options.couch : options.couch();
  const session = await new Couch(checkServerUrl(couch).href.replace(/\/$/, ''), basicAuth(options.admin)).request(
    'GET',
    '/_session',
  );
  if (!(session.json as { userCtx?: { roles?: string[] } } | null)?.userCtx?.roles?.includes('_admin')) {
    throw new Error(`${options.admin.name} is not an admin of ${couch} (or the password is wrong).`);
  }
  const routes = deviceRoutes(options);
  let door: Door = { hosts: new Set(), origins: new Set() };
  const server = createServer((req, res) => {
    const refused = checkFrontDoor(req, door);
    if (refused) return send(res, refused.status, { error: refused.error, reason: refused.reason });
    try {
      req.url = normalisePath(req.url ?? '/').canonical;
    } catch (error) {
      return send(res, 400, { error: 'bad_request', reason: (error as Error).message });
    }
    void routes(req, res).then((handled) => {
      if (!handled) send(res, 404, { error: 'not_found', reason: 'Only /_dossier/devices is served here.' });
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  const port = (server.address() as AddressInfo).port;
  door = allowedHosts(port, options.publicOrigins);
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
