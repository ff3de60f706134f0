// Child of bench/watchlist/bench.ts: one list size in a process of its own (its heap, its time limit). Prints
// one JSON line of figures; bench.ts prints them against their targets.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCorpus } from '../../src/cli/corpus';
import { readPack } from '../../src/cli/load-pack';
import { compileDictionary, scan, serializeDictionary } from '../../src/engine';
import { toEntry } from '../../src/model/card';
import { alternate, type Sample } from '../measure';
import { syntheticEntries } from '../synthetic';
import { packJsonChunks, watchlist } from './generate';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const memory = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const [corpus = '', sizeArg = ''] = process.argv.slice(2);
const names = Number(sizeArg);
const pages = readCorpus(join(corpus, 'dev'));
const real = readPack(join(corpus, 'pack.csv')).cards;

const listed = watchlist({ names, seed: 1 });
const entries = [...real, ...listed].map(toEntry);
// The source file the list comes from: the pack JSON an analyst imports.
let sourceBytes = 0;
for (const chunk of packJsonChunks(listed)) sourceBytes += Buffer.byteLength(chunk);

gc();
const before = memory();
const c0 = performance.now();
const big = compileDictionary(entries);
const compileMs = performance.now() - c0;
gc();
const dictionaryBytes = memory() - before;

const dir = mkdtempSync(join(tmpdir(), 'dossier-watchlist-'));
const stored = join(dir, 'dictionary.json');
const s0 = performance.now();
writeFileSync(stored, serializeDictionary(big));
const serialiseMs = performance.now() - s0;
const storedBytes = statSync(stored).size;
const page = join(dir, 'page.txt');
writeFileSync(page, pages[0]!.text);
const wake = JSON.parse(
  execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', fileURLToPath(new URL('./wake.ts', import.meta.url)), stored, page],
    { encoding: 'utf8', timeout: 120_000 },
  )
    .trim()
    .split('\n')
    .at(-1)!,
) as { loadMs: number; firstScanMs: number; heapBytes: number; dictionaryBytes: number };
rmSync(dir, { recursive: true, force: true });

// Scanning the corpus pages, each on its own as a tab does: the list, 100 aliases and the Set-of-words floor
// (every page's words, lower-cased, looked up in a Set of the list's words), in alternating order, equally warm.
const small = compileDictionary(syntheticEntries(real.map(toEntry), 100));
const listWords = new Set(
  entries.flatMap((e) => [e.name, ...e.aliases]).flatMap((n) => n.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []),
);
const texts = pages.map((p) => p.text);
let sink = 0;
const t = alternate(
  {
    list: () => {
      for (const text of texts) sink += scan(big, text).length;
    },
    hundred: () => {
      for (const text of texts) sink += scan(small, text).length;
    },
    floor: () => {
      for (const text of texts)
        for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) if (listWords.has(w)) sink++;
    },
  },
  { runs: 15, warmup: 3 },
) as Record<'list' | 'hundred' | 'floor', Sample>;

console.log(
  JSON.stringify({
    names,
    cards: listed.length,
    forms: big.formCount,
    compileMs,
    serialiseMs,
    dictionaryBytes,
    sourceBytes,
    storedBytes,
    wake,
    scan: t,
    pageChars: texts.reduce((n, x) => n + x.length, 0),
    sink,
  }),
);
