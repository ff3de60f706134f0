/// <reference lib="webworker" />
/*
 * Reads a list (a CSV pack) off the options page's thread: the file as a stream, each row checked with CardSchema,
 * the cards sorted into buckets; then the buckets whose digest differs from the stored ones are sent back.
 */
import { ListBuckets, readCsvPackStream } from '../../model/pack-stream';
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

async function read(file: File): Promise<void> {
  let told = 0;
  let last = { bytes: 0, cards: 0, names: 0 };
  const problem = await readCsvPackStream(chunksOf(file.stream()), (cards, progress) => {
    buckets.add(cards);
    last = progress;
    const now = performance.now();
    if (now - told > 100) {
      told = now;
      post({ type: 'progress', ...progress });
    }
  });
  if (problem) post({ type: 'error', message: problem });
  else post({ type: 'read', ...last });
}

function send(digests: Record<string, string>): void {
  const all = buckets.numbers().map((n) => buckets.bucket(n));
  for (const b of all) {
    if (digests[b.bucket] !== b.digest) post({ type: 'bucket', bucket: b.bucket, cards: b.cards });
  }
  post({ type: 'done', buckets: all.map((b) => ({ bucket: b.bucket, digest: b.digest })) });
}

addEventListener('message', (event: MessageEvent<ToListWorker>) => {
  const message = event.data;
  if (message.type === 'read') {
    read(message.file).catch((error: unknown) => post({ type: 'error', message: (error as Error).message }));
  } else send(message.digests);
});
