// Engine benchmark: scan, compile, heap and load figures as ratios against baselines measured in the same run.
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
import { syntheticEntries } from './synthetic';

const corpus = process.argv[2] ?? fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const MB = 1_000_000;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

const pages = readCorpus(join(corpus, 'dev'));
let text = pages.map((p) => p.text).join('\n');
while (text.length < MB) text += `\n${text}`;
text = text.slice(0, MB);
const real = readPack(join(corpus, 'pack.csv')).cards.map(toEntry);

/** Median wall time of fn over runs, after one warm-up. */
function time(fn: () => unknown, runs = 7): number {
  fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const a = performance.now();
    fn();
    t.push(performance.now() - a);
  }
  return t.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const formsOf = (entries: DictionaryEntry[]) => entries.flatMap((e) => [e.name, ...e.aliases]);
// Case-insensitive by lower-casing text and aliases once: V8's `i` flag on a big alternation is far slower (60 s at 10k).
const bounded = (body: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, 'gu');
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

const floor = time(() => text.toLowerCase().match(/[\p{L}\p{N}]+/gu));
console.log(`text: ${(text.length / MB).toFixed(2)} MB of ${pages.length} corpus pages, repeated`);
console.log(`floor (lower-case + split into \\p{L}\\p{N} tokens): ${fmt(floor)} per MB\n`);
console.log('aliases   scan        ÷floor   alternation RegExp   scan÷alt   per-alias RegExp   per-alias÷scan');

const scans = new Map<number, number>();
for (const size of [100, 1_000, 10_000, 100_000]) {
  const entries = syntheticEntries(real, size);
  const dict = compileDictionary(entries);
  const forms = [...new Set(formsOf(entries).map((f) => f.toLowerCase()))].sort((a, b) => b.length - a.length);
  const s = time(() => scan(dict, text));
  scans.set(size, s);
  const alternation = bounded(forms.map(escapeRegExp).join('|'));
  const alt = time(() => [...text.toLowerCase().matchAll(alternation)].length, size >= 10_000 ? 3 : 7);
  let perAlias = Number.NaN;
  if (size <= 1_000) {
    const each = forms.map((f) => bounded(escapeRegExp(f)));
    perAlias = time(() => {
      const lower = text.toLowerCase();
      return each.reduce((n, re) => n + [...lower.matchAll(re)].length, 0);
    }, 3);
  }
  console.log(
    `${String(size).padStart(7)}   ${fmt(s).padEnd(10)}  ${ratio(s, floor).padEnd(7)}  ${fmt(alt).padEnd(19)}  ${ratio(s, alt).padEnd(9)}  ${Number.isNaN(perAlias) ? '—'.padEnd(17) : fmt(perAlias).padEnd(17)}  ${Number.isNaN(perAlias) ? '—' : ratio(perAlias, s)}`,
  );
}
console.log(`\nscan at 100k aliases ÷ scan at 100 aliases: ${ratio(scans.get(100_000)!, scans.get(100)!)}`);

// Compile time and heap of the 100k dictionary.
const big = syntheticEntries(real, 100_000);
gc();
const heapBefore = process.memoryUsage().heapUsed;
const c0 = performance.now();
let dict: ReturnType<typeof compileDictionary> | undefined = compileDictionary(big);
const compileMs = performance.now() - c0;
gc();
const heap = process.memoryUsage().heapUsed - heapBefore;
console.log(`compile 100k aliases: ${fmt(compileMs)}; heap held by the dictionary: ${(heap / 2 ** 20).toFixed(1)} MB`);

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
  `serialised 100k dictionary: ${(serialised.length / 2 ** 20).toFixed(1)} MB; fresh process: load ${fmt(cold.loadMs)}, first scan of a page ${fmt(cold.firstScanMs)}`,
);

// Linearity: 1 MB should take at most 25× the time of 50 KB (20× the text).
const mid = compileDictionary(syntheticEntries(real, 10_000));
const small = time(() => scan(mid, text.slice(0, 50_000)), 15);
const large = time(() => scan(mid, text));
console.log(
  `linearity at 10k aliases: 1 MB ${fmt(large)} ÷ 50 KB ${fmt(small)} = ${ratio(large, small)} (20× the text)`,
);
