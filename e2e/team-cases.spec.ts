import { extensionId as idOf, launch, serviceWorker } from '../scripts/browser';
import { openPanelPage, tabIdOf, waitForHighlights } from '../scripts/page-probe';
import { type SyncServer, startSyncServer } from '../scripts/team/server';
import { basicAuth, type Credentials, setupTeam } from '../scripts/team/setup';
import type { CaseLog, ListedCase } from '../src/messaging/cases';
import type { Case } from '../src/model/case';
import { expect, test } from './fixtures';
import { ask, joinAndSync } from './team';

/*
 * A team case between two browser profiles on the loopback sync server: Alice shares her case, Bob files a
 * clip into it; each appends their own entries to its custody log and sees the other's, the chains holding. An
 * edit or a deletion of an entry, by its author or anyone else, is refused by the server and changes nothing;
 * an entry a server admin removes shows as the break it is.
 */

let server: SyncServer;
const ALICE = { name: 'alice', password: 'alice-password-1' };
const BOB = { name: 'bob', password: 'bob-password-12' };
const DB = 'dossier-team-research';

test.beforeAll(async () => {
  server = await startSyncServer({});
  await setupTeam({ url: server.url, team: 'research', members: [ALICE, BOB], readers: [], admin: server.admin });
});
test.afterAll(async () => {
  await server.close();
});

/** A document of the team's database on the server, read as its admin (null when absent). */
async function serverDoc(id: string): Promise<(Record<string, unknown> & { _rev: string }) | null> {
  const response = await fetch(`${server.url}/${DB}/${encodeURIComponent(id)}`, {
    headers: { authorization: basicAuth(server.admin) },
  });
  return response.ok ? ((await response.json()) as Record<string, unknown> & { _rev: string }) : null;
}

