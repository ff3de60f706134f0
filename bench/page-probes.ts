/*
 * How bench/page.ts drives and reads a page: what it watches from the page's main world (added as init scripts,
 * so they run before the page's own scripts: long animation frames and the scripts that ran in them, when each
 * painted mention first showed; they run as text in the page and must not declare named inner functions, see
 * scripts/page-probe.ts), Dossier's `annotate` measures, and the runs of Dossier and of the floor.
 */
import type { BrowserContext, Page } from 'playwright-core';

/** A long animation frame (over 50 ms) as the Long Animation Frames API reports it. */
export interface Frame {
  start: number;
  duration: number;
  /** The longest script entry of ours in it (our content script's URL is the extension's), or 0. */
  ours: number;
}

/** Records long animation frames into `window.frames$`. */
export function watchFrames(): void {
  const frames: Frame[] = [];
  (window as unknown as { frames$: Frame[] }).frames$ = frames;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as unknown as Array<{
      duration: number;
      startTime: number;
      scripts: Array<{ sourceURL: string; duration: number }>;
    }>) {
      let ours = 0;
      for (const script of entry.scripts) {
        if (script.sourceURL.startsWith('chrome-extension://')) ours = Math.max(ours, script.duration);
      }
      frames.push({ start: entry.startTime, duration: entry.duration, ours });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
}

/**
 * Notes, once a frame, when each range of the mention highlights first showed (`window.seen$`), so that the
 * benchmark can tell when the last mention of the first viewport appeared. Text, as its loop is a named function.
 */
export const watchPaint = `(() => {
  const keys = ['ann-entity', 'ann-topic', 'ann-fuzzy'];
  const seen = new Map();
  window.seen$ = seen;
  let last = -1;
  const tick = () => {
    let size = 0;
    for (const key of keys) size += CSS.highlights.get(key)?.size ?? 0;
    if (size !== last) {
      last = size;
      const now = performance.now();
      for (const key of keys) {
        for (const range of CSS.highlights.get(key) ?? []) if (!seen.has(range)) seen.set(range, now);
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

/** Long frames since `since` (ms on the page's clock). */
export async function framesSince(page: Page, since = 0): Promise<Frame[]> {
  // Frames are reported after they end.
  await page.waitForTimeout(150);
  return (await page.evaluate(`window.frames$.filter((f) => f.start >= ${since})`)) as Frame[];
}

/** When the mentions of the first viewport (at the top of the page) had all shown, on the page's clock. */
export async function firstViewportShown(page: Page): Promise<{ at: number; mentions: number }> {
  return (await page.evaluate(`(() => {
    const keys = ['ann-entity', 'ann-topic', 'ann-fuzzy'];
    let at = 0;
    let mentions = 0;
    for (const key of keys) {
      for (const range of CSS.highlights.get(key) ?? []) {
        const rect = range.getBoundingClientRect();
        if (rect.bottom <= 0 || rect.top >= innerHeight || rect.width === 0) continue;
        mentions++;
        at = Math.max(at, window.seen$.get(range) ?? Infinity);
      }
    }
    return { at, mentions };
  })()`)) as { at: number; mentions: number };
}

/** Dossier's `annotate` measures so far in a page (one per annotation of the whole page). */
export function annotations(page: Page): Promise<Array<{ start: number; duration: number }>> {
  return page.evaluate(
    `performance.getEntriesByName('annotate').map((m) => ({ start: m.startTime, duration: m.duration }))`,
  ) as Promise<Array<{ start: number; duration: number }>>;
}

/** Waits for the page's `count`-th annotation and returns it. */
export async function annotation(page: Page, count: number) {
  await page.waitForFunction(`performance.getEntriesByName('annotate').length >= ${count}`, undefined, {
    timeout: 60_000,
  });
  return (await annotations(page))[count - 1]!;
}

/** A page loaded in a tab of `context`, once its first annotation (if any) is done and the page is quiet. */
export async function open(context: BrowserContext, url: string, annotated: boolean): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  if (annotated) await annotation(page, 1);
  await page.waitForTimeout(300);
  return page;
}

/** One warm run of Dossier: its whole time, and how much of it went to collecting, matching and painting. */
export interface DossierRun {
  ms: number;
  /** From the address change to the last mention painted, waiting for the address to settle included. */
  sinceNavigation: number;
  collect: number;
  match: number;
  paint: number;
}

/**
 * Dossier warm: the page is annotated again after an in-page navigation (what a single-page app's navigation
 * does): the same path as its first annotation once the site's status is known: collect, match (in the page
 * with the dictionary it was handed, or in the background), paint. Timed by the content script, from the job's
 * start to the last mention painted; its phases from the marks it puts between them. The content script starts
 * the job once the address has stayed put for `NAVIGATION_SETTLE_MS` (src/content/navigation.ts), when the
 * browser's own work on the navigation is done, as the floor runs on a page at rest; `sinceNavigation` counts
 * that wait too.
 */
export async function dossierRun(page: Page, run: number): Promise<DossierRun> {
  const before = (await annotations(page)).length;
  const navigated = (await page.evaluate(`history.pushState(null, '', '#run-${run}'), performance.now()`)) as number;
  const { start, duration } = await annotation(page, before + 1);
  const marks = (await page.evaluate(`(() => {
    const last = (name) => performance.getEntriesByName(name).at(-1).startTime;
    return [last('annotate:start'), last('annotate:collected'), last('annotate:matched'), last('annotate:end')];
  })()`)) as [number, number, number, number];
  return {
    ms: duration,
    sinceNavigation: start + duration - navigated,
    collect: marks[1] - marks[0],
    match: marks[2] - marks[1],
    paint: marks[3] - marks[2],
  };
}

/** One run of the floor (bench/page-floor.ts) in a page it was added to. */
export async function floorRun(page: Page): Promise<{ ms: number; ranges: number }> {
  return page.evaluate(() => window.floorRun!());
}

/**
 * The floor's bundle loaded into the isolated world our content script runs in (through the DevTools protocol),
 * in a page Dossier annotates: the same work in the same world as Dossier's. Chromium keeps a page's DOM wrappers
 * of the main world inside its nodes and those of other worlds in a table, so every node a content script
 * touches costs a lookup that a page script does not pay; the floor run as a page script does not pay it either
 * (nor can it read closed shadow roots). Resolves to a function that runs it once.
 */
export async function contentScriptFloor(
  page: Page,
  script: string,
  entries: unknown,
): Promise<() => Promise<{ ms: number; ranges: number }>> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: Array<{ id: number; origin?: string; auxData?: { frameId?: string; type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const { frameTree } = await cdp.send('Page.getFrameTree');
  // Playwright keeps an isolated world of its own in each frame (no extension API there): the extension's world
  // is the one of the extension's origin.
  const world = contexts.find(
    (c) =>
      c.auxData?.frameId === frameTree.frame.id &&
      c.auxData?.type === 'isolated' &&
      c.origin?.startsWith('chrome-extension://'),
  );
  if (!world) throw new Error('The page has no isolated world of the extension.');
  const evaluate = async (expression: string): Promise<unknown> => {
    const answer = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, returnByValue: true });
    if (answer.exceptionDetails) throw new Error(`In the content script's world: ${answer.exceptionDetails.text}`);
    return answer.result.value;
  };
  await evaluate(script);
  await evaluate(`window.floorPrepare(${JSON.stringify(entries)})`);
  return async () => (await evaluate('window.floorRun()')) as { ms: number; ranges: number };
}

/** The page's JS heap in use after a garbage collection. */
export async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize;
}
