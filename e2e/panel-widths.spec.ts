import type { Page } from 'playwright-core';
import { openPanelPage } from '../scripts/page-probe';
import { type SyncServer, startSyncServer } from '../scripts/team/server';
import { basicAuth, setupTeam } from '../scripts/team/setup';
import { addNote, highlight } from './annotate';
import { expect, test } from './fixtures';
import { ask, joinAndSync } from './team';

/*
 * The side panel at the widths a user gives it (320 to 600 px): at each width and in both themes, every view
 * of the panel is laid out without the header's buttons covering its title or the page's name, without
 * anything running past the panel's right edge, and without a button's label broken over two lines. A
 * screenshot of each view at each width and theme is saved with the test's results.
 */

const WIDTHS = [320, 380, 480, 600] as const;
const ALICE = { name: 'alice', password: 'alice-password-1' };
const BOB = { name: 'bob', password: 'bob-password-12' };

let server: SyncServer;
test.beforeAll(async () => {
  server = await startSyncServer({});
  await setupTeam({
    url: server.url,
    team: 'research',
    members: [ALICE, BOB],
    readers: [],
    admin: server.admin,
  } as never);
});
test.afterAll(async () => {
  await server.close();
});

interface Box {
  what: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The header's title, the page's name and every control of the header, as boxes in the page. */
function headerBoxes(panel: Page): Promise<{ titles: Box[]; controls: Box[] }> {
  return panel.evaluate(() => {
    const box = (el: Element, what: string) => {
      const r = el.getBoundingClientRect();
      return { what, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const bar = document.querySelector('header.bar');
    if (!bar) throw new Error('no header');
    const titles = [...bar.querySelectorAll('h1, .page-title')].map((el) => box(el, el.className || el.tagName));
    const controls = [...bar.querySelectorAll('button, a, label, input:not(label input)')]
      .filter((el) => el.getBoundingClientRect().width > 0)
      .map((el) => box(el, (el.textContent ?? '').trim() || el.tagName));
    return { titles, controls };
  });
}

/** What runs past the panel's right edge (the document's overflow, any element out of view), and broken labels. */
function overflows(panel: Page): Promise<string[]> {
  return panel.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) found.push(`document: ${root.scrollWidth} > ${root.clientWidth}`);
    // The tabs may scroll sideways as a last resort (a larger default font); at the default one they fit.
    const tabs = document.querySelector('[role="tablist"]');
    if (tabs && tabs.scrollWidth > tabs.clientWidth) found.push(`tabs: ${tabs.scrollWidth} > ${tabs.clientWidth}`);
    const width = root.clientWidth;
    // An element inside one that clips or scrolls sideways (a code block, the page's ellipsised name) does not
    // widen the panel; everything else must end within it.
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible') return true;
      }
      return false;
    };
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.right <= width + 0.5 || clipped(el)) continue;
      found.push(
        `${el.tagName.toLowerCase()}.${el.className} “${(el.textContent ?? '').trim().slice(0, 40)}” ends at ${Math.round(r.right)}`,
      );
    }
    // A button's label stays on one line: a narrow panel moves the button, it does not break its label.
    for (const button of document.querySelectorAll('.btn, [role="tab"]')) {
      const lines = new Set<number>();
      const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        if (!text.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(text);
        for (const r of range.getClientRects()) if (r.width > 0) lines.add(Math.round(r.top));
      }
      if (lines.size > 1) found.push(`“${(button.textContent ?? '').trim()}” breaks over ${lines.size} lines`);
    }
    return found;
  });
}

const overlap = (a: Box, b: Box) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
  Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;

