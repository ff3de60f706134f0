import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { extensionId as idOf, launch, serviceWorker } from '../scripts/browser';
import { openPanelPage, paintedRanges, tabIdOf, waitForHighlights } from '../scripts/page-probe';
import { type SyncServer, startSyncServer } from '../scripts/team/server';
import { basicAuth, setupTeam } from '../scripts/team/setup';
import type { Card } from '../src/model/card';
import type { CardConflict } from '../src/model/card-conflict';
import { expect, test } from './fixtures';
import { ask, joinAndSync } from './team';

/*
 * Two members edit the same shared card while the team's server is away (stopped: its databases stay on disk),
 * then it comes back: both profiles show the same winner and a conflict marker, every version is kept, one of
 * them merges field by field in the side panel and the other converges on the merge. And an edit made while a
 * teammate removed the card from the team wins over the removal.
 */

const ADMIN = { name: 'admin', password: 'admin-password-1' };
const ALICE = { name: 'alice', password: 'alice-password-1' };
const BOB = { name: 'bob', password: 'bob-password-12' };
const DB = 'dossier-team-research';

let dir: string;
let port: number;
let server: SyncServer | null = null;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-conflicts-'));
  server = await startSyncServer({ dir, admin: ADMIN });
  port = Number(new URL(server.url).port);
  await setupTeam({ url: server.url, team: 'research', members: [ALICE, BOB], readers: [], admin: ADMIN });
});
test.afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const serverUrl = () => `http://127.0.0.1:${port}`;
/** Takes the server away: every profile is offline from the team. */
async function stopServer() {
  await server?.close();
  server = null;
}
/** Brings the server back on the same port, with the same databases. */
async function startServer() {
  server = await startSyncServer({ dir, admin: ADMIN, port });
}

/** The server's copy of a card (as an admin reads it), with its conflicts and every leaf revision. */
async function onServer(cardId: string) {
  const headers = { authorization: basicAuth(ADMIN), accept: 'application/json' };
  const url = `${serverUrl()}/${DB}/card:${encodeURIComponent(cardId)}`;
  const doc = (await (await fetch(`${url}?conflicts=true`, { headers })).json()) as Record<string, unknown> & {
    _rev: string;
    _conflicts?: string[];
  };
  const leaves = (await (await fetch(`${url}?open_revs=all`, { headers })).json()) as Array<{
    ok?: Record<string, unknown> & { _rev: string; _deleted?: boolean };
  }>;
  return { doc, leaves: leaves.flatMap((l) => (l.ok && !l.ok._deleted ? [l.ok] : [])) };
}

/** A profile reading the demo page with its side panel open on it. */
async function reader(context: BrowserContext, worker: Worker, pages: string) {
  const page = await context.newPage();
  await page.goto(`${pages}/demo/`);
  await waitForHighlights(page);
  const panel = await openPanelPage(context, idOf(worker), await tabIdOf(worker, page));
  await panel.setViewportSize({ width: 420, height: 1100 });
  return { page, panel };
}

/** Opens a card in the panel from the page's list of cards. */
async function openFromPage(panel: Page, name: string) {
  await panel
    .getByRole('button', { name: new RegExp(`^${name}`) })
    .first()
    .click();
  await expect(panel.getByRole('heading', { name, level: 2 })).toBeVisible();
}

