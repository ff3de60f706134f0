import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DEVICES_PER_USER } from './device-accounts';
import { type DeviceService, startDeviceService } from './devices';
import { rawRequest } from './raw-http';
import { type SyncServer, startSyncServer } from './server';
import { basicAuth, type Credentials, revokeDevices, setupTeam } from './setup';

/*
 * Device accounts through /_dossier/devices on the sync server (and the device service run alone, as beside
 * CouchDB 3): a member trades a sign-in for a credential of the browser's own, which writes as its owner, keeps
 * the owner's access as team:setup changes it, and dies when revoked.
 */

let server: SyncServer;
const alice: Credentials = { name: 'alice', password: 'alice-password' };
const bob: Credentials = { name: 'bob', password: 'bob-password' };
const carol: Credentials = { name: 'carol', password: 'carol-password' };
const mallory: Credentials = { name: 'mallory', password: 'mallory-password' };
const DB = '/dossier-team-demo';

interface Reply {
  status: number;
  body: Record<string, unknown> & { error?: string; reason?: string };
}

/** A request as `who` (Basic auth), or with a cookie, or anonymous; to the sync server unless `base` says. */
async function call(
  who: Credentials | string | null,
  method: string,
  path: string,
  body?: unknown,
  base = server.url,
): Promise<Reply> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json' };
  if (typeof who === 'string') headers.cookie = who;
  else if (who) headers.authorization = basicAuth(who);
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Reply['body'] };
}

/** A new device of `who` in `team`: its credentials. */
async function deviceOf(who: Credentials | string, team = 'demo', base = server.url): Promise<Credentials> {
  const reply = await call(who, 'POST', '/_dossier/devices', { team, label: 'Chromium on Linux' }, base);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return { name: String(reply.body.name), password: String(reply.body.password) };
}

let n = 0;
const card = (by: string, fields: Record<string, unknown> = {}) => ({
  type: 'card',
  schema: 2,
  cardId: `d${++n}`,
  name: 'Acme Corp',
  kind: 'company',
  createdBy: by,
  updatedBy: by,
  ...fields,
});

beforeAll(async () => {
  server = await startSyncServer();
  await setupTeam({ url: server.url, admin: server.admin, team: 'demo', members: [alice, bob], readers: [carol] });
  await setupTeam({ url: server.url, admin: server.admin, team: 'other', members: [mallory], readers: [] });
  const put = await call(server.admin, 'PUT', `${DB}/card:acme`, card('alice', { cardId: 'acme' }));
  expect(put.status).toBe(201);
});

afterAll(async () => {
  await server?.close();
});

