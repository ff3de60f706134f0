/**
 * What a user sees of Dossier on a page, read from outside: painted ranges (CSS.highlights is shared with
 * the page's main world), the popover inside our closed shadow root (through CDP, which pierces it), and the
 * tab's state as the background keeps it.
 */
import type { BrowserContext, Page, Worker } from 'playwright-core';

/** The neutral highlight keys painted by the content script. */
export const MENTION_KEYS = ['ann-entity', 'ann-topic', 'ann-fuzzy'] as const;

/** One painted range as seen in the page. */
export interface PaintedRange {
  key: string;
  quote: string;
  /** Up to 32 characters of the document's text before and after the range. */
  prefix: string;
  suffix: string;
  rect: { x: number; y: number; width: number; height: number };
}

/*
 * Functions passed to page.evaluate run in the page, serialised as text: they must not declare named inner
 * functions, which the TypeScript loader of our scripts would wrap in a helper the page does not have, and
 * they use plain loops, since a hostile page may break Array.prototype.map and friends.
 */

/** Every painted mention range, in document order. */
export function paintedRanges(page: Page): Promise<PaintedRange[]> {
  return page.evaluate(
    (keys) => {
      const out: Array<{ key: string; range: Range }> = [];
      for (const key of keys) {
        for (const r of CSS.highlights.get(key) ?? []) {
          const live = document.createRange();
          live.setStart(r.startContainer, r.startOffset);
          live.setEnd(r.endContainer, r.endOffset);
          out.push({ key, range: live });
        }
      }
      // Ranges in different (shadow) trees cannot be compared directly: compare the hosts in the document.
      out.sort((a, b) => {
        let x: Node = a.range.startContainer;
        let y: Node = b.range.startContainer;
        while (x.getRootNode() instanceof ShadowRoot) x = (x.getRootNode() as ShadowRoot).host;
        while (y.getRootNode() instanceof ShadowRoot) y = (y.getRootNode() as ShadowRoot).host;
        if (a.range.startContainer.getRootNode() === b.range.startContainer.getRootNode())
          return a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
        if (x === y) return 0;
        return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
      });
      const found: PaintedRange[] = [];
      for (const { key, range } of out) {
        // The text around the range, read from the neighbouring text nodes (not the whole document each time).
        const root = range.startContainer.getRootNode();
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        let prefix = '';
        if (range.startContainer.nodeType === Node.TEXT_NODE) {
          prefix = (range.startContainer as Text).data.slice(0, range.startOffset);
          walker.currentNode = range.startContainer;
          for (let n = walker.previousNode(); n && prefix.length < 64; n = walker.previousNode()) {
            prefix = (n as Text).data + prefix;
          }
        }
        let suffix = '';
        if (range.endContainer.nodeType === Node.TEXT_NODE) {
          suffix = (range.endContainer as Text).data.slice(range.endOffset);
          walker.currentNode = range.endContainer;
          for (let n = walker.nextNode(); n && suffix.length < 64; n = walker.nextNode()) suffix += (n as Text).data;
        }
        const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
        found.push({
          key,
          quote: range.toString(),
          prefix: prefix.slice(-32),
          suffix: suffix.slice(0, 32),
          rect: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
        });
      }
      return found;
    },
    MENTION_KEYS as unknown as string[],
  );
}

