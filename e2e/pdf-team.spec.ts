import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { extensionId as idOf, launch, serviceWorker } from '../scripts/browser';
import { openPanelPage } from '../scripts/page-probe';
import { type SyncServer, startSyncServer } from '../scripts/team/server';
import { basicAuth, setupTeam } from '../scripts/team/setup';
import { expect, test } from './fixtures';
import { joinAndSync } from './team';

/*
 * Notes on a PDF's highlights, and sharing them with a team as a web page's are shared, between two browser
 * profiles on the loopback sync server: the side panel lists the reader's highlights with their pages and edits
 * their notes; once shared, a teammate who opens the same file from another address sees them, with author
 * and note, and cannot change them.
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

async function serverAnnotations(): Promise<Array<Record<string, unknown> & { _id: string }>> {
  const response = await fetch(`${server.url}/dossier-team-research/_all_docs?include_docs=true`, {
    headers: { authorization: basicAuth(server.admin) },
  });
  const body = (await response.json()) as { rows: Array<{ doc: Record<string, unknown> & { _id: string } }> };
  return body.rows.map((r) => r.doc).filter((d) => d.type === 'annotation');
}

/** Opens a PDF in a profile's reader, read to its end; returns the reader and its tab id. */
async function openReader(
  context: BrowserContext,
  worker: Worker,
  url: string,
): Promise<{ page: Page; tabId: number }> {
  const id = idOf(worker);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/pdf.html?file=${encodeURIComponent(url)}`);
  await expect(page.locator('#viewer')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  await expect(page.locator('.page[data-page="1"] .textLayer')).toBeAttached();
  const tabId = await worker.evaluate(
    async (prefix) => (await chrome.tabs.query({})).find((t) => t.url?.startsWith(prefix))?.id ?? -1,
    `chrome-extension://${id}/pdf.html`,
  );
  return { page, tabId };
}

/** The quotes painted under a highlight key of the reader. */
const painted = (page: Page, key: string) =>
  page.evaluate((k) => [...(CSS.highlights.get(k) ?? [])].map((r) => (r as Range).toString()), key);

test('a note on a PDF highlight is listed with its page, shared with a team, and seen by a teammate on another copy', async ({
  context,
  extensionId,
  worker,
  server: pages,
}) => {
  // Two profiles, each joining and reading a PDF: longer than one page's test.
  test.setTimeout(150_000);
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

    // Alice highlights words on the PDF's second page.
    const { page, tabId } = await openReader(context, worker, `${pages.url}/pages/pdf/demo.pdf`);
    await page.locator('#page').fill('2');
    await page.locator('#page').press('Enter');
    await expect(page.locator('.page[data-page="2"] .textLayer span').first()).toBeAttached();
    const quote = await page.evaluate(() => {
      const spans = [...document.querySelectorAll<HTMLElement>('.page[data-page="2"] .textLayer span')];
      const span = spans.find((s) => /\b[A-Z][a-z]{4,} [a-z]{4,}\b/.test(s.textContent ?? ''));
      const text = span?.firstChild;
      const words = /\b[A-Z][a-z]{4,} [a-z]{4,}\b/.exec(span?.textContent ?? '');
      if (!text || !words) return null;
      const range = document.createRange();
      range.setStart(text, words.index);
      range.setEnd(text, words.index + words[0].length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      return range.toString();
    });
    expect(quote).toBeTruthy();
    await page.locator('#mark').click();
    await expect(page.locator('#mark-status')).toHaveText('1 highlight');

    // Her side panel lists it with its page; she adds a note there, and the reader paints it as a note.
    const panel = await openPanelPage(context, extensionId, tabId);
    const mine = panel.locator('.own-notes .own-list').first();
    await expect(mine.getByRole('listitem')).toHaveCount(1);
    await expect(mine).toContainText(quote!);
    await expect(mine).toContainText('Page 2');
    await panel.getByRole('button', { name: 'Add note' }).click();
    await panel.getByRole('textbox', { name: 'Note' }).fill('Compare with the ministry’s figures.');
    await panel.getByRole('button', { name: 'Save' }).click();
    await expect(panel.getByRole('status').filter({ hasText: 'Note saved.' })).toBeVisible();
    await expect.poll(() => painted(page, 'pdf-note')).toEqual([quote]);
    expect(await painted(page, 'pdf-mark')).toEqual([]);
    await expect(mine).toContainText('Compare with the ministry’s figures.');
    mkdirSync('screenshots', { recursive: true });
    await page.screenshot({ path: 'screenshots/pdf-reader-note.png' });
    await panel.setViewportSize({ width: 380, height: 900 });
    await mine.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: 'screenshots/pdf-side-panel-notes-380.png' });
    // Show scrolls the reader to it.
    await page.locator('#page').fill('1');
    await page.locator('#page').press('Enter');
    await panel.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => painted(page, 'pdf-note-focus')).toEqual([quote]);
    expect(
      await page.evaluate(() => {
        const range = [...(CSS.highlights.get('pdf-note-focus') ?? [])][0] as Range;
        return range.startContainer.parentElement?.closest<HTMLElement>('.page')?.dataset.page;
      }),
    ).toBe('2');
    expect(await serverAnnotations()).toEqual([]);

    // She shares the PDF's highlights and notes: the server holds one, hers, on the file's fingerprint.
    await panel.getByRole('button', { name: 'Share with research' }).first().click();
    await expect(
      panel.getByRole('status').filter({ hasText: 'Shared 1 highlight and note with research' }),
    ).toBeVisible();
    await expect.poll(async () => (await serverAnnotations()).length, { timeout: 5_000 }).toBe(1);
    const [doc] = await serverAnnotations();
    expect(doc!._id).toMatch(/^anno:[0-9a-f]{16}:[0-9a-f-]{36}:alice$/);
    expect(doc).toMatchObject({ createdBy: 'alice', updatedBy: 'alice' });
    const shared = doc!.annotation as { target: { source: string; selector: Array<{ type: string; value?: string }> } };
    expect(shared.target.source).toMatch(/^urn:x-pdf:[0-9a-f]{32}$/);
    expect(shared.target.selector.find((s) => s.type === 'FragmentSelector')?.value).toBe('page=2');

    // Bob opens the same file from another address: her highlight is painted as a teammate's, with her note.
    const other = pages.url.replace('127.0.0.1', 'localhost');
    const bobReader = await openReader(bob, bobWorker, `${other}/pages/pdf/demo.pdf?copy=bob`);
    await expect.poll(() => painted(bobReader.page, 'pdf-team'), { timeout: 10_000 }).toEqual([quote]);
    await expect(bobReader.page.locator('#mark-status')).toHaveText('');
    const bobPanel = await openPanelPage(bob, idOf(bobWorker), bobReader.tabId);
    const fromTeams = bobPanel.getByRole('list', { name: /From your teams/ });
    await expect(fromTeams.getByRole('listitem')).toHaveCount(1);
    await expect(fromTeams).toContainText('alice in research');
    await expect(fromTeams).toContainText('Compare with the ministry’s figures.');
    await expect(fromTeams).toContainText('Page 2');
    await expect(fromTeams.getByRole('button', { name: 'Delete' })).toHaveCount(0);

    // Alice edits her note: the change follows to the team.
    await panel.getByRole('button', { name: 'Edit note' }).click();
    await panel.getByRole('textbox', { name: 'Note' }).fill('Figures checked.');
    await panel.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(async () => JSON.stringify((await serverAnnotations())[0]?.annotation), { timeout: 5_000 })
      .toContain('Figures checked.');
  } finally {
    await bob.close();
  }
});