describe('a device account', () => {
  it('is made for a member signed in with a password, and writes as them, never as another', async () => {
    const reply = await call(alice, 'POST', '/_dossier/devices', { team: 'demo', label: 'Chromium on Linux' });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ owner: 'alice', team: 'demo', access: 'member', label: 'Chromium on Linux' });
    expect(reply.body.name).toMatch(/^alice~[0-9a-f]{16}$/);
    expect(String(reply.body.password).length).toBeGreaterThanOrEqual(40);
    const device = { name: String(reply.body.name), password: String(reply.body.password) };

    expect((await call(device, 'GET', `${DB}/card:acme`)).body).toMatchObject({ name: 'Acme Corp' });
    expect((await call(device, 'PUT', `${DB}/card:by-device`, card('alice'))).status).toBe(201);
    const forged = await call(device, 'PUT', `${DB}/card:forged`, card('bob'));
    expect(forged).toMatchObject({ status: 403, body: { reason: 'createdBy must be the signed-in user (alice).' } });
    expect((await call(device, 'PUT', `${DB}/card:as-device`, card(device.name))).status).toBe(403);
    // Only for its team: the other team's database is closed to it.
    expect([401, 403]).toContain((await call(device, 'GET', '/dossier-team-other/_all_docs')).status);
  });

  it('is made with the session cookie of a sign-in, as the extension asks for it', async () => {
    const signIn = await fetch(`${server.url}/_session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(bob),
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^AuthSession=/);
    const device = await deviceOf(cookie);
    expect(device.name).toMatch(/^bob~/);
    expect((await call(device, 'PUT', `${DB}/card:bobs-device`, card('bob'))).status).toBe(201);
  });

  it('of a reader reads and cannot write', async () => {
    const device = await deviceOf(carol);
    expect((await call(device, 'GET', `${DB}/card:acme`)).status).toBe(200);
    const put = await call(device, 'PUT', `${DB}/card:carols`, card('carol'));
    expect(put).toMatchObject({ status: 403, body: { reason: 'carol reads team demo and cannot write to it.' } });
  });

  it('is refused to a non-member, an anonymous caller, a wrong password and a device, with their reasons', async () => {
    const refused = await call(mallory, 'POST', '/_dossier/devices', { team: 'demo' });
    expect(refused).toMatchObject({ status: 403, body: { reason: 'mallory is not a member of the team demo.' } });
    expect((await call(null, 'POST', '/_dossier/devices', { team: 'demo' })).status).toBe(401);
    const wrong = { name: 'alice', password: 'wrong-password' };
    expect((await call(wrong, 'POST', '/_dossier/devices', { team: 'demo' })).status).toBe(401);
    expect((await call(server.admin, 'POST', '/_dossier/devices', { team: 'demo' })).status).toBe(403);
    const device = await deviceOf(alice);
    expect((await call(device, 'POST', '/_dossier/devices', { team: 'demo' })).body.reason).toMatch(
      /device account cannot make another/,
    );
    expect((await call(alice, 'POST', '/_dossier/devices', { team: 'nope' })).status).toBe(403);
    expect((await call(alice, 'POST', '/_dossier/devices', { team: 'Bad Name' })).status).toBe(400);
    // Only JSON: a form posted by another site's page is not read.
    const form = await fetch(`${server.url}/_dossier/devices`, {
      method: 'POST',
      headers: { authorization: basicAuth(alice), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'team=demo',
    });
    expect(form.status).toBe(415);
  });

  it('is listed to its owner without a password, and to nobody else', async () => {
    const list = await call(alice, 'GET', '/_dossier/devices');
    expect(list.status).toBe(200);
    const devices = list.body as unknown as Record<string, unknown>[];
    expect(devices.length).toBeGreaterThanOrEqual(2);
    for (const device of devices) {
      expect(Object.keys(device).sort()).toEqual(['access', 'created', 'label', 'name', 'owner', 'team']);
      expect(device).toMatchObject({ owner: 'alice', team: 'demo', access: 'member', label: 'Chromium on Linux' });
    }
    expect(JSON.stringify(devices)).not.toMatch(/password|derived_key|salt/);
    expect((await call(alice, 'GET', '/_dossier/devices?user=bob')).status).toBe(403);
    const asAdmin = await call(server.admin, 'GET', '/_dossier/devices?user=bob');
    expect((asAdmin.body as unknown as { owner: string }[]).map((d) => d.owner)).toEqual(['bob']);
    expect((await call(null, 'GET', '/_dossier/devices')).status).toBe(401);
  });
});

describe('the limits of device accounts', () => {
  it('holds a user to 50 devices when 70 ask at once: exactly 50 are made', async () => {
    const dave: Credentials = { name: 'dave', password: 'dave-password' };
    await setupTeam({ url: server.url, admin: server.admin, team: 'demo', members: [dave], readers: [] });
    const replies = await Promise.all(
      Array.from({ length: 70 }, (_, i) =>
        call(dave, 'POST', '/_dossier/devices', { team: 'demo', label: `Browser ${i}` }),
      ),
    );
    const statuses = replies.map((reply) => reply.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(MAX_DEVICES_PER_USER);
    expect(statuses.filter((status) => status === 403)).toHaveLength(70 - MAX_DEVICES_PER_USER);
    const listed = (await call(dave, 'GET', '/_dossier/devices')).body as unknown as unknown[];
    expect(listed).toHaveLength(MAX_DEVICES_PER_USER);
    await revokeDevices({ url: server.url, admin: server.admin, users: ['dave'] });
  }, 60_000);

  it('takes a label as plain text of at most 120 characters, and refuses anything else', async () => {
    const made = await call(alice, 'POST', '/_dossier/devices', {
      team: 'demo',
      label: ' Firefox\u0000 on\u202e Linux\n ',
    });
    expect(made.status).toBe(201);
    expect(made.body.label).toBe('Firefox  on  Linux');
    const long = await call(alice, 'POST', '/_dossier/devices', { team: 'demo', label: 'é'.repeat(121) });
    expect(long).toMatchObject({ status: 400, body: { reason: 'A label is at most 120 characters.' } });
    expect((await call(alice, 'POST', '/_dossier/devices', { team: 'demo', label: '😀'.repeat(120) })).status).toBe(
      201,
    );
    const markup = await call(alice, 'POST', '/_dossier/devices', {
      team: 'demo',
      label: '<img src=x onerror=alert(1)>',
    });
    expect(markup).toMatchObject({ status: 400, body: { reason: 'A label is plain text, not HTML.' } });
    expect((await call(alice, 'POST', '/_dossier/devices', { team: 'demo', label: { html: 'x' } })).status).toBe(400);
    const devices = (await call(alice, 'GET', '/_dossier/devices')).body as unknown as {
      label: string;
      name: string;
    }[];
    expect(devices.map((d) => d.label)).not.toContain('<img src=x onerror=alert(1)>');
    await call(alice, 'DELETE', `/_dossier/devices/${made.body.name}`);
  });
});

describe('revoking a device', () => {
  it('by its owner ends its access at once', async () => {
    const device = await deviceOf(alice);
    expect((await call(device, 'GET', `${DB}/card:acme`)).status).toBe(200);
    const revoked = await call(alice, 'DELETE', `/_dossier/devices/${device.name}`);
    expect(revoked).toMatchObject({ status: 200, body: { ok: true } });
    expect((await call(device, 'GET', `${DB}/card:acme`)).status).toBe(401);
    expect((await call(alice, 'DELETE', `/_dossier/devices/${device.name}`)).status).toBe(404);
  });

  it('by the device itself (leaving a team), or by a server admin', async () => {
    const one = await deviceOf(bob);
    expect((await call(one, 'DELETE', `/_dossier/devices/${one.name}`)).status).toBe(200);
    expect((await call(one, 'GET', `${DB}/card:acme`)).status).toBe(401);
    const two = await deviceOf(bob);
    expect((await call(server.admin, 'DELETE', `/_dossier/devices/${two.name}`)).status).toBe(200);
    expect((await call(two, 'GET', `${DB}/card:acme`)).status).toBe(401);
  });

  it("is refused to another user, or another of the owner's devices, as if there were no such device", async () => {
    const bobs = await deviceOf(bob);
    const alices = await deviceOf(alice);
    for (const who of [alice, alices, mallory, null]) {
      const reply = await call(who, 'DELETE', `/_dossier/devices/${bobs.name}`);
      expect([401, 404], `${typeof who === 'object' ? who?.name : who}`).toContain(reply.status);
    }
    const other = await deviceOf(bob);
    expect((await call(other, 'DELETE', `/_dossier/devices/${bobs.name}`)).status).toBe(404);
    expect((await call(bobs, 'GET', `${DB}/card:acme`)).status).toBe(200);
    // Not a way to delete users either, not even for an admin.
    expect((await call(server.admin, 'DELETE', '/_dossier/devices/alice')).status).toBe(404);
    // A malformed path is no path: refused before any rule.
    expect((await call(server.admin, 'DELETE', '/_dossier/devices/%E0%A4%A')).status).toBe(400);
    expect((await call(alice, 'GET', '/_session')).body).toMatchObject({ userCtx: { name: 'alice' } });
  });
});

describe('team:setup and devices', () => {
  it("changes a member's devices to readers and back with them", async () => {
    await setupTeam({ url: server.url, admin: server.admin, team: 'swap', members: [alice, bob], readers: [] });
    const device = await deviceOf(bob, 'swap');
    const db = '/dossier-team-swap';
    expect((await call(device, 'PUT', `${db}/card:one`, card('bob'))).status).toBe(201);

    const demoted = await setupTeam({
      url: server.url,
      admin: server.admin,
      team: 'swap',
      members: [],
      readers: [bob],
    });
    expect(demoted.users[0]).toMatchObject({ name: 'bob', access: 'reader', devicesChanged: 1 });
    expect((await call(device, 'PUT', `${db}/card:two`, card('bob'))).body.reason).toBe(
      'bob reads team swap and cannot write to it.',
    );
    expect((await call(device, 'GET', `${db}/card:one`)).status).toBe(200);

    await setupTeam({ url: server.url, admin: server.admin, team: 'swap', members: [bob], readers: [] });
    expect((await call(device, 'PUT', `${db}/card:three`, card('bob'))).status).toBe(201);
    // Bob's devices in other teams are left as they were.
    const demo = await deviceOf(bob);
    await setupTeam({ url: server.url, admin: server.admin, team: 'swap', members: [], readers: [bob] });
    expect((await call(demo, 'PUT', `${DB}/card:demo-still`, card('bob'))).status).toBe(201);
  });

  it('revokes the devices of a removed member, who can no longer make one', async () => {
    await setupTeam({ url: server.url, admin: server.admin, team: 'leave', members: [alice, mallory], readers: [] });
    const device = await deviceOf(mallory, 'leave');
    const inOther = await deviceOf(mallory, 'other');
    const db = '/dossier-team-leave';
    expect((await call(device, 'GET', `${db}/_all_docs`)).status).toBe(200);

    const report = await setupTeam({
      url: server.url,
      admin: server.admin,
      team: 'leave',
      members: [],
      readers: [],
      remove: ['mallory'],
    });
    expect(report.removed).toEqual([{ name: 'mallory', hadAccess: true, devicesRevoked: 1 }]);
    expect((await call(device, 'GET', `${db}/_all_docs`)).status).toBe(401);
    expect([401, 403]).toContain((await call(mallory, 'GET', `${db}/_all_docs`)).status);
    expect((await call(mallory, 'POST', '/_dossier/devices', { team: 'leave' })).status).toBe(403);
    // Their other team is untouched.
    expect((await call(inOther, 'GET', '/dossier-team-other/_all_docs')).status).toBe(200);
  });

  it('revokes every device of a user (--revoke-devices)', async () => {
    const devices = [await deviceOf(carol), await deviceOf(carol)];
    const [result] = await revokeDevices({ url: server.url, admin: server.admin, users: ['carol'] });
    expect(result?.name).toBe('carol');
    expect(result?.revoked).toEqual(expect.arrayContaining(devices.map((d) => d.name)));
    for (const device of devices) expect((await call(device, 'GET', `${DB}/card:acme`)).status).toBe(401);
    expect((await call(carol, 'GET', '/_dossier/devices')).body).toEqual([]);
    expect((await call(carol, 'GET', `${DB}/card:acme`)).status).toBe(200);
  });
});

describe('the device service run alone (beside CouchDB 3)', () => {
  let service: DeviceService;
  beforeAll(async () => {
    service = await startDeviceService({ couch: server.url, admin: server.admin });
  });
  afterAll(async () => {
    await service?.close();
  });

  it('makes, lists and revokes devices of the CouchDB it is given', async () => {
    expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const device = await deviceOf(alice, 'demo', service.url);
    expect((await call(device, 'PUT', `${DB}/card:via-service`, card('alice'))).status).toBe(201);
    const list = (await call(alice, 'GET', '/_dossier/devices', undefined, service.url)).body as unknown as {
      name: string;
    }[];
    expect(list.map((d) => d.name)).toContain(device.name);
    expect((await call(mallory, 'POST', '/_dossier/devices', { team: 'demo' }, service.url)).status).toBe(403);
    expect((await call(alice, 'DELETE', `/_dossier/devices/${device.name}`, undefined, service.url)).status).toBe(200);
    expect((await call(device, 'GET', `${DB}/card:acme`)).status).toBe(401);
    expect((await call(alice, 'GET', '/_all_dbs', undefined, service.url)).status).toBe(404);
  });

  it('answers only its own host names, and no web page', async () => {
    const port = new URL(service.url).port;
    const ask = (headers: Record<string, string>) =>
      rawRequest(service.url, { path: '/_dossier/devices', headers: { ...headers, authorization: basicAuth(alice) } });
    expect((await ask({})).status).toBe(200);
    expect((await ask({ host: `rebound.example:${port}` })).status).toBe(421);
    expect((await ask({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await ask({ origin: 'chrome-extension://abcdefghijklmnop' })).status).toBe(200);
  });

  it('refuses to start with a wrong admin', async () => {
    await expect(startDeviceService({ couch: server.url, admin: { name: 'admin', password: 'x' } })).rejects.toThrow(
      /not an admin/,
    );
  });
});
