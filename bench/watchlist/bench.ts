/**
 * `npm run bench:watchlist`: synthetic watchlists (generate.ts) of 10k, 100k and 1M names beside the dev
 * corpus's cards. Each size runs in a child process of its own (size.ts, with a time limit) and reports: compile
 * time, the dictionary's memory, its stored size against the source pack file, a wake (a fresh process loads the
 * stored dictionary and scans a page: wake.ts), and the corpus pages' scan time against the same pages scanned
 * with 100 aliases and against the Set-of-words floor, in the same run, alternating, equally warm. Then
 * precision.ts: the corpus's precision and recall with and without the million, and the held-out pages' scan.
 *
 * `WATCHLIST_SIZES=10000,100000` runs some sizes; the corpus is `../shared/corpus` or the first argument.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ms, ratio, type Sample, spread } from '../measure';

const corpus = process.argv[2] ?? fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
if (!existsSync(corpus)) {
  console.error(`bench:watchlist needs the shared corpus at ${corpus} (or its path as the first argument)`);
  process.exit(2);
}
const sizes = (process.env.WATCHLIST_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const MB = 2 ** 20;
const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

/** Runs a child of this benchmark with its own heap and a time limit; returns its last line as JSON. */
function child<T>(script: string, args: string[], minutes: number): T {
  const out = execFileSync(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=6144',
      '--import',
      'tsx',
      fileURLToPath(new URL(script, import.meta.url)),
      ...args,
    ],
    { encoding: 'utf8', timeout: minutes * 60_000, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!) as T;
}

interface Wake {
  loadMs: number;
  firstScanMs: number;
  heapBytes: number;
  dictionaryBytes: number;
}
interface SizeFigures {
  names: number;
  cards: number;
  forms: number;
  compileMs: number;
  serialiseMs: number;
  encodeMs: number;
  dictionaryBytes: number;
  sourceBytes: number;
  storedBytes: number;
  jsonBytes: number;
  wake: Wake;
  wakeJson: Wake;
  scan: Record<'list' | 'hundred' | 'floor', Sample>;
  pageChars: number;
}

console.log(
  'Each size in its own process: compile; memory the compiled dictionary holds (heap + array buffers after a full\n' +
    'collection); stored form against the pack JSON it comes from; a fresh process loads the stored form and scans a page;\n' +
    'the 18 dev pages scanned one by one with the list, with 100 aliases, and as the Set-of-words floor (alternating,\n' +
    '3 warm-up rounds, medians of 15 with quartiles).\n',
);
// Import timing belongs to the streamed import (options page and `npm run annotate -- --pack big.csv`): its
// figures are printed by that benchmark and written into bench/README.md's "Import" place.
const results: SizeFigures[] = [];
for (const size of sizes) {
  const r = child<SizeFigures>('./size.ts', [corpus, String(size)], size >= 1_000_000 ? 20 : 8);
  results.push(r);
  const scanRatio = r.scan.list.median / r.scan.hundred.median;
  const wakeMs = r.wake.loadMs + r.wake.firstScanMs;
  const storeRatio = (r.sourceBytes + r.storedBytes) / r.sourceBytes;
  console.log(
    `${r.names.toLocaleString('en')} names (${r.cards.toLocaleString('en')} cards, ${r.forms.toLocaleString('en')} forms)`,
  );
  console.log(
    `  compile ${ms(r.compileMs)}; stored form made in ${ms(r.encodeMs)} (the JSON one before: ${ms(r.serialiseMs)}) (absolute, no like-for-like baseline)`,
  );
  console.log(
    `  dictionary in memory ${mb(r.dictionaryBytes)}; woken process: ${mb(r.wake.heapBytes)} in all (target < 150 MB: ${met(r.wake.heapBytes < 150 * MB)})`,
  );
  console.log(
    `  stored dictionary and cards ${mb(r.storedBytes)} (as JSON before: ${mb(r.jsonBytes)}) beside a source pack of ${mb(r.sourceBytes)}: cards + dictionary = ${storeRatio.toFixed(2)}× the source (target < 3×: ${met(storeRatio < 3)})`,
  );
  console.log(
    `  wake (median of 3 fresh processes): load ${ms(r.wake.loadMs)} + first page ${ms(r.wake.firstScanMs)} = ${ms(wakeMs)} (target ≤ 1 s: ${met(wakeMs <= 1000)}); from the JSON cache kept before, alternating with it: ${ms(r.wakeJson.loadMs)} + ${ms(r.wakeJson.firstScanMs)} = ${ms(r.wakeJson.loadMs + r.wakeJson.firstScanMs)}, ${mb(r.wakeJson.heapBytes)}`,
  );
  console.log(
    `  scan of ${r.pageChars.toLocaleString('en')} characters: list ${spread(r.scan.list)}; 100 aliases ${spread(r.scan.hundred)} → ${ratio(r.scan.list, r.scan.hundred)} (target ≤ 1.5×: ${met(scanRatio <= 1.5)}); Set-of-words floor ${spread(r.scan.floor)} → list ÷ floor ${ratio(r.scan.list, r.scan.floor)}`,
  );
}

interface Scores {
  precision: number;
  recall: number;
  fp: number;
  fn: number;
}
interface PrecisionFigures {
  names: number;
  alone: Record<'tune' | 'held-out', Scores>;
  withList: Record<'tune' | 'held-out', Scores>;
  scan: Record<'alone' | 'list', Sample>;
  census: Record<string, number>;
}
const largest = Math.max(...sizes);
const p = child<PrecisionFigures>('./precision.ts', [corpus, String(largest)], 20);
console.log(
  `\nThe dev corpus's 112 cards alone and with ${largest.toLocaleString('en')} unrelated names (each link to them is a false positive):`,
);
for (const split of ['tune', 'held-out'] as const) {
  const a = p.alone[split];
  const w = p.withList[split];
  const keeps = Math.abs(a.precision - w.precision) <= 0.01 && Math.abs(a.recall - w.recall) <= 0.01;
  console.log(
    `  ${split.padEnd(8)} precision ${a.precision.toFixed(3)} → ${w.precision.toFixed(3)}, recall ${a.recall.toFixed(3)} → ${w.recall.toFixed(3)} (fp ${a.fp} → ${w.fp}, fn ${a.fn} → ${w.fn}; target within 0.01: ${met(keeps)})`,
  );
}
const annotateRatio = p.scan.list.median / p.scan.alone.median;
console.log(
  `  held-out pages annotated (compiled once, a full collection, then each page scanned; alternating, 10 warm-up rounds, medians of 41): with the list ${spread(p.scan.list)}, cards alone ${spread(p.scan.alone)} → ${ratio(p.scan.list, p.scan.alone)} (target ≤ 1.5×: ${met(annotateRatio <= 1.5)})`,
);
const c = p.census;
const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;
console.log(
  `  of the ${c.names!.toLocaleString('en')} names, ${c.oneWord!.toLocaleString('en')} are one word: ${c.oneWordOrdinary!.toLocaleString('en')} of them an ordinary English word, ${c.oneWordGiven!.toLocaleString('en')} a common given name (the first name of ≥ 3 people of the list; ${c.distinctGiven} such names); ${pct(c.ordinaryWords!, c.words!)} of all their words are ordinary English words`,
);
console.log(
  `  the engine holds ${c.weakForms!.toLocaleString('en')} one-word aliases of people (common given names, ordinary words) and ${c.surnameForms!.toLocaleString('en')} family names alone to a cue on the page`,
);
