/*
 * What bench/page.ts watches in a page from its main world (added as init scripts, so they run before the
 * page's own scripts): long animation frames and the scripts that ran in them, and when each painted mention
 * first showed. They run as text in the page: they must not declare named inner functions (see
 * scripts/page-probe.ts).
 */
import type { Page } from 'playwright-core';

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
