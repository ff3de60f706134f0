// Child of bench/watchlist/bench.ts: one list size in a process of its own (its heap, its time limit). Prints
// one JSON line of figures; bench.ts prints them against their targets.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeCache } from '../../src/background/cache-format';
import { readCorpus } from '../../src/cli/corpus';
import { readPack } from '../../src/cli/load-pack';
import { compileDictionary, scan, serializeDictionary } from '../../src/engine';
import { isTopic, toEntry } from '../../src/model/card';
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
const base = join(dir, 'cache');
const summaries = [...real, ...listed].map((c) => ({ id: c.id, name: c.name, kind: c.kind, topic: isTopic(c) }));
// The cache as kept before: the dictionary as one JSON string, the cards' summaries as JSON.
const s0 = performance.now();
writeFileSync(`${base}.json`, serializeDictionary(big));
const serialiseMs = performance.now() - s0;
writeFileSync(`${base}.cards.json`, JSON.stringify(summaries));
const jsonBytes = statSync(`${base}.json`).size + statSync(`${base}.cards.json`).size;
// The cache as kept now: a JSON header and binary parts (one file here, each part at an 8-byte boundary).
const e0 = performance.now();
const encoded = encodeCache(big, summaries);
const encodeMs = performance.now() - e0;
const offsets: Array<[number, number]> = [];
let at = 0;
for (const part of encoded.parts) {
  offsets.push([at, part.byteLength]);
  at += Math.ceil(part.byteLength / 8) * 8;
}
const file = new Uint8Array(at);
for (const [i, part] of encoded.parts.entries()) file.set(part, offsets[i]![0]);
writeFileSync(`${base}.bin`, file);
writeFileSync(`${base}.header.json`, JSON.stringify({ header: encoded.header, parts: offsets }));
const storedBytes = statSync(`${base}.bin`).size + statSync(`${base}.header.json`).size;
const page = join(dir, 'page.txt');
writeFileSync(page, pages[0]!.text);
interface Wake {
  loadMs: number;
  firstScanMs: number;
  found: number;
  heapBytes: number;
  dictionaryBytes: number;
}
const wakeOnce = (mode: 'binary' | 'json') =>
  JSON.parse(
    execFileSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', fileURLToPath(new URL('./wake.ts', import.meta.url)), mode, base, page],
      { encoding: 'utf8', timeout: 120_000 },
    )
      .trim()
      .split('\n')
      .at(-1)!,
  ) as Wake;
// Three fresh processes of each, alternating; the median wake (load + first page) of each.
const wakes: Record<'binary' | 'json', Wake[]> = { binary: [], json: [] };
for (let i = 0; i < 3; i++) {
  for (const mode of i % 2 ? (['json', 'binary'] as const) : (['binary', 'json'] as const))
    wakes[mode].push(wakeOnce(mode));
}
const median = (list: Wake[]) => [...list].sort((x, y) => x.loadMs + x.firstScanMs - (y.loadMs + y.firstScanMs))[1]!;
const wake = median(wakes.binary);
const wakeJson = median(wakes.json);
if (wake.found !== wakeJson.found) throw new Error(`the two caches found ${wake.found} and ${wakeJson.found} mentions`);
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
    encodeMs,
    dictionaryBytes,
    sourceBytes,
    storedBytes,
    jsonBytes,
    wake,
    wakeJson,
    wakes,
    scan: t,
    pageChars: texts.reduce((n, x) => n + x.length, 0),
    sink,
  }),
);