/** Waits until the page has painted at least one mention; returns ms since navigation start. */
export async function waitForHighlights(page: Page, timeout = 15_000): Promise<number> {
  const handle = await page.waitForFunction(
    (keys) => {
      for (const k of keys) if ((CSS.highlights.get(k)?.size ?? 0) > 0) return performance.now();
      return 0;
    },
    MENTION_KEYS as unknown as string[],
    { timeout, polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}

/** Moves the pointer onto a painted range (in document order), scrolling it into view first. */
export async function hoverRange(page: Page, index: number): Promise<PaintedRange> {
  const before = (await paintedRanges(page))[index];
  if (!before) throw new Error(`No painted mention #${index}`);
  await page.evaluate(
    ({ keys, index }) => {
      const all: Range[] = [];
      for (const key of keys) {
        for (const r of CSS.highlights.get(key) ?? []) {
          const live = document.createRange();
          live.setStart(r.startContainer, r.startOffset);
          live.setEnd(r.endContainer, r.endOffset);
          all.push(live);
        }
      }
      all.sort((a, b) => {
        let x: Node = a.startContainer;
        let y: Node = b.startContainer;
        while (x.getRootNode() instanceof ShadowRoot) x = (x.getRootNode() as ShadowRoot).host;
        while (y.getRootNode() instanceof ShadowRoot) y = (y.getRootNode() as ShadowRoot).host;
        if (a.startContainer.getRootNode() === b.startContainer.getRootNode())
          return a.compareBoundaryPoints(Range.START_TO_START, b);
        if (x === y) return 0;
        return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
      });
      const target = all[index];
      (target?.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center' });
    },
    { keys: MENTION_KEYS as unknown as string[], index },
  );
  const range = (await paintedRanges(page))[index]!;
  await page.mouse.move(range.rect.x + range.rect.width / 2, range.rect.y + range.rect.height / 2, { steps: 2 });
  return range;
}

interface DomNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: Array<DomNode & { shadowRootType?: string }>;
}

/** The popover as CDP sees it inside our closed shadow root: its text, role, label and buttons. */
export interface PopoverView {
  text: string;
  role: string | null;
  labelledBy: string | null;
  buttons: Array<{ label: string; backendNodeId: number }>;
  hidden: boolean;
}

/** Reads the popover out of the closed shadow root, or null when there is none. */
export async function readPopover(page: Page): Promise<PopoverView | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const html = root.children?.find((n) => n.nodeName === 'HTML');
    const shadow = html?.children?.flatMap((n) => n.shadowRoots ?? []).find((s) => s.shadowRootType === 'closed');
    if (!shadow) return null;
    const attrs = (n: DomNode) => {
      const map = new Map<string, string>();
      for (let i = 0; i + 1 < (n.attributes?.length ?? 0); i += 2) map.set(n.attributes![i]!, n.attributes![i + 1]!);
      return map;
    };
    let dialog: DomNode | null = null;
    let frameHidden = false;
    const buttons: PopoverView['buttons'] = [];
    const texts: string[] = [];
    const walk = (n: DomNode, inStyle: boolean) => {
      const a = attrs(n);
      if (a.get('class') === 'frame' && a.has('hidden')) frameHidden = true;
      if (a.get('role') === 'dialog') dialog = n;
      if (n.nodeType === 3 && !inStyle) texts.push(n.nodeValue);
      if (n.nodeName === 'BUTTON') {
        const label = (n.children ?? [])
          .map((c) => c.nodeValue)
          .join('')
          .trim();
        buttons.push({ label, backendNodeId: n.backendNodeId });
      }
      for (const c of n.children ?? []) walk(c, inStyle || n.nodeName === 'STYLE');
    };
    walk(shadow, false);
    const d = dialog as DomNode | null;
    return {
      text: texts.join(' ').replace(/\s+/g, ' ').trim(),
      role: d ? (attrs(d).get('role') ?? null) : null,
      labelledBy: d ? (attrs(d).get('aria-labelledby') ?? null) : null,
      buttons,
      hidden: frameHidden,
    };
  } finally {
    await cdp.detach();
  }
}

/** Clicks a node inside the closed shadow root by its backend id (CDP knows where it is drawn). */
export async function clickNode(page: Page, backendNodeId: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId })) as { model: { content: number[] } };
    const [x1, y1, x2, , , y3] = model.content as [number, number, number, number, number, number];
    await page.mouse.move((x1 + x2) / 2, (y1 + y3) / 2);
    await page.mouse.down();
    await page.mouse.up();
  } finally {
    await cdp.detach();
  }
}

/** The id Chrome gave the tab showing `page`. */
export async function tabIdOf(worker: Worker, page: Page): Promise<number> {
  const url = page.url();
  const id = await worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? -1, url);
  if (id < 0) throw new Error(`No tab shows ${url}`);
  return id;
}

/** The mentions and cards the background recorded for a tab. */
export function recordedState(worker: Worker, tabId: number) {
  return worker.evaluate(async (id) => {
    const key = `tab:${id}`;
    const got = await chrome.storage.session.get(key);
    const tab = got[key] as
      | {
          frames: Record<
            string,
            {
              mentions: Array<{ cardId: string; start: number; end: number; quote: string; match: string }>;
              cards: Array<{ id: string; name: string }>;
            }
          >;
        }
      | undefined;
    const frames = Object.values(tab?.frames ?? {});
    return { mentions: frames.flatMap((f) => f.mentions), cards: frames.flatMap((f) => f.cards) };
  }, tabId);
}

/** Opens the side panel's page in a tab bound to `tabId` (Playwright cannot reach the native panel). */
export async function openPanelPage(context: BrowserContext, extensionId: string, tabId: number): Promise<Page> {
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/src/ui/side-panel/index.html?tab=${tabId}`);
  return panel;
}

/** The focused node of the page's accessibility tree (it reaches into closed shadow roots): role and name. */
export async function focused(page: Page): Promise<{ role: string; name: string } | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: Array<{
        role?: { value: string };
        name?: { value: string };
        properties?: Array<{ name: string; value: { value: unknown } }>;
      }>;
    };
    // The document's root is focused too while the page has focus: the deepest focused node is the one.
    const node = nodes.findLast((n) => n.properties?.some((p) => p.name === 'focused' && p.value.value === true));
    return node ? { role: node.role?.value ?? '', name: node.name?.value ?? '' } : null;
  } finally {
    await cdp.detach();
  }
}
