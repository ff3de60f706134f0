import { openPanelPage, tabIdOf } from '../scripts/page-probe';
import { type SyncServer, startSyncServer } from '../scripts/team/server';
import { basicAuth, setupTeam } from '../scripts/team/setup';
import { violations } from './axe';
import { expect, test } from './fixtures';
import { joinAndSync } from './team';

const NVIDIA_SIGNAL = 'Enforcement news on GPU rental or data-center contracts involving Nvidia chips.';
const EVIDENCE = /^Officials said Nvidia processors had been rented out through a data center near Osaka/;

test('a page built to match a watch signal: the badge shows it, the Signals view lists it and paints its sentence', async ({
  context,
  worker,
  extensionId,
  openAnnotated,
}, testInfo) => {
  const { page, tabId } = await openAnnotated('/pages/signal-nvidia.html');
  // Three of the default pack's signals ask for Nvidia, a rental and an enforcement word in one paragraph.
  await expect.poll(() => worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('!3');
  expect(await worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId)).toMatch(
    /3 watch signals fired on this page/,
  );

  const panel = await openPanelPage(context, extensionId, tabId);
  await panel.getByRole('tab', { name: 'Signals' }).click();
  const here = panel.getByRole('list', { name: 'Signals on this page' });
  const hit = here.getByRole('listitem').filter({ hasText: NVIDIA_SIGNAL });
  await expect(hit).toHaveCount(1);
  await expect(hit.getByRole('button', { name: 'Nvidia' })).toBeVisible();
  await expect(hit.locator('blockquote')).toHaveText(EVIDENCE);
  await expect(hit).toContainText('Matched: Nvidia');

  await hit.getByRole('button', { name: 'Show in page' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Showing the sentence' })).toBeVisible();
  const painted = await page.evaluate(() => {
    const highlight = CSS.highlights.get('ann-evidence');
    return highlight ? [...highlight].map((range) => range.toString()) : [];
  });
  expect(painted).toHaveLength(1);
  expect(painted[0]).toMatch(EVIDENCE);

  await page.screenshot({ path: testInfo.outputPath('signal-page-painted.png') });
  for (const colorScheme of ['light', 'dark'] as const) {
    await panel.emulateMedia({ colorScheme });
    await panel.screenshot({ path: testInfo.outputPath(`signals-${colorScheme}.png`), fullPage: true });
    expect(await violations(panel), `Signals (${colorScheme})`).toEqual([]);
  }
});

test('a page that matches no rule: no signal on the badge, none listed for it', async ({
  context,
  worker,
  extensionId,
  server,
  openAnnotated,
}) => {
  // A page that fires signals first, so that "recent" has something and this page is shown apart from it.
  await openAnnotated('/pages/signal-nvidia.html');
  // The plain page mentions no card: nothing to wait for but its load.
  const plain = await context.newPage();
  await plain.goto(`${server.url}/pages/plain.html`, { waitUntil: 'load' });
  const tabId = await tabIdOf(worker, plain);
  const panel = await openPanelPage(context, extensionId, tabId);
  await panel.getByRole('tab', { name: 'Signals' }).click();
  await expect(panel.getByText('No watch signal fired on this page.')).toBeVisible();
  await expect(panel.getByRole('list', { name: 'Recent signals elsewhere' })).toContainText(NVIDIA_SIGNAL);
  expect(await worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).not.toMatch(/^!/);
});

test('text a live page adds later fires the signals it matches', async ({ context, worker, extensionId, server }) => {
  const page = await context.newPage();
  await page.goto(`${server.url}/pages/live.html`);
  const tabId = await tabIdOf(worker, page);
  const badge = () => worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  await page.waitForTimeout(500);
  expect(await badge()).not.toMatch(/^!/);

  await page.evaluate(() =>
    (window as unknown as { addEntry: (t: string) => void }).addEntry(
      'Customs opened an investigation after Nvidia chips were rented through a data center.',
    ),
  );
  await expect.poll(badge).toMatch(/^!\d+$/);
  const panel = await openPanelPage(context, extensionId, tabId);
  await panel.getByRole('tab', { name: 'Signals' }).click();
  await expect(panel.getByRole('list', { name: 'Signals on this page' })).toContainText(NVIDIA_SIGNAL);
});

test('the rule editor validates as the user types and lists the clipped articles a rule would have fired on', async ({
  context,
  extensionId,
  openAnnotated,
}, testInfo) => {
  const { tabId } = await openAnnotated('/demo/');
  const panel = await openPanelPage(context, extensionId, tabId);
  await panel.getByRole('button', { name: 'Clip page' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Clipped' })).toBeVisible();

  await panel.locator('ul.cards button', { hasText: 'Nvidia' }).first().click();
  await panel.getByRole('button', { name: 'Edit card' }).click();
  const rule = panel.getByRole('textbox', { name: `Rule for “${NVIDIA_SIGNAL}”` });
  await expect(rule).toHaveValue(/^all of: Nvidia\nany of: rental, rented, data center, smuggling\n/);
  const preview = panel.getByRole('list', { name: 'Clipped articles it would have fired on' }).first();
  await expect(preview).toContainText('China bets on AI token futures');
  await expect(preview.locator('blockquote')).toContainText('rental contracts');
  await rule.scrollIntoViewIfNeeded();
  for (const colorScheme of ['light', 'dark'] as const) {
    await panel.emulateMedia({ colorScheme });
    await panel.screenshot({ path: testInfo.outputPath(`rule-editor-${colorScheme}.png`) });
    expect(await violations(panel), `rule editor (${colorScheme})`).toEqual([]);
  }
  await panel.emulateMedia({ colorScheme: 'light' });

  // A clause it does not know is named at once, next to the field, and the card is not saved.
  await rule.fill('all of: Nvidia\nsome of: rental');
  await expect(panel.getByText('Rule: line 2: start with "all of:", "any of:", "none of:" or "within:"')).toBeVisible();
  await expect(rule).toHaveAttribute('aria-invalid', 'true');
  await panel.getByRole('button', { name: 'Save card' }).click();
  await expect(rule).toBeFocused();

  // A rule that excludes what the clip says would have fired on none of them.
  await rule.fill('all of: Nvidia\nany of: smuggling\nnone of: Taiwan\nwithin: page');
  await expect(panel.getByText('It would have fired on none of your clipped articles.')).toBeVisible();
  await panel.getByRole('button', { name: 'Save card' }).click();
  await expect(panel.getByRole('status')).toHaveText('Saved “Nvidia”.');
  const saved = (await panel.evaluate(() =>
    chrome.runtime.sendMessage({ type: 'card.get', payload: { id: 'nvidia' } }),
  )) as { value: { signals: Array<{ text: string; rule?: unknown }> } };
  expect(saved.value.signals[0]!.rule).toEqual({
    all: ['Nvidia'],
    any: [['smuggling']],
    none: ['Taiwan'],
    scope: 'page',
  });
  // The other signal kept its rule.
  expect(saved.value.signals[1]!.rule).toMatchObject({ all: ['Nvidia', 'Japan'] });
});

test.describe('sharing a signal hit', () => {
  let sync: SyncServer;
  const ALICE = { name: 'alice', password: 'alice-password-1' };
  test.beforeAll(async () => {
    sync = await startSyncServer({});
    await setupTeam({ url: sync.url, team: 'research', members: [ALICE], readers: [], admin: sync.admin });
  });
  test.afterAll(async () => {
    await sync.close();
  });
  const signalDocs = async () => {
    const response = await fetch(`${sync.url}/dossier-team-research/_all_docs?include_docs=true`, {
      headers: { authorization: basicAuth(sync.admin) },
    });
    const body = (await response.json()) as { rows: Array<{ doc: Record<string, unknown> }> };
    return body.rows.map((r) => r.doc).filter((d) => d.type === 'signal');
  };

  test('a hit reaches the team only when its user shares it, and only that hit', async ({
    context,
    worker,
    extensionId,
    openAnnotated,
  }, testInfo) => {
    await joinAndSync(context, extensionId, {
      url: sync.url,
      team: 'research',
      user: ALICE.name,
      password: ALICE.password,
    });
    const { tabId } = await openAnnotated('/pages/signal-nvidia.html');
    await expect.poll(() => worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('!3');
    const panel = await openPanelPage(context, extensionId, tabId);
    await panel.getByRole('tab', { name: 'Signals' }).click();
    const share = panel.getByRole('button', { name: `Share “${NVIDIA_SIGNAL}” with research` });
    await expect(share).toBeVisible();
    // Reading the page sent nothing to the team.
    expect(await signalDocs()).toEqual([]);

    await share.click();
    await expect(panel.getByRole('status').filter({ hasText: 'Shared' })).toContainText('with research');
    await panel.screenshot({ path: testInfo.outputPath('signals-shared-light.png'), fullPage: true });
    await expect.poll(async () => (await signalDocs()).length, { timeout: 15_000 }).toBe(1);
    const [doc] = await signalDocs();
    expect(doc).toMatchObject({
      type: 'signal',
      cardId: 'nvidia',
      signal: NVIDIA_SIGNAL,
      createdBy: 'alice',
      url: expect.stringMatching(/\/pages\/signal-nvidia\.html$/),
      evidence: expect.stringMatching(EVIDENCE),
    });
  });
});
