import type { Page } from 'playwright-core';
import { expect, test } from './fixtures';

/*
 * The reader's popover acts on the PDF's site, not on the extension's page: "Turn off on this site" turns Dossier
 * off for the host the PDF came from (its mentions go; the same file from another host is still read); a PDF
 * with no address (a kept copy, a dropped file) offers neither that nor "Ignore this card here".
 */

interface Node {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  children?: Node[];
  shadowRoots?: Node[];
}

/** The popover's buttons (in its closed shadow root): their labels and where to click them. */
async function popoverButtons(page: Page): Promise<Array<{ label: string; x: number; y: number }>> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
    const found: Array<{ label: string; nodeId: number }> = [];
    const text = (n: Node): string =>
      n.nodeType === 3 ? n.nodeValue : (n.children ?? []).map(text).join('') + (n.shadowRoots ?? []).map(text).join('');
    const walk = (n: Node, inShadow: boolean) => {
      if (inShadow && n.nodeName === 'BUTTON') found.push({ label: text(n).trim(), nodeId: n.nodeId });
      for (const c of n.children ?? []) walk(c, inShadow);
      for (const s of n.shadowRoots ?? []) walk(s, true);
    };
    walk(root, false);
    const out: Array<{ label: string; x: number; y: number }> = [];
    for (const b of found) {
      const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: b.nodeId })) as { model: { content: number[] } };
      const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
      out.push({ label: b.label, x: (x1 + x3) / 2, y: (y1 + y3) / 2 });
    }
    return out;
  } finally {
    await cdp.detach();
  }
}

async function openReader(page: Page, extensionId: string, url: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/pdf.html?file=${encodeURIComponent(url)}`);
  await expect(page.locator('#mention-count')).toHaveText(/^\d+ mentions$/);
  await expect(page.locator('#viewer')).toHaveAttribute('aria-busy', 'false');
}

test('“Turn off on this site” in the reader turns Dossier off for the PDF’s host, not for every PDF', async ({
  context,
  extensionId,
  server,
}) => {
  const page = await context.newPage();
  await openReader(page, extensionId, `${server.url}/pages/pdf/demo.pdf`);
  await page.bringToFront();
  await page.keyboard.press('Alt+Shift+Period');
  await expect.poll(async () => (await popoverButtons(page)).map((b) => b.label)).toContain('Turn off on this site');
  const buttons = await popoverButtons(page);
  expect(buttons.map((b) => b.label)).toContain('Ignore this card here');
  const off = buttons.find((b) => b.label === 'Turn off on this site')!;
  await page.mouse.click(off.x, off.y);
  // Its mentions go, and the reader says why.
  await expect(page.locator('#mention-count')).toHaveText('Dossier is off on 127.0.0.1.');
  await expect
    .poll(() =>
      page.evaluate(() => ['pdf-entity', 'pdf-topic', 'pdf-fuzzy'].map((k) => CSS.highlights.get(k)?.size ?? 0)),
    )
    .toEqual([0, 0, 0]);
  // The same file from another host is still read: the rule is the PDF's site's, not the reader's.
  const other = await context.newPage();
  await openReader(other, extensionId, `${server.url.replace('127.0.0.1', 'localhost')}/pages/pdf/demo.pdf`);
  // Reopened from the first host, it stays off.
  const again = await context.newPage();
  await again.goto(
    `chrome-extension://${extensionId}/pdf.html?file=${encodeURIComponent(`${server.url}/pages/pdf/demo.pdf`)}`,
  );
  await expect(again.locator('#mention-count')).toHaveText('Dossier is off on 127.0.0.1.');
  await expect(again.locator('#viewer')).toHaveAttribute('aria-busy', 'false');
});

test('a PDF picked from the disk has no site: its popover offers neither ignoring here nor turning off', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/pdf.html`);
  await page.locator('#pick').setInputFiles('e2e/pages/pdf/demo.pdf');
  await expect(page.locator('#mention-count')).toHaveText(/^\d+ mentions$/);
  await expect(page.locator('#viewer')).toHaveAttribute('aria-busy', 'false');
  await page.keyboard.press('Alt+Shift+Period');
  await expect.poll(async () => (await popoverButtons(page)).map((b) => b.label)).toContain('Pause everywhere');
  const labels = (await popoverButtons(page)).map((b) => b.label);
  expect(labels).not.toContain('Turn off on this site');
  expect(labels).not.toContain('Ignore this card here');
});
