import type { BrowserContext, Page } from 'playwright-core';
import { openPanelPage } from '../scripts/page-probe';
import { attachWorker, breakpointIn } from '../scripts/worker-cdp';
import { expect, test } from './fixtures';

/** Stops the extension's service worker as the browser does when it is idle or killed (CDP). */
async function stopWorker(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const statuses: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) statuses.push(version.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  // Stopped (an open extension page may wake it again at once: what counts is that it was stopped).
  await expect.poll(() => statuses.includes('stopped')).toBe(true);
  await cdp.detach();
}

const CARDS = 20_000;

test('a pack import cut short by a stopped worker after its journal is written is completed at the next start', async ({
  context,
  extensionId,
}) => {
  test.setTimeout(120_000);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/ui/options/index.html`);
  await options.getByRole('table').waitFor();
  // The worker pauses where writePack has written its journal and is about to write the cards (applyPack):
  // stopped there, nothing of the pack is in the store but the journal.
  const worker = await attachWorker(context);
  const { paused } = await breakpointIn(worker, (source) => {
    // In the built worker: writePack's journal (the pack as one string), then its call of applyPack.
    const journal = source.indexOf('pack:JSON.stringify(');
    return journal < 0 ? -1 : source.indexOf('this.applyPack(', journal);
  });
  const rows = ['name,aliases,kind,summary,tags'];
  for (let i = 0; i < CARDS; i++) rows.push(`Entity ${String(i).padStart(5, '0')},,company,Card ${i},bulk`);
  const input = options.getByLabel('Import pack');
  await input.setInputFiles({ name: 'bulk.csv', mimeType: 'text/csv', buffer: Buffer.from(`${rows.join('\n')}\n`) });
  await paused;
  await stopWorker(context, options);
  await worker.detach();
  // The page was not told the import finished, and it says what happens next.
  await expect(options.getByRole('alert')).toContainText('is completed when Dossier next starts');

  // At the next start the journal is replayed: the pack is there whole.
  await options.reload();
  await options.getByRole('table').waitFor();
  await expect(options.getByRole('row', { name: /^bulk / })).toContainText(`${CARDS}`);
  const panel = await openPanelPage(context, extensionId, 0);
  await panel.getByRole('tab', { name: 'Library' }).click();
  await panel.getByRole('combobox', { name: 'Pack' }).waitFor();
  const bulk = await panel.evaluate(async () => {
    const answer = (await chrome.runtime.sendMessage({ type: 'library.list', payload: {} })) as {
      ok: boolean;
      value: { items: Array<{ packId: string }> };
    };
    return answer.value.items.filter((item) => item.packId === 'bulk').length;
  });
  expect(bulk).toBe(CARDS);
});

test('a card edit that was acknowledged survives the worker being stopped right after', async ({
  context,
  extensionId,
}) => {
  const panel = await openPanelPage(context, extensionId, 0);
  await panel.getByRole('button', { name: 'New card' }).click();
  await panel.getByRole('textbox', { name: 'Name' }).fill('Durable Corp');
  await panel.getByRole('combobox', { name: 'Kind' }).fill('company');
  await panel.getByRole('button', { name: 'Create card' }).click();
  await expect(panel.getByRole('status')).toHaveText('Created “Durable Corp”.');
  await stopWorker(context, panel);
  await panel.reload();
  await panel.getByRole('tab', { name: 'Library' }).click();
  await panel.getByRole('searchbox', { name: 'Search cards' }).fill('Durable');
  await expect(panel.locator('.result').first()).toContainText('Durable Corp');
});
