import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import * as v from 'valibot';
import { openPanelPage } from '../scripts/page-probe';
import { briefMarkdown } from '../src/brief/markdown';
import { briefHtml } from '../src/cli/brief-page';
import { PackSchema } from '../src/model/pack';
import defaultPack from '../src/packs/default-pack.json' with { type: 'json' };
import { expect, test } from './fixtures';

/** The entities the seed brief names (../shared/seed/README.md), as the default pack's cards call them. */
const SEED_ENTITIES = [
  'China',
  'Japan',
  'United States',
  'Taiwan',
  'Alibaba',
  'Nvidia',
  'Bloomberg',
  'MuleRun',
  'Tencent',
  'ByteDance',
  'Reuters',
];
const axeSource = readFileSync(resolve(import.meta.dirname, '../node_modules/axe-core/axe.min.js'), 'utf8');

/** axe's violations on a page, as "rule: help (where)" lines. */
async function violations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const results = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as {
    violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }>;
  };
  return results.violations.map((x) => `${x.id}: ${x.help} (${x.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Clicks a button that downloads a file; returns its name and text. */
async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

/** The text of a section of the brief (its heading's name). */
const section = (page: Page, name: string) => page.getByRole('region', { name });

test('the demo page’s brief lists the seed’s entities; it copies and exports as the Markdown `npm run brief` prints', async ({
  context,
  extensionId,
  server,
  openAnnotated,
}, testInfo) => {
  const { tabId } = await openAnnotated('/demo/');
  const panel = await openPanelPage(context, extensionId, tabId);
  await panel.getByRole('button', { name: 'Brief', exact: true }).click();
  const title = panel.getByRole('heading', { level: 2, name: /^Brief China bets on AI token futures/ });
  await expect(title).toBeVisible();
  await expect(title).toBeFocused();

  const entities = section(panel, 'Entities').getByRole('button');
  await expect(entities).toHaveCount(SEED_ENTITIES.length);
  const names = (await entities.locator('.name').allTextContents()).sort();
  expect(names).toEqual([...SEED_ENTITIES].sort());
  await expect(section(panel, 'Topics & keywords').getByRole('button', { name: /^Export controls \d+/ })).toBeVisible();
  await expect(section(panel, 'Summary').locator('p')).toHaveCount(4);
  await expect(section(panel, 'Implications').getByRole('listitem').first()).toContainText('(China)');
  // The demo page is the seed's story: the built-in pack's watch signals fire on it, each with its sentence.
  const nvidia = section(panel, 'Signals that fired')
    .getByRole('listitem')
    .filter({ hasText: /^Nvidia: / });
  await expect(nvidia.first()).toBeVisible();
  await expect(nvidia.first().locator('blockquote')).toContainText(/Nvidia/);

  // As wide as a side panel.
  await panel.setViewportSize({ width: 420, height: 900 });
  for (const colorScheme of ['light', 'dark'] as const) {
    await panel.emulateMedia({ colorScheme });
    await panel.screenshot({ path: testInfo.outputPath(`brief-${colorScheme}.png`), fullPage: true });
    expect(await violations(panel), `brief (${colorScheme})`).toEqual([]);
  }
  await panel.emulateMedia({ colorScheme: 'light' });

  // Export .md gives the same Markdown as `npm run brief` on the saved page (the same extraction and brief).
  const file = await downloaded(panel, () => panel.getByRole('button', { name: 'Export .md' }).click());
  expect(file.name).toMatch(/^Brief - China bets on AI token futures.*\.md$/);
  const cards = v.parse(PackSchema, defaultPack).cards;
  const html = readFileSync(resolve(import.meta.dirname, '../demo/index.html'), 'utf8');
  expect(file.text).toBe(briefMarkdown(briefHtml(html, `${server.url}/demo/`, cards)));
  for (const name of SEED_ENTITIES) expect(file.text).toContain(`[[${name}]]`);
  await expect(panel.getByRole('status').filter({ hasText: 'Exported the brief' })).toBeVisible();

  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await panel.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Copied the brief as Markdown.' })).toBeVisible();
  expect(await panel.evaluate(() => navigator.clipboard.readText())).toBe(file.text);

  // An entity opens its card; back returns to the brief.
  await section(panel, 'Entities')
    .getByRole('button', { name: /^Nvidia \d+/ })
    .click();
  await expect(panel.getByRole('heading', { level: 2, name: 'Nvidia' })).toBeVisible();
  await panel.getByRole('button', { name: '← Brief' }).click();
  await expect(title).toBeVisible();
});

test('related intelligence ranks an earlier clip; "Clip with brief" keeps the brief, the reader and the export show it', async ({
  context,
  extensionId,
  openAnnotated,
}, testInfo) => {
  // An earlier clip sharing entities with the demo page.
  const earlier = await openAnnotated('/pages/brief-related.html');
  const panel = await openPanelPage(context, extensionId, earlier.tabId);
  await panel.getByRole('button', { name: 'Clip page' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Clipped “Customs officers' })).toBeVisible();
  await panel.close();

  const { tabId } = await openAnnotated('/demo/');
  const demo = await openPanelPage(context, extensionId, tabId);
  await demo.getByRole('button', { name: 'Brief', exact: true }).click();
  const related = section(demo, 'Related intelligence');
  const clip = related.getByRole('listitem').filter({ hasText: 'Customs officers question GPU rental deals' });
  await expect(clip).toContainText('shares Japan, Nvidia, Tencent');
  await demo.setViewportSize({ width: 420, height: 900 });
  for (const colorScheme of ['light', 'dark'] as const) {
    await demo.emulateMedia({ colorScheme });
    await related.screenshot({ path: testInfo.outputPath(`related-${colorScheme}.png`) });
  }
  await demo.emulateMedia({ colorScheme: 'light' });

  await demo.getByRole('button', { name: 'Clip with brief' }).click();
  await expect(demo.getByRole('status').filter({ hasText: /with \d+ mentions and its brief\.$/ })).toBeVisible();

  // The related clip's link opens it in the reader.
  await clip.getByRole('button').click();
  await expect(
    demo.getByRole('heading', { level: 2, name: 'Customs officers question GPU rental deals in Japan' }),
  ).toBeVisible();
  await expect(demo.getByText('Brief, as clipped')).toHaveCount(0);
  await demo.getByRole('button', { name: '← Clips' }).click();

  // The demo page's clip carries its brief: the reader shows it, its Markdown export includes it.
  await demo
    .getByRole('button', { name: /China bets on AI token futures/ })
    .first()
    .click();
  const kept = demo.locator('details.clip-brief');
  await expect(kept).toHaveAttribute('open', '');
  await expect(kept.getByRole('region', { name: 'Entities' }).getByRole('button')).toHaveCount(SEED_ENTITIES.length);
  await expect(kept.getByRole('region', { name: 'Related intelligence' })).toContainText('Customs officers');
  for (const colorScheme of ['light', 'dark'] as const) {
    await demo.emulateMedia({ colorScheme });
    // The reader's top: the clip's header, then its brief (the article follows).
    await demo.screenshot({
      path: testInfo.outputPath(`clip-brief-${colorScheme}.png`),
      fullPage: true,
      clip: { x: 0, y: 0, width: 420, height: 1800 },
    });
    expect(await violations(demo), `clip reader with its brief (${colorScheme})`).toEqual([]);
  }
  await demo.emulateMedia({ colorScheme: 'light' });
  const md = await downloaded(demo, () => demo.getByRole('button', { name: 'Export Markdown' }).click());
  expect(md.text).toContain('## Brief: China bets on AI token futures');
  expect(md.text).toContain('### Entities\n\n- [[China]] (');
  expect(md.text).toMatch(/### Signals that fired\n\n(- \[\[.+\n( {2}> .+\n)?)*- \[\[Nvidia\]\]: /);
  expect(md.text).toMatch(
    /- Clip \[Customs officers question GPU rental deals in Japan\]\(<https:\/\/news\.example\/2026\/customs-gpu-rentals>\), \d{4}-\d\d-\d\d: shares Japan, Nvidia, Tencent/,
  );
  expect(md.text.indexOf('## Article')).toBeGreaterThan(md.text.indexOf('### Related intelligence'));
});

test('a page with no article is briefed from its visible text', async ({ context, extensionId, openAnnotated }) => {
  const { tabId } = await openAnnotated('/pages/brief-no-article.html');
  const panel = await openPanelPage(context, extensionId, tabId);
  await panel.getByRole('button', { name: 'Clip page' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Could not clip' })).toBeVisible();
  // The page's short brief leads to the full one too.
  await panel.getByRole('button', { name: /^Full brief/ }).click();
  await expect(panel.getByRole('heading', { level: 2, name: 'Brief Markets wire' })).toBeVisible();
  const names = await section(panel, 'Entities').locator('.name').allTextContents();
  expect(names.sort()).toEqual(['China', 'Nvidia']);
  await expect(section(panel, 'Summary').locator('p')).toHaveText([
    'Nvidia shares slipped in early trading.',
    'China eased its rules on data exports.',
  ]);
});
