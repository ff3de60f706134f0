// Network benchmark (`npm run bench:network`): the insight page's entity network of 5,000 clips, built, laid out
// and first painted (an absolute against its target, the empty network's beside it for scale), then panned (the
// p95 frame against the same drag on the page drawing an empty network), in Debian's headless Chromium
// (software rasterising), the two pages in alternating order. See bench/README.md.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { extensionId, launch, serviceWorker } from '../scripts/browser';
import type { InsightData } from '../src/messaging/protocol';
import { absolute, sample, spread } from './measure';
import { syntheticInsights } from './synthetic-insights';

const root = resolve(import.meta.dirname, '..');
const benchDist = resolve(root, '.bench-dist');
/** Runs of each, alternating. */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CLIPS = 5000;
const CARDS = 2000;

// A bench build: the insight page then draws data it is given, and marks its first paint.
const built = spawnSync('npx', ['vite', 'build', '--mode', 'bench', '--outDir', benchDist, '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
if (built.status !== 0) process.exit(built.status ?? 1);

const history = { enabled: false, retentionDays: 90 as const, pages: 0 };
const full: InsightData = { ...syntheticInsights(CLIPS, CARDS), history };
const empty: InsightData = { articles: [], cards: [], history };

const context = await launch({ dist: benchDist });
const id = extensionId(await serviceWorker(context));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] as number;
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

interface Run {
  /** From handing the page its data to the first frame of the network on screen. */
  firstPaint: number;
  layout: number;
  /** The canvas's set-up and first full draw. */
  draw: number;
  iterations: number;
  nodes: number;
  edges: number;
  frames: number[];
}

/** Opens the page, draws `data`, then pans the network by dragging it (about 1.5 s) and records every frame. */
async function run(data: InsightData): Promise<Run> {
  const page = await context.newPage();
  page.on('crash', () => console.error('the page crashed'));
  await page.goto(`chrome-extension://${id}/src/ui/insights/index.html#bench`);
  await page.waitForFunction(() => 'dossierBenchRender' in globalThis);
  const painted = await page.evaluate(async (given) => {
    const started = performance.now();
    (globalThis as unknown as { dossierBenchRender: (d: unknown) => void }).dossierBenchRender(given);
    while (!performance.getEntriesByName('network:painted').length) {
      await new Promise((done) => setTimeout(done, 5));
    }
    const mark = performance.getEntriesByName('network:painted')[0] as PerformanceMark;
    const detail = mark.detail as { layout: number; iterations: number; draw: number };
    const canvas = document.querySelector('.network-canvas') as HTMLElement;
    return {
      firstPaint: mark.startTime - started,
      layout: detail.layout,
      draw: detail.draw,
      iterations: detail.iterations,
      nodes: Number(canvas.dataset.nodes),
      edges: Number(canvas.dataset.edges),
    };
  }, data);
  // A page the renderer gave up on (software WebGL out of memory) is reported, not hidden.
  const frames = await pan(page).catch((error: unknown) => {
    console.error(`  the pan failed: ${String(error).split('\n')[0]}`);
    return [] as number[];
  });
  await page.close().catch(() => undefined);
  return { ...painted, frames };
}

/** Drags the network around a circle and back, and returns the time between frames meanwhile. */
async function pan(page: Page): Promise<number[]> {
  const box = (await page.locator('.network-canvas').boundingBox()) as { x: number; y: number; width: number };
  const cx = box.x + box.width / 2;
  const cy = box.y + 300;
  // A string, not a function: a named function would carry the bundler's name helper into the page.
  await page.evaluate(`(() => {
    globalThis.frames = [];
    globalThis.recording = true;
    let last = 0;
    const tick = (now) => {
      if (last) globalThis.frames.push(now - last);
      last = now;
      if (globalThis.recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 1; i <= 120; i++) {
    const angle = (i / 120) * 2 * Math.PI;
    await page.mouse.move(cx + 180 * Math.sin(angle), cy + 120 * (1 - Math.cos(angle)));
    await page.waitForTimeout(10);
  }
  await page.mouse.up();
  return page.evaluate(() => {
    const g = globalThis as unknown as { frames: number[]; recording: boolean };
    g.recording = false;
    return g.frames;
  });
}

const runs = { network: [] as Run[], empty: [] as Run[] };
/** A run whose page died (software WebGL gave up) is reported, and the benchmark goes on. */
async function attempt(data: InsightData, into?: Run[]): Promise<void> {
  try {
    const result = await run(data);
    into?.push(result);
  } catch (error) {
    console.error(`  a run failed: ${String(error).split('\n')[0]}`);
  }
}
// One warm-up of the empty page (the first page of a browser pays for its shader cache and fonts), then
// alternating.
await attempt(empty);
for (let i = 0; i < RUNS; i++) {
  // Each goes first in turn.
  if (i % 2 === 0) {
    await attempt(empty, runs.empty);
    await attempt(full, runs.network);
  } else {
    await attempt(full, runs.network);
    await attempt(empty, runs.empty);
  }
}
// BENCH_SCREENSHOTS=1: the network as drawn, light and dark, in screenshots/ (to look at, not to measure).
if (process.env.BENCH_SCREENSHOTS) {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${id}/src/ui/insights/index.html#bench`);
    await page.waitForFunction(() => 'dossierBenchRender' in globalThis);
    await page.evaluate((given) => {
      (globalThis as unknown as { dossierBenchRender: (d: unknown) => void }).dossierBenchRender(given);
    }, full);
    await page.locator('.network-canvas[data-painted="true"]').waitFor();
    // The layout refined in a worker after the first paint, when it comes within 20 s.
    const refined = await page
      .waitForFunction(() => performance.getEntriesByName('network:refined').length > 0, null, { timeout: 20_000 })
      .then(() =>
        page.evaluate(() => {
          const mark = performance.getEntriesByName('network:refined')[0] as PerformanceMark;
          const start = performance.getEntriesByName('network:start')[0] as PerformanceMark;
          return { after: mark.startTime - start.startTime, ...(mark.detail as { iterations: number }) };
        }),
      )
      .catch(() => null);
    console.log(
      refined
        ? `  ${scheme}: layout refined in a worker to ${refined.iterations} iterations, ${fmt(refined.after)} after the start`
        : `  ${scheme}: no refined layout within 20 s`,
    );
    await page.screenshot({ path: resolve(root, `screenshots/network-${CLIPS}-${scheme}.png`) });
    await page.close();
  }
}
await context.close();
if (!runs.network.length || !runs.empty.length) {
  console.log('  no complete run of the network: a target is missed');
  process.exit(1);
}