/** Edits a card in the panel's card editor. */
async function edit(panel: Page, fields: Record<string, string>) {
  await panel.getByRole('button', { name: 'Edit card' }).click();
  for (const [label, value] of Object.entries(fields)) await panel.getByRole('textbox', { name: label }).fill(value);
  await panel.getByRole('button', { name: 'Save card' }).click();
  await expect(panel.getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();
}

const axeSource = readFileSync(resolve(import.meta.dirname, '../node_modules/axe-core/axe.min.js'), 'utf8');
async function violations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const results = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as {
    violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }>;
  };
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('two members edit a shared card while apart: one winner and a conflict on both sides, merged field by field, nothing lost', async ({
  context,
  worker,
  extensionId,
  server: pages,
}, testInfo) => {
  test.setTimeout(150_000);
  await joinAndSync(context, extensionId, {
    url: serverUrl(),
    team: 'research',
    user: ALICE.name,
    password: ALICE.password,
  });
  const other = await launch();
  try {
    const otherWorker = await serviceWorker(other);
    await joinAndSync(other, idOf(otherWorker), {
      url: serverUrl(),
      team: 'research',
      user: BOB.name,
      password: BOB.password,
    });

    // Alice makes the card and shares it; Bob's page links it.
    const alice = await reader(context, worker, pages.url);
    const made = await ask<Card>(alice.panel, 'card.save', {
      card: {
        id: 'lin-pei-shan',
        name: 'Lin Pei-shan',
        kind: 'person',
        summary: 'Researcher of chip supply chains, Taipei.',
        tags: ['chips'],
      },
      create: true,
    });
    expect(made, made.error).toMatchObject({ ok: true });
    expect(await ask(alice.panel, 'card.share', { cardId: 'lin-pei-shan', team: 'research' })).toMatchObject({
      ok: true,
    });
    const bob = await reader(other, otherWorker, pages.url);
    await expect
      .poll(async () => (await paintedRanges(bob.page)).map((r) => r.quote), { timeout: 10_000 })
      .toContain('Lin Pei-shan');
    await bob.panel.reload();
    await alice.panel.reload();

    // The server goes away; each edits the card in their side panel.
    await stopServer();
    await openFromPage(alice.panel, 'Lin Pei-shan');
    await edit(alice.panel, { Summary: 'Researcher at Academia Sinica, Taipei.', Tags: 'chips, academia' });
    await openFromPage(bob.panel, 'Lin Pei-shan');
    await edit(bob.panel, { Summary: 'Moved to the Arizona fab in 2025.', Notes: 'Met her at SEMICON West.' });
    await expect(alice.panel.getByText('Researcher at Academia Sinica, Taipei.')).toBeVisible();
    await expect(bob.panel.getByText('Moved to the Arizona fab in 2025.')).toBeVisible();

    // The server is back: both sync on their own and mark the conflict in the open card.
    const back = Date.now();
    await startServer();
    const marker = (panel: Page) => panel.locator('.conflict-marker');
    await expect(marker(alice.panel)).toContainText('Conflict 2 versions of this card in research', {
      timeout: 40_000,
    });
    await expect(marker(bob.panel)).toContainText('Conflict 2 versions of this card in research', {
      timeout: 40_000,
    });
    console.log(`conflict shown on both profiles ${Date.now() - back} ms after the server came back`);

    // The same winner on both sides and on the server, and every version's content is there.
    const conflictOf = async (panel: Page) =>
      (await ask<CardConflict[]>(panel, 'card.conflicts', { cardId: 'lin-pei-shan' })).value;
    const [onA, onB] = [await conflictOf(alice.panel), await conflictOf(bob.panel)];
    expect(onA).toHaveLength(1);
    expect(onB).toEqual(onA);
    const versions = onA[0]?.versions ?? [];
    const { doc, leaves } = await onServer('lin-pei-shan');
    expect(doc._rev).toBe(versions[0]?.rev);
    expect(doc._conflicts).toEqual([versions[1]?.rev]);
    expect(leaves.map((l) => l.summary).sort()).toEqual([
      'Moved to the Arizona fab in 2025.',
      'Researcher at Academia Sinica, Taipei.',
    ]);
    const byAuthor = new Map(versions.map((v) => [v.updatedBy, v.card]));
    expect(byAuthor.get('alice')).toMatchObject({ summary: 'Researcher at Academia Sinica, Taipei.' });
    expect(byAuthor.get('alice')?.tags).toEqual(['chips', 'academia']);
    expect(byAuthor.get('bob')).toMatchObject({ notes: 'Met her at SEMICON West.', tags: ['chips'] });
    // Both show the winner.
    const winner = versions[0]?.card?.summary ?? '';
    for (const panel of [alice.panel, bob.panel]) {
      expect((await ask<Card>(panel, 'card.get', { id: 'lin-pei-shan' })).value.summary).toBe(winner);
      await expect(panel.locator('article.card > p', { hasText: winner })).toBeVisible();
    }

    // Bob's list of the page's cards marks it too.
    await bob.panel.getByRole('button', { name: '← This page' }).click();
    await expect(bob.panel.getByRole('button', { name: /^Lin Pei-shan Conflict/ })).toBeVisible({ timeout: 10_000 });

    // Alice compares the versions field by field: only those that differ, with who wrote each.
    await alice.panel.getByRole('button', { name: 'Compare versions' }).click();
    const view = alice.panel.getByRole('region', { name: '2 versions in research' });
    await expect(view.getByRole('group')).toHaveText([/^Summary/, /^Tags/, /^Notes/]);
    await expect(view.getByRole('list', { name: 'Versions' })).toContainText(/Version A by (alice|bob)/);
    for (const colorScheme of ['light', 'dark'] as const) {
      await alice.panel.emulateMedia({ colorScheme });
      await alice.panel.screenshot({ path: testInfo.outputPath(`conflict-${colorScheme}.png`), fullPage: true });
      expect(await violations(alice.panel), `conflict view (${colorScheme})`).toEqual([]);
    }
    await alice.panel.emulateMedia({ colorScheme: 'light' });

    // She merges: Bob's summary and notes, her own tags.
    const choose = (field: string, author: string) =>
      view
        .getByRole('group', { name: field })
        .getByRole('radio', { name: new RegExp(`by ${author}`) })
        .check();
    await choose('Summary', 'bob');
    await choose('Tags', 'alice');
    await choose('Notes', 'bob');
    await view.getByRole('button', { name: 'Merge selected' }).click();
    const mergedAt = Date.now();
    // Focus moves to what happened (the versions it was in are gone).
    await expect(
      alice.panel.getByRole('status').filter({ hasText: 'Conflict in research resolved: merged' }),
    ).toBeFocused();
    await expect(marker(alice.panel)).toHaveCount(0);
    const merged = {
      summary: 'Moved to the Arizona fab in 2025.',
      tags: ['chips', 'academia'],
      notes: 'Met her at SEMICON West.',
    };
    await expect(alice.panel.locator('article.card > p', { hasText: merged.summary })).toBeVisible();
    await alice.panel.screenshot({ path: testInfo.outputPath('resolved-light.png'), fullPage: true });

    // Bob converges on the merge, with no conflict left anywhere.
    await expect
      .poll(async () => (await ask<Card>(bob.panel, 'card.get', { id: 'lin-pei-shan' })).value, { timeout: 20_000 })
      .toMatchObject(merged);
    await expect.poll(() => conflictOf(bob.panel)).toEqual([]);
    console.log(`the merge reached the teammate, conflict gone, ${Date.now() - mergedAt} ms after the click`);
    await expect(bob.panel.getByRole('button', { name: /^Lin Pei-shan/ }).first()).not.toContainText('Conflict', {
      timeout: 10_000,
    });
    await expect.poll(async () => (await onServer('lin-pei-shan')).doc._conflicts ?? []).toEqual([]);
    expect((await onServer('lin-pei-shan')).doc).toMatchObject({ ...merged, createdBy: 'alice', updatedBy: 'alice' });
  } finally {
    await other.close();
  }
});

