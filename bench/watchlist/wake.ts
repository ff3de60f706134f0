// Child of bench/watchlist/size.ts: a fresh process that wakes as a service worker does with a watchlist
// installed: it reads the stored dictionary cache (no compiling), has its cards' summaries at hand, scans one
// page and makes its mentions, and reports its memory. `binary` reads the cache as the worker keeps it now (a
// JSON header and binary parts, as IndexedDB returns them: ArrayBuffers); `json` reads the cache as it was
// kept before (one JSON dictionary string and the cards' summaries as JSON, a Map made of them).
import { readFileSync } from 'node:fs';
import { decodeCache } from '../../src/background/cache-format';
import { loadDictionary, scan } from '../../src/engine';
import { type CardSummary, mentionsIn } from '../../src/model/mention';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const memory = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const [mode = '', base = '', pageFile = ''] = process.argv.slice(2);
const page = readFileSync(pageFile, 'utf8');
gc();
const before = memory();
const a = performance.now();
let loaded: ReturnType<typeof decodeCache>;
if (mode === 'binary') {
  const { header, parts } = JSON.parse(readFileSync(`${base}.header.json`, 'utf8')) as {
    header: string;
    parts: Array<[offset: number, bytes: number]>;
  };
  const file = readFileSync(`${base}.bin`);
  // Each part its own ArrayBuffer, as IndexedDB gives them back.
  const views = parts.map(([offset, bytes]) => new Uint8Array(file.buffer, file.byteOffset + offset, bytes));
  loaded = decodeCache(header, views);
} else {
  const dictionary = loadDictionary(readFileSync(`${base}.json`, 'utf8'));
  const cards = JSON.parse(readFileSync(`${base}.cards.json`, 'utf8')) as CardSummary[];
  loaded = { dictionary, cards: new Map(cards.map((c) => [c.id, c])) };
}
const b = performance.now();
const found = mentionsIn(page, scan(loaded.dictionary, page), loaded.cards).mentions.length;
const c = performance.now();
gc();
// The whole process's heap and array buffers after the wake, and what the dictionary added to them.
console.log(
  JSON.stringify({ loadMs: b - a, firstScanMs: c - b, found, heapBytes: memory(), dictionaryBytes: memory() - before }),
);
