// Engine benchmark: scan figures as ratios against baselines measured in the same run, in alternating order;
// compile, heap and load as absolutes against their targets.
// Run with `npm run bench:engine` (node --expose-gc so heap figures are after a full collection).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCorpus } from '../src/cli/corpus';
import { readPack } from '../src/cli/load-pack';
import { compileDictionary, type DictionaryEntry, scan, serializeDictionary } from '../src/engine';
import { toEntry } from '../src/model/card';
import { alternate, ratio, type Sample, spread } from './measure';
import { syntheticEntries } from './synthetic';

const corpus = process.argv[2] ?? fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const MB = 1_000_000;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

const pages = readCorpus(join(corpus, 'dev'));
let text = pages.map((p) => p.text).join('\n');
while (text.length < MB) text += `\n${text}`;
text = text.slice(0, MB);
const real = readPack(join(corpus, 'pack.csv')).cards.map(toEntry);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const formsOf = (entries: DictionaryEntry[]) => entries.flatMap((e) => [e.name, ...e.aliases]);
// Case-insensitive by lower-casing text and aliases once: V8's `i` flag on a big alternation is far slower (60 s at 10k).
const bounded = (body: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, 'gu');
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
const tokens = () => text.toLowerCase().match(/[\p{L}\p{N}]+/gu);

console.log(`text: ${(text.length / MB).toFixed(2)} MB of ${pages.length} corpus pages, repeated`);
console.log(
  'floor: lower-case + split into \\p{L}\\p{N} tokens; each size: scan, floor and RegExps in alternating order,\n' +
    'medians of 7 runs after a warm-up (quartiles); per-alias RegExps at 100 and 1k only\n',
);

const scans = new Map<number, number>();
const ratios = new Map<number, { floor: number; alternation: number; perAlias: number }>();
for (const size of [100, 1_000, 10_000, 100_000]) {
  const entries = syntheticEntries(real, size);
  const dict = compileDictionary(entries);
  const forms = [...new Set(formsOf(entries).map((f) => f.toLowerCase()))].sort((a, b) => b.length - a.length);
  const alternation = bounded(forms.map(escapeRegExp).join('|'));
  const each = size <= 1_000 ? forms.map((f) => bounded(escapeRegExp(f))) : [];
  const sides = {
    scan: () => scan(dict, text),
    floor: tokens,
    alternation: () => [...text.toLowerCase().matchAll(alternation)].length,
  } as Record<string, () => unknown>;
  if (each.length)
    sides.perAlias = () => {
      const lower = text.toLowerCase();
      return each.reduce((n, re) => n + [...lower.matchAll(re)].length, 0);
    };
  const t = alternate(sides, { runs: 7, warmup: 1 }) as Record<'scan' | 'floor' | 'alternation', Sample> & {
    perAlias?: Sample;
  };
  scans.set(size, t.scan.median);
  ratios.set(size, {
    floor: t.scan.median / t.floor.median,
    alternation: t.scan.median / t.alternation.median,
    perAlias: t.perAlias ? t.perAlias.median / t.scan.median : Number.NaN,
  });
  console.log(
    `${String(size).padStart(7)} aliases: scan ${spread(t.scan)}; floor ${spread(t.floor)} → scan ÷ floor ${ratio(t.scan, t.floor)}; alternation RegExp ${spread(t.alternation)} → scan ÷ alternation ${ratio(t.scan, t.alternation)}${t.perAlias ? `; per-alias RegExps ${spread(t.perAlias)} → per-alias ÷ scan ${ratio(t.perAlias, t.scan)}` : ''}`,
  );
}
const growth = scans.get(100_000)! / scans.get(100)!;
console.log(
  `\nscan at 100k aliases ÷ scan at 100 aliases: ${growth.toFixed(2)}× (target ≤ 1.3×: ${met(growth <= 1.3)})`,
);
console.log(
  `scan ≤ 2× the floor at every size: ${met([...ratios.values()].every((r) => r.floor <= 2))}; faster than the alternation at 10k and 100k: ${met(ratios.get(10_000)!.alternation < 1 && ratios.get(100_000)!.alternation < 1)}; ≥ 8× faster than per-alias RegExps at 1k: ${met(ratios.get(1_000)!.perAlias >= 8)}`,
);

// Compile time and heap of the 100k dictionary.
const big = syntheticEntries(real, 100_000);
gc();
const heapBefore = process.memoryUsage().heapUsed;
const c0 = performance.now();
let dict: ReturnType<typeof compileDictionary> | undefined = compileDictionary(big);
const compileMs = performance.now() - c0;
gc();
const heap = process.memoryUsage().heapUsed - heapBefore;
console.log(
  `compile 100k aliases: ${fmt(compileMs)} (target < 1 s: ${met(compileMs < 1000)}); heap held by the dictionary: ${(heap / 2 ** 20).toFixed(1)} MB (target < 100 MB: ${met(heap < 100 * 2 ** 20)})`,
);

// Wake-up: a fresh process loads the serialised dictionary (no recompiling) and scans a short text.
const serialised = serializeDictionary(dict);
dict = undefined;
const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-'));
const file = join(dir, 'dict.json');
writeFileSync(file, serialised);
const loader = fileURLToPath(new URL('./load-cold.ts', import.meta.url));
const cold = JSON.parse(
  execFileSync(process.execPath, ['--import', 'tsx', loader, file], { encoding: 'utf8' }).trim().split('\n').at(-1)!,
) as { loadMs: number; firstScanMs: number };
console.log(
  `serialised 100k dictionary: ${(serialised.length / 2 ** 20).toFixed(1)} MB; fresh process: load ${fmt(cold.loadMs)} (target < 100 ms: ${met(cold.loadMs < 100)}), first scan of a page ${fmt(cold.firstScanMs)}`,
);

// Linearity: 1 MB should take at most 25× the time of 50 KB (20× the text).
const mid = compileDictionary(syntheticEntries(real, 10_000));
const lengths = alternate(
  { small: () => scan(mid, text.slice(0, 50_000)), large: () => scan(mid, text) },
  { runs: 7, warmup: 1 },
);
const linearity = lengths.large.median / lengths.small.median;
console.log(
  `linearity at 10k aliases: 1 MB ${spread(lengths.large)} ÷ 50 KB ${spread(lengths.small)} = ${linearity.toFixed(2)}× for 20× the text (target ≤ 25×: ${met(linearity <= 25)})`,
);
