import { extensionId as idOf, launch, serviceWorker } from '../scripts/browser';
import {
  clickNode,
  hoverRange,
  openPanelPage,
  paintedRanges,
  readPopover,
  tabIdOf,
  waitForHighlights,
} from '../scripts/page-probe';
import { type SyncServer, startSyncServer } from '../scripts/team/server';
import { basicAuth, setupTeam } from '../scripts/team/setup';
import { addNote, highlight, own } from './annotate';
import { expect, test } from './fixtures';
import { ask, joinAndSync } from './team';

/*
 * Sharing by choice, between two browser profiles on the loopback sync server: a page's highlights and notes,
 * a clip and a pack are private until shared; once shared they reach the teammate where they read (the page
 * shows the teammate's highlights with author and time, the Team view lists who shared what); what was not
 * shared never reaches the server.
 */

let server: SyncServer;
const ALICE = { name: 'alice', password: 'alice-password-1' };
const BOB = { name: 'bob', password: 'bob-password-12' };

test.beforeAll(async () => {
  server = await startSyncServer({});
  await setupTeam({ url: server.url, team: 'research', members: [ALICE, BOB], readers: [], admin: server.admin });
});
test.afterAll(async () => {
  await server.close();
});

/** Every document of the team's database on the server, read as its admin. */
async function serverDocs(): Promise<Array<Record<string, unknown> & { _id: string }>> {
  const response = await fetch(`${server.url}/dossier-team-research/_all_docs?include_docs=true`, {
    headers: { authorization: basicAuth(server.admin) },
  });
  const body = (await response.json()) as { rows: Array<{ doc: Record<string, unknown> & { _id: string } }> };
  return body.rows.map((r) => r.doc).filter((d) => !d._id.startsWith('_design/'));
}

