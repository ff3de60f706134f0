// Page benchmark in Firefox (`npm run bench:page:firefox`): Dossier's in-page annotation in Debian's firefox-esr,
// as a ratio against the floor measured in Firefox in the same run on the same pages (bench/page.ts does the same
// in Chromium). See bench/README.md.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import * as v from 'valibot';
import { build } from 'vite';
import { firefoxPath, launchFirefox } from '../scripts/firefox';
import { openInTab, waitForPainted } from '../scripts/firefox-probe';
import { MENTION_KEYS } from '../scripts/page-probe';
import { serve } from '../scripts/static-server';
import { readPack } from '../src/cli/load-pack';
import { toEntry } from '../src/model/card';
import { PackSchema } from '../src/model/pack';
import defaultPack from '../src/packs/default-pack.json' with { type: 'json' };

const root = resolve(import.meta.dirname, '..');
const benchDist = resolve(root, '.bench-dist-firefox');
/** Warm runs of Dossier and of the floor, alternating (after one cold run of Dossier). */
const RUNS = 9;

// A bench build of the Firefox extension: the same code with performance marks in the page's timeline.
const built = spawnSync(
  'npx',
  ['vite', 'build', '--mode', 'firefox-bench', '--outDir', benchDist, '--logLevel', 'warn'],
  { cwd: root, stdio: 'inherit' },
);
if (built.status !== 0) process.exit(built.status ?? 1);

const floorScript = await bundle(resolve(import.meta.dirname, 'page-floor.ts'));
// The same floor, packed into the bench build, to be injected as a content script.
writeFileSync(resolve(benchDist, 'bench-floor.js'), floorScript);
// Dossier runs with the built-in pack and the corpus pack (imported below); a card of both is the corpus one.
const corpusPack = resolve(root, '../shared/corpus/pack.csv');
const cards = new Map(v.parse(PackSchema, defaultPack).cards.map((card) => [card.id, card]));
for (const card of readPack(corpusPack).cards) cards.set(card.id, card);
const entries = [...cards.values()].map(toEntry);

const server = await serve();
const pages = [
  { label: 'largest corpus page (guardian-1)', path: '/corpus/dev/guardian-1/source.html' },
  { label: '50k-element page', path: '/pages/hostile/big.html' },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? Number.NaN;
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

/** A tab that loads the loopback server's pages and nothing from elsewhere. */
async function localTab(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:') void request.continue().catch(() => undefined);
    else void request.abort().catch(() => undefined);
  });
  return page;
}

/**
 * Dossier end to end on a freshly loaded page: its first annotation (collect → match, in the page with the
 * dictionary the background handed it or in the background → paint), from the `annotate` measure and the marks
 * the bench build puts in the page's timeline.
 */
async function dossierRun(page: Page, url: string) {
  await page.goto(url, { waitUntil: 'load' });
  const handle = await page.waitForFunction(
    () => {
      // No named inner function: the loader would wrap it in a helper the page does not have.
      const [m, start, collected, matched, end] = [
        'annotate',
        'annotate:start',
        'annotate:collected',
        'annotate:matched',
        'annotate:end',
      ].map((name) => performance.getEntriesByName(name)[0]);
      return m && start && collected && matched && end
        ? {
            duration: m.duration,
            end: end.startTime,
            collect: collected.startTime - start.startTime,
            match: matched.startTime - collected.startTime,
            paint: end.startTime - matched.startTime,
          }
        : null;
    },
    { timeout: 60_000, polling: 50 },
  );
  return (await handle.jsonValue()) as { duration: number; end: number; collect: number; match: number; paint: number };
}

const withDossier = await launchFirefox({ dist: benchDist });
// The options page imports the corpus pack, then stays open to drive the extension.
const options = await withDossier.browser.newPage();
await openInTab(withDossier, options, 'src/ui/options/index.html');
await options.waitForSelector('table');
await (await options.$('input[type="file"]'))!.uploadFile(corpusPack);
await options.waitForFunction(() => /Imported/.test(document.querySelector('[role="status"]')?.textContent ?? ''));

const api = 'globalThis.browser';

/**
 * The floor in Dossier's own world: the same function injected as a content script (written into the bench
 * build as bench-floor.js) into a page Dossier is paused on, so that every DOM access crosses the same X-ray wrappers
 * Firefox puts between a content script and the page.
 */
async function contentWorldFloor(url: string): Promise<{ ms: number; ranges: number }> {
  await options.evaluate(`${api}.runtime.sendMessage({ type: 'pause.set', payload: { paused: true } })`);
  const page = await localTab(withDossier.browser);
  await page.goto(url, { waitUntil: 'load' });
  // Passed as text: the function given to executeScript must reach Firefox as written, without our loader's helpers.
  const result = (await options.evaluate(`(async () => {
    const tab = (await ${api}.tabs.query({})).find((t) => t.url === ${JSON.stringify(url)});
    const target = { tabId: tab.id, frameIds: [0] };
    const [loaded] = await ${api}.scripting.executeScript({ target, files: ["/bench-floor.js"] });
    if (loaded.error) throw new Error("bench-floor.js: " + String(loaded.error));
    const [done] = await ${api}.scripting.executeScript({
      target,
      func: (entries) => { try { window.floorPrepare(entries); return window.floorRun(); } catch (e) { return { failed: String(e) + " / " + typeof window.floorRun }; } },
      args: [${JSON.stringify(entries)}],
    });
    if (!done.result) throw new Error("the floor did not run: " + JSON.stringify(done) + " " + typeof window);
    return done.result;
  })()`)) as { ms: number; ranges: number };
  await page.close();
  await options.evaluate(`${api}.runtime.sendMessage({ type: 'pause.set', payload: { paused: false } })`);
  return result;
}
const plain = await puppeteer.launch({ browser: 'firefox', executablePath: firefoxPath(), headless: true });
console.log(`Firefox ${await plain.version()}\n`);