test('every view of the side panel fits at 320 to 600 px in both themes: header clear, nothing past the edge', async ({
  context,
  extensionId,
  openAnnotated,
}, testInfo) => {
  test.setTimeout(180_000);
  await joinAndSync(context, extensionId, {
    url: server.url,
    team: 'research',
    user: ALICE.name,
    password: ALICE.password,
  });
  const { page, tabId } = await openAnnotated('/demo/');
  // The user's own highlight and note, listed under the page's cards with their dates and buttons.
  await highlight(page, 'rented inside overseas data centers');
  await addNote(
    page,
    'export control is now as much about contracts',
    'Key line: controls move from customs to contracts.',
  );
  const panel = await openPanelPage(context, extensionId, tabId);
  await panel.setViewportSize({ width: 380, height: 900 });
  await panel.getByRole('button', { name: 'Clip page' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Clipped' })).toBeVisible();

  const check = async (view: string, target = panel) => {
    for (const width of WIDTHS) {
      await target.setViewportSize({ width, height: 900 });
      for (const colorScheme of ['light', 'dark'] as const) {
        await target.emulateMedia({ colorScheme });
        await target.screenshot({ path: testInfo.outputPath(`${view}-${width}-${colorScheme}.png`), fullPage: true });
      }
      const { titles, controls } = await headerBoxes(target);
      expect(titles.length, `${view} at ${width} px: the header's title`).toBeGreaterThan(0);
      const covered = controls.flatMap((c) =>
        titles.filter((t) => overlap(c, t)).map((t) => `${c.what} over ${t.what}`),
      );
      expect.soft(covered, `${view} at ${width} px: header controls over its titles`).toEqual([]);
      const crossing = controls.flatMap((a, i) =>
        controls.slice(i + 1).flatMap((b) => (overlap(a, b) ? [`${a.what} over ${b.what}`] : [])),
      );
      expect.soft(crossing, `${view} at ${width} px: header controls over each other`).toEqual([]);
      expect.soft(await overflows(target), `${view} at ${width} px: past the right edge`).toEqual([]);
    }
    await target.setViewportSize({ width: 380, height: 900 });
    await target.emulateMedia({ colorScheme: 'light' });
  };

  await expect(panel.getByRole('heading', { name: /This page/ })).toBeVisible();
  await check('page');
  await panel.getByRole('button', { name: 'Brief', exact: true }).click();
  await expect(panel.locator('.brief-counts').first()).toBeVisible();
  await check('brief');
  await panel.getByRole('button', { name: /^←/ }).first().click();

  await panel.getByRole('tab', { name: 'Signals' }).click();
  await expect(panel.getByRole('button', { name: /^Share “.*” with research$/ }).first()).toBeVisible();
  await check('signals');

  await panel.getByRole('tab', { name: 'Library' }).click();
  await expect(panel.locator('.result').first()).toBeVisible();
  await check('library');
  await panel.locator('.result').first().click();
  await expect(panel.getByRole('button', { name: 'Edit card' })).toBeVisible();
  await check('card');
  await panel.getByRole('button', { name: 'Edit card' }).click();
  await check('editor');
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await panel.getByRole('button', { name: /^←/ }).first().click();

  await panel.getByRole('tab', { name: 'Clips' }).click();
  await expect(panel.locator('.result')).toHaveCount(1);
  await check('clips');
  await panel.locator('.result').click();
  await expect(panel.locator('.reader-body .mention').first()).toBeVisible();
  await check('reader');
  await panel.getByRole('button', { name: '← Clips' }).click();

  await panel.getByRole('tab', { name: 'Team' }).click();
  await check('team');

  // A case, current in the header: the new case's form, its file with its custody log, the list of cases.
  await panel.getByRole('button', { name: 'New case' }).click();
  await check('new-case');
  await panel.getByLabel('Name').fill('Chip export controls through third countries, 2026');
  await panel.getByLabel('Description').fill('Rented GPUs abroad; customs filings; the Japan route.');
  await panel.getByRole('button', { name: 'Create case' }).click();
  await expect(panel.locator('.custody-check')).toHaveText('Chain holds: 1 entry in 1 chain.');
  await panel.getByRole('button', { name: 'Share with research' }).click();
  await expect(panel.locator('.case-meta')).toContainText('shared with research');
  await check('case-file');
  await panel.getByRole('button', { name: '← Back' }).click();
  await expect(panel.getByRole('heading', { name: /^Cases/ })).toBeVisible();
  await check('cases');
  await panel.getByRole('button', { name: '← Back' }).click();

  // A card shared with the team that two members edited apart: its view with the conflict marker (and
  // "Remove from research"), and the versions compared field by field.
  const card = {
    id: 'lin-pei-shan',
    name: 'Lin Pei-shan',
    kind: 'person',
    summary: 'Researcher of chip supply chains, Taipei.',
    tags: ['chips'],
  };
  expect(await ask(panel, 'card.save', { card, create: true })).toMatchObject({ ok: true });
  expect(await ask(panel, 'card.share', { cardId: card.id, team: 'research' })).toMatchObject({ ok: true });
  await conflictOnServer(card.id);
  // The panel lists the library it read when it opened.
  await panel.reload();
  await panel.getByRole('tab', { name: 'Library' }).click();
  await panel.getByRole('searchbox', { name: 'Search cards' }).fill('Lin Pei-shan');
  await panel.locator('.result').first().click();
  await expect(panel.locator('.conflict-marker')).toContainText('2 versions', { timeout: 20_000 });
  await check('shared-card');
  await panel.getByRole('button', { name: 'Compare versions' }).click();
  await expect(panel.getByRole('region', { name: '2 versions in research' })).toBeVisible();
  await check('conflict');

  // A panel bound to no page Dossier knows (a tab it cannot run in): the header's name and its two buttons.
  const idle = await context.newPage();
  await idle.goto(`chrome-extension://${extensionId}/src/ui/side-panel/index.html?tab=999999`);
  await expect(idle.getByRole('button', { name: 'New card' })).toBeVisible();
  await check('no-page', idle);
});

/** Two members' edits of a shared card, made apart, as the server holds them once both synced: two leaves. */
async function conflictOnServer(cardId: string) {
  const admin = { authorization: basicAuth(server.admin), 'content-type': 'application/json' };
  const url = `${server.url}/dossier-team-research`;
  let doc: (Record<string, unknown> & { _rev: string }) | undefined;
  await expect
    .poll(async () => {
      const got = await fetch(`${url}/card:${cardId}`, { headers: admin });
      doc = got.ok ? await got.json() : undefined;
      return got.status;
    })
    .toBe(200);
  const [start, parent] = doc!._rev.split('-');
  const leaf = (hash: string, by: string, change: Record<string, unknown>) => ({
    ...doc,
    ...change,
    updatedBy: by,
    _rev: `${Number(start) + 1}-${hash}`,
    _revisions: { start: Number(start) + 1, ids: [hash, parent] },
  });
  const put = await fetch(`${url}/_bulk_docs`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({
      new_edits: false,
      docs: [
        leaf('a'.repeat(32), 'alice', {
          summary: 'Researcher at Academia Sinica, Taipei.',
          tags: ['chips', 'academia'],
        }),
        leaf('b'.repeat(32), 'bob', {
          summary: 'Moved to the Arizona fab in 2025.',
          notes: 'Met her at SEMICON West.',
        }),
      ],
    }),
  });
  expect(put.status, await put.text()).toBeLessThan(300);
}
