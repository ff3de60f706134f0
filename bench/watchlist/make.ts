/**
 * `npm run make-watchlist -- --names 1000000 [--cards 300000] [--seed 1] --out big.csv|big.json`: writes a
 * synthetic watchlist pack (bench/watchlist/generate.ts), streamed, in the format the file name says.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { packCsvLines, packJsonChunks, watchlistCards } from './generate';

function fail(message: string): never {
  console.error(`make-watchlist: ${message}`);
  console.error('usage: npm run make-watchlist -- --names 1000000 [--cards 300000] [--seed 1] --out big.csv|big.json');
  process.exit(2);
}

let args: ReturnType<typeof parseArgs<{ options: Record<string, { type: 'string' }> }>>['values'];
try {
  args = parseArgs({
    options: {
      names: { type: 'string' },
      cards: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
    },
  }).values;
} catch (e) {
  fail((e as Error).message);
}
const count = (value: string | undefined, what: string) => {
  if (value === undefined) return undefined;
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < 1) fail(`${what} must be a positive whole number, not "${value}"`);
  return n;
};
const names = count(args.names, '--names') ?? fail('--names is required');
const cards = count(args.cards, '--cards');
const seed = count(args.seed, '--seed') ?? 1;
const out = args.out ?? fail('--out is required');
const csv = /\.csv$/i.test(out);
if (!csv && !/\.json$/i.test(out)) fail('--out must end in .csv or .json');

const started = performance.now();
const file = createWriteStream(out, { encoding: 'utf8' });
const stream = (csv ? packCsvLines : packJsonChunks)(watchlistCards({ names, cards, seed }));
let buffer = '';
let bytes = 0;
for (const chunk of stream) {
  buffer += chunk;
  if (buffer.length < 1 << 20) continue;
  bytes += Buffer.byteLength(buffer);
  if (!file.write(buffer)) await once(file, 'drain');
  buffer = '';
}
bytes += Buffer.byteLength(buffer);
file.end(buffer);
await once(file, 'finish');
console.log(
  `${out}: ${names.toLocaleString('en')} names, ${(bytes / 1e6).toFixed(1)} MB, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