for (const { label, path } of pages) {
  const url = `${server.url}${path}`;
  const durations: number[] = [];
  const firstEnds: number[] = [];
  const phases = { collect: [] as number[], match: [] as number[], paint: [] as number[] };
  const floorTimes: number[] = [];
  const worldTimes: number[] = [];
  let floorRanges = 0;
  let worldRanges = 0;
  let cold = 0;
  // Dossier's warm runs and the floor's alternate, so that what else the machine does weighs on both alike.
  for (let r = 0; r <= RUNS; r++) {
    const page = await localTab(withDossier.browser);
    const run = await dossierRun(page, url);
    await page.close();
    if (r === 0) {
      cold = run.duration;
      continue;
    }
    durations.push(run.duration);
    firstEnds.push(run.end);
    phases.collect.push(run.collect);
    phases.match.push(run.match);
    phases.paint.push(run.paint);
    // The floor in a Firefox without Dossier, on the same page freshly loaded as Dossier's is.
    const floorPage = await localTab(plain);
    await floorPage.goto(url, { waitUntil: 'load' });
    await floorPage.addScriptTag({ content: floorScript });
    await floorPage.evaluate((list) => window.floorPrepare!(list), entries);
    const floor = await floorPage.evaluate(() => window.floorRun!());
    floorTimes.push(floor.ms);
    floorRanges = floor.ranges;
    await floorPage.close();
    const world = await contentWorldFloor(url);
    worldTimes.push(world.ms);
    worldRanges = world.ranges;
  }
  const ours = median(durations);
  const floor = median(floorTimes);
  console.log(label);
  console.log(
    `  annotate end to end (collect → match → paint): ${fmt(ours)}; floor ${fmt(floor)} → ${(ours / floor).toFixed(2)}× the floor (target ≤ 2×)`,
  );
  const world = median(worldTimes);
  console.log(
    `  the same floor run as a content script (Firefox's X-ray wrappers on every DOM access): ${fmt(world)} → ${(ours / world).toFixed(2)}× that floor`,
  );
  console.log(
    `  of which: collect ${fmt(median(phases.collect))}, match ${fmt(median(phases.match))}, paint ${fmt(median(phases.paint))}`,
  );
  console.log(
    `  cold first highlight (event page just started): ${fmt(cold)}; first highlights ${fmt(median(firstEnds))} after navigation start; ranges: floor ${floorRanges}, content-script floor ${worldRanges}\n`,
  );
}

// Hover → popover rendered, over 200 hovers moving between the mentions of the largest corpus page.
{
  const page = await localTab(withDossier.browser);
  await dossierRun(page, `${server.url}${pages[0]!.path}`);
  await waitForPainted(page);
  // Each hover goes to the next mention, scrolled into view first (WebDriver moves the pointer within the
  // viewport only), from a point off it.
  const count = await page.evaluate(
    (keys: string[]) => keys.reduce((n, key) => n + (CSS.highlights.get(key)?.size ?? 0), 0),
    [...MENTION_KEYS],
  );
  for (let i = 0; i < 200 && count; i++) {
    const point = await page.evaluate(
      (keys: string[], index: number) => {
        const all = keys.flatMap((key) => [...(CSS.highlights.get(key) ?? [])] as Range[]);
        const range = all[index]!;
        range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const rect = range.getClientRects()[0]!;
        return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
      },
      [...MENTION_KEYS],
      i % count,
    );
    await page.mouse.move(point.x, Math.max(0, point.y - 60));
    await page.mouse.move(point.x, point.y);
  }
  await new Promise((done) => setTimeout(done, 200));
  const measured = async (name: string) =>
    (await page.evaluate((n: string) => performance.getEntriesByName(n).map((m) => m.duration), name)) as number[];
  const hover = await measured('hover → popover');
  const input = await measured('input → popover');
  console.log(
    `hover → popover rendered, ${hover.length} hovers on ${count} mentions: p95 ${fmt(p95(hover))} (target < 16 ms), median ${fmt(median(hover))}`,
  );
  console.log(
    `  counting the browser's own input delivery (from the event's time stamp): p95 ${fmt(p95(input))}, median ${fmt(median(input))}`,
  );
  await page.close();
}
console.log(
  '\nNot measured in Firefox: the JS heap (no heap API over WebDriver BiDi) and long frames (Firefox has no long-animation-frame entries).',
);

await withDossier.close();
await plain.close();
await server.close();

async function bundle(entry: string): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    build: { write: false, minify: true, lib: { entry, formats: ['iife'], name: 'floor' } },
  });
  const output = (Array.isArray(result) ? result[0] : result) as { output: Array<{ type: string; code?: string }> };
  const chunk = output.output.find((o) => o.type === 'chunk');
  if (!chunk?.code) throw new Error('Could not bundle the floor');
  return chunk.code;
}
