import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { refuseOutsideRequests } from '../scripts/browser';
import { missingShared, skipWithoutShared } from '../scripts/needs-shared';
import { openPanelPage, tabIdOf } from '../scripts/page-probe';
import { expect, test } from './fixtures';

const corpus = resolve(import.meta.dirname, '../../shared/corpus/dev');
const pages = (() => {
  try {
    return readdirSync(corpus);
  } catch {
    return [];
  }
})();

test('"Clip page" stores the article of the page; clipping it again updates the same clip', async ({
  context,
  extensionId,
  openAnnotated,
}) => {
  const { tabId } = await openAnnotated('/demo/');
  const panel = await openPanelPage(context, extensionId, tabId);
  await panel.getByRole('button', { name: 'Clip page' }).click();
  await expect(panel.getByRole('status')).toContainText('Clipped “China bets on AI token futures');
  await panel.getByRole('button', { name: 'Clip page' }).click();
  await expect(panel.getByRole('status')).toContainText('Clipped');
  const list = (await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'clips.list', payload: {} }))) as {
    ok: boolean;
    value: Array<{ title: string; byline: string; html: string; mentions: Array<{ name: string }> }>;
  };
  expect(list.ok).toBe(true);
  expect(list.value).toHaveLength(1);
  const clip = list.value[0]!;
  expect(clip.byline).toBe('Mara Lindqvist and Daniel Okafor');
  expect(clip.mentions.map((m) => m.name)).toEqual(expect.arrayContaining(['China', 'Japan', 'Nvidia']));
  expect(clip.html).not.toMatch(/<script|\son[a-z]+=/i);

  // The Clips tab finds it by its words (typos forgiven), and by the cards it mentions.
  await panel.getByRole('tab', { name: 'Clips' }).click();
  const search = panel.getByRole('searchbox', { name: 'Search clips' });
  const count = panel.getByRole('status').filter({ hasText: /clips?$/ });
  await expect(count).toHaveText('1 clip');
  await search.fill('token futurs');
  await expect(count).toHaveText('1 clip');
  await expect(panel.locator('.result').first()).toContainText('China bets on AI token futures');
  await search.fill('whales');
  await expect(count).toHaveText('0 clips');
  await search.fill('');
  await panel.getByRole('combobox', { name: 'Card' }).selectOption({ label: 'Nvidia' });
  await expect(count).toHaveText('1 clip');
});

test('every corpus page clips with the title and byline Readability gives', async ({
  context,
  worker,
  extensionId,
  server,
}) => {
  test.skip(
    skipWithoutShared(pages.length > 0, 'clipping every corpus page'),
    'the shared corpus is not beside the project',
  );
  expect(pages.length > 0, missingShared('Clipping every corpus page')).toBe(true);
  test.setTimeout(180_000);
  await refuseOutsideRequests(context);
  const panel = await openPanelPage(context, extensionId, 0);
  for (const name of pages) {
    const meta = JSON.parse(readFileSync(resolve(corpus, name, 'meta.json'), 'utf8'));
    const page = await context.newPage();
    await page.goto(`${server.url}/corpus/dev/${name}/source.html`, { waitUntil: 'load' });
    const tabId = await tabIdOf(worker, page);
    const answer = (await panel.evaluate(
      (id) => chrome.runtime.sendMessage({ type: 'clip.save', payload: { tabId: id } }),
      tabId,
    )) as { ok: boolean; value?: { title: string; byline: string | null }; error?: string };
    expect(answer.error ?? null, name).toBeNull();
    expect({ name, title: answer.value?.title, byline: answer.value?.byline }).toEqual({
      name,
      title: meta.title,
      byline: meta.byline,
    });
    await page.close();
  }
});
