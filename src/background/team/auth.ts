import { DEVICE_SERVICE_HEADER, DEVICES_PATH, teamDbName } from '../../team/names';

/*
 * How this browser proves who it is to a team's server. Joining signs in once with the user's password (a
 * session cookie, POST /_session), trades that session for a device account of this browser's own
 * (POST /_dossier/devices, scripts/team/devices.ts) and signs the session out: only the device's name and
 * secret are kept (here, under their own key), sent as HTTP Basic auth with no cookie, so that replication
 * resumes on its own after the browser restarts, and the server (its admin, or leaving the team) can revoke
 * that one browser. A server without the device service keeps the session cookie as the credential instead.
 */

const KEY = 'team-devices';

/** A device account's credential for one team, as the server gave it once. */
interface DeviceCredential {
  name: string;
  password: string;
}

let cache: Promise<Record<string, DeviceCredential>> | null = null;

/** The device credentials, by team. */
function credentials(): Promise<Record<string, DeviceCredential>> {
  cache ??= chrome.storage.local.get(KEY).then((got) => {
    const value = got[KEY];
    return value && typeof value === 'object' ? (value as Record<string, DeviceCredential>) : {};
  });
  return cache;
}

async function keep(team: string, credential: DeviceCredential | null): Promise<void> {
  const next = { ...(await credentials()) };
  if (credential) next[team] = credential;
  else delete next[team];
  cache = Promise.resolve(next);
  await chrome.storage.local.set({ [KEY]: next });
}

const basic = ({ name, password }: DeviceCredential) => `Basic ${btoa(`${name}:${password}`)}`;

/** A fetch that sends the browser's cookies for the server (its session), nothing else. */
export const withSession: typeof fetch = (input, init) => fetch(input, { ...init, credentials: 'include' });

/** The fetch a team's replication uses: its device's credential and no cookie, or the session without one. */
export function authFetchFor(team: string): typeof fetch {
  return async (input, init) => {
    const device = (await credentials())[team];
    if (!device) return withSession(input, init);
    const headers = new Headers(init?.headers);
    headers.set('authorization', basic(device));
    return fetch(input, { ...init, headers, credentials: 'omit' });
  };
}

/** The HTTP status of a team's database to this browser's credential (401: revoked), or null offline. */
export async function accessStatus(url: string, team: string): Promise<number | null> {
  try {
    const response = await authFetchFor(team)(`${url}/${teamDbName(team)}`, {
      headers: { accept: 'application/json' },
    });
    return response.status;
  } catch {
    return null;
  }
}

/** The device account a team syncs with, or null when it uses the browser's session. */
export async function deviceNameOf(team: string): Promise<string | null> {
  return (await credentials())[team]?.name ?? null;
}

/** How the device shows in its owner's list on the server: "Chromium on Linux, joined 2026-12-01". */
export function deviceLabel(now = new Date()): string {
  const data = (
    globalThis.navigator as
      | (Navigator & { userAgentData?: { brands?: { brand: string }[]; platform?: string } })
      | undefined
  )?.userAgentData;
  const brands = (data?.brands ?? []).map((b) => b.brand);
  const browser =
    ['Google Chrome', 'Microsoft Edge', 'Brave', 'Opera', 'Chromium'].find((name) => brands.includes(name)) ??
    'Chromium';
  const platform = data?.platform || 'this computer';
  return `${browser} on ${platform}, joined ${now.toISOString().slice(0, 10)}`;
}

async function reasonOf(response: Response): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as { reason?: string; error?: string };
  return body.reason ?? body.error ?? `HTTP ${response.status}`;
}

/** Ends the browser's session on a server (its cookie); a server that does not answer keeps nobody in. */
export async function signOut(url: string): Promise<void> {
  await withSession(`${url}/_session`, { method: 'DELETE' }).catch(() => undefined);
}

/**
 * Right after signing in to `url` (the session cookie is the browser's): asks for a device account for the
 * team, keeps its credential and signs the session out. Resolves the device's name, or null when the server
 * has no device service (the session then stays, as the credential). Throws with the server's reason when it
 * refuses one (signed out).
 */
export async function takeDevice(url: string, team: string): Promise<string | null> {
  const body = JSON.stringify({ team, label: deviceLabel() });
  let response: Response;
  try {
    response = await withSession(`${url}${DEVICES_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body,
    });
  } catch {
    throw new Error(`The server at ${url} stopped answering while joining.`);
  }
  // CouchDB alone answers /_dossier/… with an error of its own (400 or 404), without the service's header.
  if (!response.headers.has(DEVICE_SERVICE_HEADER)) return null;
  const device = (await response
    .clone()
    .json()
    .catch(() => null)) as { name?: unknown; password?: unknown } | null;
  if (response.status !== 201 || typeof device?.name !== 'string' || typeof device.password !== 'string') {
    const reason = await reasonOf(response);
    await signOut(url);
    throw new Error(`The server gave this browser no device account: ${reason}`);
  }
  await keep(team, { name: device.name, password: device.password });
  await signOut(url);
  return device.name;
}

/** Revokes a team's device account on its server (when it can be reached) and forgets its credential. */
export async function dropDevice(url: string, team: string): Promise<void> {
  const device = (await credentials())[team];
  if (!device) return;
  await keep(team, null);
  await fetch(`${url}${DEVICES_PATH}/${encodeURIComponent(device.name)}`, {
    method: 'DELETE',
    headers: { authorization: basic(device), accept: 'application/json' },
    credentials: 'omit',
  }).catch(() => undefined);
}
