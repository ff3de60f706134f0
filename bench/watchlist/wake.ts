// Child of bench/watchlist/size.ts: a fresh process that wakes as a service worker does with a watchlist
// installed: it loads the stored, compiled dictionary (no compiling) and scans one page, and reports its memory.
import { readFileSync } from 'node:fs';
import { loadDictionary, scan } from '../../src/engine';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const memory = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const [file = '', pageFile = ''] = process.argv.slice(2);
const page = readFileSync(pageFile, 'utf8');
gc();
const before = memory();
const a = performance.now();
const dict = loadDictionary(readFileSync(file, 'utf8'));
const b = performance.now();
const found = scan(dict, page).length;
const c = performance.now();
gc();
// The whole process's heap and array buffers after the wake, and what the dictionary added to them.
console.log(
  JSON.stringify({ loadMs: b - a, firstScanMs: c - b, found, heapBytes: memory(), dictionaryBytes: memory() - before }),
);
