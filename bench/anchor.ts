/**
 * `npm run bench:anchor`: re-anchoring 200 of the user's highlights and notes on the largest corpus page, in
 * Chromium with the extension (a bench build: performance marks in the page's timeline). The annotations were
 * made on an earlier version of the page: most quotes are still there word for word but elsewhere (their
 * positions no longer hold), one in ten was edited a little (found approximately), one in twenty is gone
 * (an orphan, the slowest case: a full approximate search). An absolute against its target: nothing simpler
 * does the same work; 200 plain `indexOf` searches of the quotes in the page's text are printed for scale.
 * Medians of 7 page loads after one warm-up.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { extensionId, launch, refuseOutsideRequests, serviceWorker } from '../scripts/browser';
import { serve } from '../scripts/static-server';
import { absolute, sample, spread } from './measure';

const root = resolve(import.meta.dirname, '..');
const benchDist = resolve(root, '.bench-dist');
const RUNS = 7;
const COUNT = 200;

const built = spawnSync('npx', ['vite', 'build', '--mode', 'bench', '--outDir', benchDist, '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
if (built.status !== 0) process.exit(built.status ?? 1);

const dev = resolve(root, '../shared/corpus/dev');
const largest = readdirSync(dev)
  .map((name) => ({ name, size: statSync(resolve(dev, name, 'source.html')).size }))
  .sort((a, b) => b.size - a.size)[0]!;
const server = await serve();
const url = `${server.url}/corpus/dev/${largest.name}/source.html`;

const context = await launch({ dist: benchDist });
await refuseOutsideRequests(context);
const worker = await serviceWorker(context);

// The annotations, made from the page's own text: quotes of 3 to 12 words, with the text around them.
const page = await context.newPage();
await page.goto(url, { waitUntil: 'load' });
const made = (await page.evaluate(`(() => {
  const text = document.body.innerText;
  const words = [...text.matchAll(/\\S+/g)];
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const out = [];
  while (out.length < ${COUNT}) {
    const first = Math.floor(random() * (words.length - 12));
    const last = first + 2 + Math.floor(random() * 10);
    const start = words[first].index;
    const end = words[last].index + words[last][0].length;
    let exact = text.slice(start, end);
    if (exact.length < 12 || exact.length > 400 || exact.includes('\\n')) continue;
    const kind = out.length % 20 === 0 ? 'gone' : out.length % 10 === 5 ? 'edited' : 'moved';
    if (kind === 'gone') exact = 'Quoted text the page no longer has, ' + out.length + ' of them, ' + exact.split('').reverse().join('');
    if (kind === 'edited') exact = exact.slice(0, 4) + exact.slice(5);
    out.push({ exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32),
      // Positions from an earlier version of the page: no longer where the quote is.
      start: start + 137, kind });
  }
  return out;
})()`)) as Array<{ exact: string; prefix: string; suffix: string; start: number; kind: string }>;
await page.close();

const now = new Date().toISOString();
const annotations = made.map((m, i) => ({
  id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  type: 'Annotation',
  motivation: i % 3 === 0 ? 'commenting' : 'highlighting',
  created: now,
  modified: now,
  body: i % 3 === 0 ? [{ type: 'TextualBody', value: `Note ${i}`, format: 'text/plain', purpose: 'commenting' }] : [],
  target: {
    source: url,
    selector: [
      { type: 'TextQuoteSelector', exact: m.exact, prefix: m.prefix, suffix: m.suffix },
      { type: 'TextPositionSelector', start: m.start, end: m.start + m.exact.length },
    ],
  },
}));
const file = JSON.stringify({ type: 'AnnotationPage', items: annotations });
{
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId(worker)}/src/ui/options/index.html`);
  const imported = (await options.evaluate(
    (text) => chrome.runtime.sendMessage({ type: 'annotations.import', payload: { text } }),
    file,
  )) as { ok: boolean; error?: string; value?: { imported: number } };
  if (!imported.ok) throw new Error(`import failed: ${imported.error}`);
  await options.close();
}

const anchoring: number[] = [];
const placing: number[] = [];
const floors: number[] = [];
let painted = 0;
for (let r = 0; r <= RUNS; r++) {
  const tab = await context.newPage();
  await tab.goto(url, { waitUntil: 'load' });
  const handle = await tab.waitForFunction(
    () => {
      const anchored = performance.getEntriesByName('own annotations anchored')[0];
      const placed = performance.getEntriesByName('own annotations placed')[0];
      return anchored && placed ? { anchored: anchored.duration, placed: placed.duration } : null;
    },
    undefined,
    { timeout: 60_000 },
  );
  const times = (await handle.jsonValue()) as { anchored: number; placed: number };
  painted = (await tab.evaluate(
    `(CSS.highlights.get('ann-mark')?.size ?? 0) + (CSS.highlights.get('ann-note')?.size ?? 0)`,
  )) as number;
  const floor = (await tab.evaluate(
    `(() => {
      const quotes = ${JSON.stringify(made.map((m) => m.exact))};
      const start = performance.now();
      const text = document.body.innerText;
      let found = 0;
      for (const quote of quotes) if (text.indexOf(quote) >= 0) found++;
      return performance.now() - start;
    })()`,
  )) as number;
  await tab.close();
  if (r === 0) continue;
  anchoring.push(times.anchored);
  placing.push(times.placed);
  floors.push(floor);
}
const expected = made.filter((m) => m.kind !== 'gone').length;
const anchored = sample(anchoring);
console.log(
  absolute(
    `re-anchoring ${COUNT} annotations on the largest corpus page (${largest.name}), medians (quartiles) of ${RUNS} loads`,
    `${spread(anchored)}; with collecting the page's text ${spread(sample(placing))}`,
    '< 100 ms',
    anchored.median < 100,
  ),
);
console.log(
  `  for scale, in the same page: innerText + ${COUNT} exact indexOf searches ${spread(sample(floors))} (it finds no edited quote, not the right one of repeated quotes, and makes no range)`,
);
console.log(
  `  painted ${painted} of the ${expected} whose text is still on the page (${made.filter((m) => m.kind === 'edited').length} of them edited); ${COUNT - expected} orphans`,
);
await context.close();
await server.close();