test('an edit made while a teammate removed the card from the team wins; a removal made online reaches the teammate', async ({
  context,
  worker,
  extensionId,
  server: pages,
}, testInfo) => {
  test.setTimeout(150_000);
  await joinAndSync(context, extensionId, {
    url: serverUrl(),
    team: 'research',
    user: ALICE.name,
    password: ALICE.password,
  });
  const other = await launch();
  try {
    const otherWorker = await serviceWorker(other);
    await joinAndSync(other, idOf(otherWorker), {
      url: serverUrl(),
      team: 'research',
      user: BOB.name,
      password: BOB.password,
    });
    const alice = await reader(context, worker, pages.url);
    const bob = await reader(other, otherWorker, pages.url);
    const card = { id: 'kestrel-dynamics', name: 'Kestrel Dynamics', kind: 'company', summary: 'Drone maker.' };
    expect(await ask(alice.panel, 'card.save', { card, create: true })).toMatchObject({ ok: true });
    expect(await ask(alice.panel, 'card.share', { cardId: card.id, team: 'research' })).toMatchObject({ ok: true });
    const bobsCopy = async () => (await ask<Card>(bob.panel, 'card.get', { id: card.id })).value?.summary ?? null;
    await expect.poll(bobsCopy, { timeout: 10_000 }).toBe('Drone maker.');

    await stopServer();
    // Alice removes it from the team in her side panel; Bob edits it meanwhile.
    await alice.panel.reload();
    await alice.panel.getByRole('tab', { name: 'Library' }).click();
    await alice.panel.getByRole('searchbox').fill('Kestrel');
    await alice.panel
      .getByRole('button', { name: /^Kestrel Dynamics/ })
      .first()
      .click();
    await alice.panel.getByRole('button', { name: 'Remove from research' }).click();
    await expect(alice.panel.getByRole('button', { name: 'Remove', exact: true })).toBeFocused();
    await alice.panel.screenshot({ path: testInfo.outputPath('remove-confirm-light.png'), fullPage: true });
    await alice.panel.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(alice.panel.getByRole('status').filter({ hasText: 'Removed from research.' })).toBeVisible();
    // Her own card stays, no longer shared.
    await expect(alice.panel.getByRole('heading', { name: 'Kestrel Dynamics', level: 2 })).toBeVisible();
    await expect(alice.panel.locator('.origin')).toHaveCount(0);
    expect(
      await ask(bob.panel, 'card.save', {
        card: { ...card, summary: 'Drone maker; new army contract.' },
        create: false,
      }),
    ).toMatchObject({ ok: true });

    await startServer();
    // The edit wins on both sides: the card is back in the team with Bob's change, and no conflict is left to resolve.
    const alicesCopy = async () => (await ask<Card>(alice.panel, 'card.get', { id: card.id })).value?.summary ?? null;
    await expect.poll(alicesCopy, { timeout: 40_000 }).toBe('Drone maker; new army contract.');
    expect(await bobsCopy()).toBe('Drone maker; new army contract.');
    expect((await ask<unknown[]>(alice.panel, 'card.origins', { cardId: card.id })).value).toMatchObject([
      { team: 'research', createdBy: 'alice', updatedBy: 'bob' },
    ]);
    for (const panel of [alice.panel, bob.panel]) {
      expect((await ask<unknown[]>(panel, 'card.conflicts', { cardId: card.id })).value).toEqual([]);
    }
    expect((await onServer(card.id)).doc).toMatchObject({ summary: 'Drone maker; new army contract.' });

    // Removed again, online this time: the delete reaches Bob. (Each side's replication retries on its own
    // schedule, at most 10 s apart, so both are first seen back in sync; a slow machine may take a few rounds.)
    const synced = async (panel: Page) => {
      const sync = (await ask<Array<{ sync: { state: string } }>>(panel, 'teams.list', {})).value[0]?.sync;
      // Anything but synced is told in full, so a failure says where the replication stood.
      return sync?.state === 'synced' ? 'synced' : JSON.stringify(sync);
    };
    await expect.poll(() => synced(alice.panel), { timeout: 45_000 }).toBe('synced');
    await expect.poll(() => synced(bob.panel), { timeout: 45_000 }).toBe('synced');
    await alice.panel.reload();
    await alice.panel.getByRole('tab', { name: 'Library' }).click();
    await alice.panel.getByRole('searchbox').fill('Kestrel');
    await alice.panel
      .getByRole('button', { name: /^Kestrel Dynamics/ })
      .first()
      .click();
    await alice.panel.getByRole('button', { name: 'Remove from research' }).click();
    await alice.panel.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(alice.panel.getByRole('status').filter({ hasText: 'Removed from research.' })).toBeVisible();
    const removed = Date.now();
    await expect.poll(bobsCopy, { timeout: 25_000 }).toBeNull();
    console.log(`a removal reached the teammate ${Date.now() - removed} ms after it was made`);
    // Alice keeps her own card with the team's last version.
    expect(await alicesCopy()).toBe('Drone maker; new army contract.');
  } finally {
    await other.close();
  }
});
