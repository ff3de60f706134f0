/// <reference lib="webworker" />
/*
 * Reads a list (a CSV or JSON pack) off the options page's thread: the file as a stream, each row or card checked
 * with CardSchema, the cards sorted into buckets; then the buckets whose digest differs from the stored ones are handed over, about
 * 512 KB at a time, as the page asks for them.
 */

import type { Card } from '../../model/card';
import { ListBuckets, readCsvPackStream, type StreamProgress } from '../../model/pack-stream';
import { type PackHeader, readJsonPackStream } from '../../model/pack-stream-json';
import { err, ok, type Result } from '../../model/result';
import type { FromListWorker, ToListWorker } from './list-import';

const post = (message: FromListWorker) => postMessage(message);
const buckets = new ListBuckets();

/** A ReadableStream's chunks (for browsers whose streams are not async-iterable). */
async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

/** Reads the file by its format: a JSON pack says its own id and name, a CSV one leaves them to its file name. */
async function readList(
  file: File,
  onCards: (cards: Card[], progress: StreamProgress) => void,
): Promise<Result<PackHeader | undefined>> {
  const chunks = chunksOf(file.stream());
  if (/\.json$/i.test(file.name)) return readJsonPackStream(chunks, onCards);
  const problem = await readCsvPackStream(chunks, onCards);
  return problem ? err(problem) : ok(undefined);
}

async function read(file: File): Promise<void> {
  let told = 0;
  let last = { bytes: 0, cards: 0, names: 0 };
  const outcome = await readList(file, (cards, progress) => {
    buckets.add(cards);
    last = progress;
    const now = performance.now();
    if (now - told > 100) {
      told = now;
      post({ type: 'progress', ...progress });
    }
  });
  if (!outcome.ok) post({ type: 'error', message: outcome.error });
  else post({ type: 'read', ...last, ...(outcome.value ? { pack: outcome.value } : {}) });
}

/**
 * The changed buckets, in messages of about 512 KB (a message each would cost a round trip for every 75 cards).
 * The page hands each message on to the background in one task, which serialises it: at 1 MB that task took
 * 33 ms of the page's CPU (a trace of a 1,000,000-name import), over 50 ms once the machine is loaded.
 */
let batches: number[][] = [];

function compare(digests: Record<string, string>): void {
  const all = buckets.numbers().map((n) => ({ bucket: n, digest: buckets.digest(n) }));
  batches = [[]];
  let bytes = 0;
  for (const { bucket, digest } of all) {
    if (digests[bucket] === digest) continue;
    if (bytes > 1 << 19) {
      batches.push([]);
      bytes = 0;
    }
    batches.at(-1)!.push(bucket);
    bytes += buckets.size(bucket);
  }
  if (batches.at(-1)!.length === 0) batches.pop();
  post({ type: 'compared', messages: batches.length, buckets: all });
}

function next(): void {
  const batch = batches.shift() ?? [];
  post({ type: 'batch', buckets: batch.map((n) => ({ bucket: n, cards: buckets.bucket(n).cards })) });
}

addEventListener('message', (event: MessageEvent<ToListWorker>) => {
  const message = event.data;
  if (message.type === 'read') {
    read(message.file).catch((error: unknown) => post({ type: 'error', message: (error as Error).message }));
  } else if (message.type === 'compare') compare(message.digests);
  else next();
});