const paint = median(runs.network.map((r) => r.firstPaint));
const framesOf = (list: Run[]) => list.flatMap((r) => r.frames);
const p95 = quantile(framesOf(runs.network), 0.95);
const p95Floor = quantile(framesOf(runs.empty), 0.95);
const first = runs.network[0] as Run;
const drawn = runs.network.length;
console.log(
  `network of ${CLIPS.toLocaleString('en')} clips: ${first.nodes} cards, ${first.edges.toLocaleString('en')} links (the 20,000 strongest drawn); medians of ${drawn} of ${RUNS} runs`,
);
const paints = sample(runs.network.map((r) => r.firstPaint));
console.log(
  `  ${absolute('built, laid out and first painted', spread(paints), '< 2000 ms', paint < 2000)}; for scale, the empty network ${spread(sample(runs.empty.map((r) => r.firstPaint)))}`,
);
console.log(
  `  of which graph and layout (ForceAtlas2, ${median(runs.network.map((r) => r.iterations))} iterations): ${fmt(median(runs.network.map((r) => r.layout)))}, canvas drawn in ${fmt(median(runs.network.map((r) => r.draw)))}`,
);
console.log(
  `  pan: p95 frame ${fmt(p95)} (target < 33 ms), median ${fmt(quantile(framesOf(runs.network), 0.5))}, ${framesOf(runs.network).length} frames · empty network p95 ${fmt(p95Floor)} · ÷ empty ${(p95 / p95Floor).toFixed(2)}×`,
);
const ok = paint < 2000 && p95 < 33;
console.log(ok ? '  both targets hold' : '  a target is missed');