/** A raw request to the team's database as a member, as a modified client could send it. */
async function asMember(who: Credentials, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}/${DB}/${path}`, {
    method,
    headers: { authorization: basicAuth(who), 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

const custodyIds = async () => {
  const response = await fetch(`${server.url}/${DB}/_all_docs?startkey="custody:"&endkey="custody:\uffff"`, {
    headers: { authorization: basicAuth(server.admin) },
  });
  return ((await response.json()) as { rows: Array<{ id: string }> }).rows.map((r) => r.id);
};

test("a shared case's log: each member appends their own entries and sees the other's; no entry can be changed", async ({
  context,
  extensionId,
  worker,
  server: pages,
}, testInfo) => {
  test.setTimeout(180_000);
  await joinAndSync(context, extensionId, {
    url: server.url,
    team: 'research',
    user: ALICE.name,
    password: ALICE.password,
  });
  const bob = await launch();
  try {
    const bobWorker = await serviceWorker(bob);
    await joinAndSync(bob, idOf(bobWorker), {
      url: server.url,
      team: 'research',
      user: BOB.name,
      password: BOB.password,
    });

    // Alice makes a case, clips the demo page into it, and shares the case (with its clip) with the team.
    const page = await context.newPage();
    await page.goto(`${pages.url}/demo/`);
    await waitForHighlights(page);
    const panel = await openPanelPage(context, extensionId, await tabIdOf(worker, page));
    const made = await ask<Case>(panel, 'case.create', { name: 'Chip route through Japan', current: true });
    expect(made.ok, made.error).toBe(true);
    const caseId = made.value.caseId;
    const clip = await ask<{ clipId: string; caseId: string }>(panel, 'clip.save', {
      tabId: await tabIdOf(worker, page),
    });
    expect(clip.value.caseId).toBe(caseId);
    expect(await ask(panel, 'case.share', { caseId, team: 'research' })).toMatchObject({
      ok: true,
      value: { team: 'research', caseId, clips: 1 },
    });
    expect(await ask(panel, 'clip.viewed', { clipId: clip.value.clipId })).toMatchObject({ value: { logged: true } });
    await expect.poll(async () => (await custodyIds()).length, { timeout: 10_000 }).toBe(3);
    expect((await custodyIds()).every((id) => id.endsWith(':alice'))).toBe(true);

    // Bob sees the case, makes it his current one from the header and clips a corpus page into it.
    const bobPage = await bob.newPage();
    await bobPage.goto(`${pages.url}/pages/reader.html`);
    const bobPanel = await openPanelPage(bob, idOf(bobWorker), await tabIdOf(bobWorker, bobPage));
    await expect
      .poll(async () => (await ask<ListedCase[]>(bobPanel, 'cases.list', {})).value.map((c) => [c.name, c.mine]), {
        timeout: 10_000,
      })
      .toEqual([['Chip route through Japan', false]]);
    await bobPanel.reload();
    const header = bobPanel.locator('header.bar');
    await header.getByLabel('Case').selectOption({ label: 'Chip route through Japan (alice)' });
    await expect(bobPanel.locator('main > .notice')).toHaveText('Clips now go into “Chip route through Japan”.');
    await header.getByRole('button', { name: 'Clip page' }).click();
    await expect(bobPanel.locator('main > .notice')).toContainText('into the case “Chip route through Japan”.');
    // He may not rename her case.
    expect((await ask(bobPanel, 'case.update', { caseId, name: 'Mine' })).error).toBe(
      'Only alice may change the case “Chip route through Japan”.',
    );

    // Each sees the other's entries: both chains hold.
    const users = (log: CaseLog) => log.entries.map((e) => `${e.user}:${e.event}`);
    await expect
      .poll(async () => users((await ask<CaseLog>(panel, 'case.log', { caseId })).value), { timeout: 10_000 })
      .toContain('bob:created');
    const aliceLog = (await ask<CaseLog>(panel, 'case.log', { caseId })).value;
    expect(aliceLog.problems).toEqual([]);
    expect(users(aliceLog)).toEqual(
      expect.arrayContaining(['local:created', 'local:created', 'alice:shared', 'alice:shared', 'alice:viewed']),
    );
    await header.getByRole('button', { name: 'Cases' }).click();
    await bobPanel.getByRole('button', { name: /Chip route through Japan/ }).click();
    await expect(bobPanel.locator('.case-meta').first()).toHaveText(/^alice’s case, shared with research/);
    await expect(bobPanel.locator('.custody-check')).toHaveText('Chain holds: 4 entries in 2 chains.');
    await expect(bobPanel.locator('.custody-who')).toHaveText([
      / alice · alice~/,
      / alice · alice~/,
      / alice · alice~/,
      / bob · bob~/,
    ]);
    await bobPanel.setViewportSize({ width: 380, height: 900 });
    await bobPanel.screenshot({ path: testInfo.outputPath('team-case-380.png'), fullPage: true });

    // A forged edit or deletion of an entry is refused, Alice's own included, and changes nothing.
    const [first, second] = (await custodyIds()).filter((id) => id.endsWith(':alice'));
    const before = await serverDoc(first as string);
    expect(before).toMatchObject({ event: 'shared', user: 'alice' });
    const forged = { ...before, event: 'viewed', detail: {} };
    expect(
      await asMember(BOB, 'PUT', encodeURIComponent(first as string), { ...forged, updatedBy: 'bob' }),
    ).toMatchObject({
      status: 403,
    });
    expect(await asMember(ALICE, 'PUT', encodeURIComponent(first as string), forged)).toMatchObject({
      status: 403,
      body: { reason: expect.stringMatching(/^A custody entry is never changed/) },
    });
    expect(await asMember(ALICE, 'DELETE', `${encodeURIComponent(first as string)}?rev=${before?._rev}`)).toMatchObject(
      { status: 403, body: { reason: 'A custody entry is never deleted.' } },
    );
    expect(
      await asMember(ALICE, 'POST', '_bulk_docs', {
        new_edits: false,
        docs: [{ ...forged, _rev: `1-${'e'.repeat(32)}`, _revisions: { start: 1, ids: ['e'.repeat(32)] } }],
      }),
    ).toMatchObject({ status: 403 });
    // Bob writing an entry that says Alice did something.
    const asAlice = {
      ...before,
      _id: String(before?._id).replace(/:alice$/, ':bob'),
      createdBy: 'bob',
      updatedBy: 'bob',
    };
    delete (asAlice as { _rev?: string })._rev;
    expect(await asMember(BOB, 'PUT', encodeURIComponent(asAlice._id), asAlice)).toMatchObject({ status: 403 });
    expect(await serverDoc(first as string)).toEqual(before);
    expect(await serverDoc(asAlice._id)).toBeNull();

    // An entry a server admin removes reaches Bob as the break it is.
    const removed = await serverDoc(second as string);
    const deleted = await fetch(`${server.url}/${DB}/${encodeURIComponent(second as string)}?rev=${removed?._rev}`, {
      method: 'DELETE',
      headers: { authorization: basicAuth(server.admin) },
    });
    expect(deleted.status).toBe(200);
    await bobPanel.getByRole('button', { name: '← Back' }).click();
    await bobPanel.getByRole('button', { name: /Chip route through Japan/ }).click();
    await expect(bobPanel.locator('.custody-check')).toContainText('Chain broken at entry 3 of alice on alice~', {
      timeout: 10_000,
    });
    await expect(bobPanel.locator('.custody-check')).toContainText('entry 2 is missing');
  } finally {
    await bob.close();
  }
});