test('a page’s notes, a clip and a pack reach a teammate once shared, with author and time; nothing else leaves', async ({
  context,
  extensionId,
  worker,
  server: pages,
}) => {
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

    // Alice highlights and annotates the demo page, clips it and makes a card: all private so far.
    const page = await context.newPage();
    await page.goto(`${pages.url}/demo/`);
    await waitForHighlights(page);
    await addNote(page, 'rented inside overseas data centers', 'Check the customs filings.');
    await expect.poll(() => own(page, 'ann-note')).toEqual(['rented inside overseas data centers']);
    await highlight(page, 'AI token futures');
    await expect.poll(() => own(page, 'ann-mark')).toEqual(['AI token futures']);
    const panel = await openPanelPage(context, extensionId, await tabIdOf(worker, page));
    const clip = await ask<{ clipId: string; title: string }>(panel, 'clip.save', {
      tabId: await tabIdOf(worker, page),
    });
    expect(clip.ok, clip.error).toBe(true);
    const card = await ask(panel, 'card.save', {
      card: { id: 'private-lead', name: 'Private Lead', kind: 'person', summary: 'Not for the team.' },
      create: true,
    });
    expect(card.ok, card.error).toBe(true);
    await new Promise((done) => setTimeout(done, 1500));
    expect((await serverDocs()).filter((d) => !d._id.startsWith('card:taiwan'))).toEqual([]);

    // She shares the page's highlights and notes from the side panel.
    await panel.reload();
    await panel.getByRole('button', { name: 'Share with research' }).first().click();
    await expect(
      panel.getByRole('status').filter({ hasText: 'Shared 2 highlights and notes with research' }),
    ).toBeVisible();
    await expect.poll(async () => (await serverDocs()).length, { timeout: 5_000 }).toBe(2);
    // Only those two reached the server: not the clip, not the card.
    const docs = await serverDocs();
    expect(docs.map((d) => d.type)).toEqual(['annotation', 'annotation']);
    expect(docs.every((d) => d.createdBy === 'alice' && d.updatedBy === 'alice')).toBe(true);

    // Bob opens the same page: Alice's highlights are painted apart from his own, re-anchored on his copy.
    const bobPage = await bob.newPage();
    await bobPage.goto(`${pages.url}/demo/`);
    await waitForHighlights(bobPage);
    await expect
      .poll(() => own(bobPage, 'ann-team'), { timeout: 5_000 })
      .toEqual(['AI token futures', 'rented inside overseas data centers']);
    expect(await own(bobPage, 'ann-note')).toEqual([]);
    // Clicking one shows her note, her name and when, and nothing to change it with.
    const range = await bobPage.evaluate(() => {
      const found = [...((CSS.highlights.get('ann-team') as Highlight | undefined) ?? [])].find(
        (r) => String(r) === 'rented inside overseas data centers',
      ) as Range;
      (found.startContainer.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const box = found.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    });
    await bobPage.mouse.click(range.x, range.y);
    await expect.poll(async () => (await readPopover(bobPage))?.text ?? '').toContain('Check the customs filings.');
    const view = await readPopover(bobPage);
    expect(view?.text).toContain('alice in research');
    expect(view?.buttons.map((b) => b.label)).toEqual(['Close']);

    // His side panel lists them under "From your teams", with author and time; he cannot change them.
    const bobPanel = await openPanelPage(bob, idOf(bobWorker), await tabIdOf(bobWorker, bobPage));
    const fromTeams = bobPanel.getByRole('list', { name: /From your teams/ });
    await expect(fromTeams.getByRole('listitem')).toHaveCount(2);
    await expect(fromTeams).toContainText('alice in research');
    await expect(fromTeams).toContainText('Check the customs filings.');
    await expect(fromTeams.getByRole('button', { name: 'Delete' })).toHaveCount(0);
    const items = await ask<{ items: Array<{ annotation: { creator?: unknown } }> }>(bobPanel, 'tab.annotations', {
      tabId: await tabIdOf(bobWorker, bobPage),
    });
    const theirs = items.value.items[0]!.annotation;
    const refused = await ask(bobPanel, 'annotation.save', { annotation: { ...theirs, body: [] } });
    expect(refused.error).toContain('only they can change it');

    // Alice edits her note and deletes the plain highlight: the change follows to the team and to Bob's page.
    await panel.getByRole('button', { name: 'Edit note' }).click();
    await panel.getByRole('textbox', { name: 'Note' }).fill('Customs filings due in June.');
    await panel.getByRole('button', { name: 'Save' }).click();
    await expect(panel.getByRole('status').filter({ hasText: 'Note saved.' })).toBeVisible();
    await expect
      .poll(async () => JSON.stringify(await serverDocs()), { timeout: 5_000 })
      .toContain('Customs filings due in June.');
    await expect(fromTeams).toContainText('Customs filings due in June.', { timeout: 5_000 });
    await panel
      .getByRole('listitem')
      .filter({ hasText: 'AI token futures' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await expect
      .poll(() => own(bobPage, 'ann-team'), { timeout: 5_000 })
      .toEqual(['rented inside overseas data centers']);

    // She shares the clip from its reader and her cards' pack from the options page.
    await panel.getByRole('tab', { name: 'Clips' }).click();
    await panel
      .getByRole('button', { name: /China bets on AI token futures/ })
      .first()
      .click();
    await panel.getByRole('button', { name: 'Share with research' }).click();
    await expect(
      panel.getByRole('status').filter({ hasText: 'Shared with research, with its tags and note.' }),
    ).toBeVisible();
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/src/ui/options/index.html`);
    await options.getByRole('button', { name: /^Share “My cards” with research/ }).click();
    await expect(options.getByRole('status').filter({ hasText: 'Shared “My cards”' })).toBeVisible();

    // Bob's Team view lists who shared what, newest first; a shared card opens in his panel.
    await bobPanel.getByRole('tab', { name: 'Team' }).click();
    const activity = bobPanel.getByRole('region', { name: 'Recent team activity' });
    await expect(activity).toContainText('alice shared the pack My cards', { timeout: 10_000 });
    await expect(activity).toContainText(`alice shared the clip ${clip.value.title}`);
    await expect(activity).toContainText('alice changed highlight on “rented inside overseas data centers”');
    // Bob shares a card from a mention's popover on his page.
    await bobPage.bringToFront();
    const ranges = await paintedRanges(bobPage);
    await hoverRange(
      bobPage,
      ranges.findIndex((r) => r.quote === 'Tencent'),
    );
    await expect
      .poll(async () => (await readPopover(bobPage))?.buttons.map((b) => b.label) ?? [])
      .toContain('Share with research');
    const share = (await readPopover(bobPage))!.buttons.find((b) => b.label === 'Share with research')!;
    await clickNode(bobPage, share.backendNodeId);
    await expect.poll(async () => (await readPopover(bobPage))?.text ?? '').toContain('Shared with research.');
    await expect
      .poll(async () => (await serverDocs()).find((d) => d._id === 'card:tencent')?.createdBy, { timeout: 5_000 })
      .toBe('bob');

    await activity.getByRole('button', { name: 'Private Lead' }).click();
    await expect(bobPanel.getByRole('heading', { name: 'Private Lead', level: 2 })).toBeVisible();
    await expect(bobPanel.locator('.origin')).toHaveText(/^Shared in research by alice/);
  } finally {
    await bob.close();
  }
});
