import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/*
 * The browser's side of device accounts, with chrome.storage and the network stood in for: what is asked of the
 * server, what is kept (a device's name and secret, nothing else), and how replication's requests are signed.
 */

type Call = { url: string; init: RequestInit };
let calls: Call[];
let store: Record<string, unknown>;
let answer: (url: string, init: RequestInit) => Response | Promise<Response>;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const fromService = (status: number, body: unknown) => json(status, body, { 'x-dossier-devices': '1' });

async function load() {
  vi.resetModules();
  return import('./auth');
}

beforeEach(() => {
  calls = [];
  store = {};
  answer = () => json(200, { ok: true });
  vi.stubGlobal('chrome', {
    storage: {
      local: {
        get: async (key: string) => (key in store ? { [key]: structuredClone(store[key]) } : {}),
        set: async (items: Record<string, unknown>) => {
          Object.assign(store, structuredClone(items));
        },
      },
    },
  });
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    calls.push({ url: String(input), init });
    return answer(String(input), init);
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const URL = 'http://127.0.0.1:5984';
const DEVICE = { name: 'alice~0123456789abcdef', password: 'device-secret' };

describe('takeDevice', () => {
  it('keeps the device the server makes, and signs the session out', async () => {
    const auth = await load();
    answer = (url) =>
      url.endsWith('/_dossier/devices') ? fromService(201, { ...DEVICE, team: 'demo' }) : json(200, { ok: true });
    expect(await auth.takeDevice(URL, 'demo')).toBe(DEVICE.name);
    expect(calls.map((c) => `${c.init.method} ${c.url} ${c.init.credentials}`)).toEqual([
      `POST ${URL}/_dossier/devices include`,
      `DELETE ${URL}/_session include`,
    ]);
    expect(JSON.parse(String(calls[0]?.init.body))).toMatchObject({
      team: 'demo',
      label: expect.stringMatching(/ on .+, joined \d{4}-\d{2}-\d{2}$/),
    });
    // Only the device's name and secret are kept, by team.
    expect(store).toEqual({ 'team-devices': { demo: DEVICE } });
    expect(await auth.deviceNameOf('demo')).toBe(DEVICE.name);
  });

  it('answers null, keeping the session, where the server has no device service', async () => {
    const auth = await load();
    answer = () => json(400, { error: 'illegal_database_name' });
    expect(await auth.takeDevice(URL, 'demo')).toBeNull();
    expect(calls).toHaveLength(1);
    expect(store).toEqual({});
    expect(await auth.deviceNameOf('demo')).toBeNull();
  });

  it('throws with the service’s reason when it refuses, signed out and keeping nothing', async () => {
    const auth = await load();
    answer = (url) =>
      url.endsWith('/_dossier/devices')
        ? fromService(403, { error: 'forbidden', reason: 'alice has 50 devices: revoke some first.' })
        : json(200, { ok: true });
    await expect(auth.takeDevice(URL, 'demo')).rejects.toThrow(
      'The server gave this browser no device account: alice has 50 devices: revoke some first.',
    );
    expect(calls.at(-1)).toMatchObject({ url: `${URL}/_session`, init: { method: 'DELETE' } });
    expect(store).toEqual({});
  });
});

describe('authFetchFor', () => {
  it('signs with the device (Basic) and sends no cookie; without one, sends the session cookie', async () => {
    store['team-devices'] = { demo: DEVICE };
    const auth = await load();
    await auth.authFetchFor('demo')(`${URL}/dossier-team-demo`, { headers: new Headers({ accept: 'x/y' }) });
    const signed = calls[0]!;
    expect(signed.init.credentials).toBe('omit');
    const headers = new Headers(signed.init.headers);
    expect(headers.get('authorization')).toBe(`Basic ${btoa(`${DEVICE.name}:${DEVICE.password}`)}`);
    expect(headers.get('accept')).toBe('x/y');

    await auth.authFetchFor('other')(`${URL}/dossier-team-other`, {});
    expect(calls[1]?.init.credentials).toBe('include');
    expect(new Headers(calls[1]?.init.headers).has('authorization')).toBe(false);
    expect(await auth.accessStatus(URL, 'demo')).toBe(200);
    answer = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await auth.accessStatus(URL, 'demo')).toBeNull();
  });
});

describe('dropDevice', () => {
  it('revokes the device as itself and forgets it, even when the server cannot be reached', async () => {
    store['team-devices'] = { demo: DEVICE, other: { ...DEVICE, name: 'alice~fedcba9876543210' } };
    const auth = await load();
    answer = () => Promise.reject(new TypeError('Failed to fetch'));
    await auth.dropDevice(URL, 'demo');
    expect(calls[0]).toMatchObject({
      url: `${URL}/_dossier/devices/${encodeURIComponent(DEVICE.name)}`,
      init: { method: 'DELETE', credentials: 'omit' },
    });
    expect(new Headers(calls[0]?.init.headers).get('authorization')).toMatch(/^Basic /);
    expect(store['team-devices']).toEqual({ other: { ...DEVICE, name: 'alice~fedcba9876543210' } });
    await auth.dropDevice(URL, 'demo');
    expect(calls).toHaveLength(1);
  });
});
