import { openPanelPage } from '../scripts/page-probe';
import { expect, test } from './fixtures';

test('a page captured as evidence opens in a viewer that loads nothing from the web', async ({
  context,
  worker,
  extensionId,
  openAnnotated,
}) => {
  const { page, tabId } = await openAnnotated('/demo/');
  const panel = await openPanelPage(context, extensionId, tabId);
  await panel.getByRole('checkbox', { name: 'Capture as evidence' }).check();
  await panel.getByRole('button', { name: 'Clip page' }).click();
  await expect(panel.getByRole('status')).toContainText('Captured as evidence', {
    timeout: 20_000,
  });
  const list = (await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'evidence.list', payload: {} }))) as {
    ok: boolean;
    value: Array<{ captureId: string; files: Array<{ name: string; bytes: number; sha256: string }> }>;
  };
  console.log(JSON.stringify(list.value, null, 1));
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const viewer = await context.newPage();
  await viewer.goto(`chrome-extension://${extensionId}/src/ui/evidence/index.html?capture=${list.value[0]!.captureId}`);
  const frame = viewer.frameLocator('iframe[title="Snapshot of the page"]');
  await expect(frame.getByRole('heading', { level: 1 })).toContainText('China bets on AI token futures');
  await viewer.screenshot({ path: 'test-results/evidence-viewer.png' });
  console.log(requests);
  void page;
});
