// Child of bench/engine.ts: a fresh process that loads a serialised dictionary, as a woken service worker does.
import { readFileSync } from 'node:fs';
import { loadDictionary, scan } from '../src/engine';

const serialised = readFileSync(process.argv[2]!, 'utf8');
const a = performance.now();
const dict = loadDictionary(serialised);
const b = performance.now();
scan(dict, 'President Barack Obama met Nvidia and Alibaba Cloud executives in the U.S. about export controls.');
const c = performance.now();
console.log(JSON.stringify({ loadMs: b - a, firstScanMs: c - b }));
