import { INTERRUPTED, sendToBackground } from '../../messaging/client';
import { slugify } from '../../model/card';
import type { ListReport } from '../../model/pack';
import type { PackHeader } from '../../model/pack-stream-json';

/** What the options page tells the list worker. */
export type ToListWorker =
  | { type: 'read'; file: File }
  | { type: 'compare'; digests: Record<string, string> }
  | { type: 'next' };

/** What the list worker tells the options page. */
export type FromListWorker =
  | { type: 'progress'; bytes: number; cards: number; names: number }
  | { type: 'read'; bytes: number; cards: number; names: number; pack?: PackHeader }
  | { type: 'error'; message: string }
  | { type: 'compared'; messages: number; buckets: Array<{ bucket: number; digest: string }> }
  | { type: 'batch'; buckets: Array<{ bucket: number; cards: string }> };

/** Where a list import is. */
export type ListProgress =
  | { phase: 'reading'; bytes: number; size: number; cards: number; names: number }
  | { phase: 'writing'; sent: number; toSend: number; cards: number; names: number }
  | { phase: 'switching'; cards: number; names: number };

/** A list import under way: its outcome, and a Cancel that works until the switch-over. */
export interface ListImport {
  done: Promise<ListReport>;
  cancel: () => void;
}

/** Thrown when the user cancelled: nothing was changed. */
export class Cancelled extends Error {}

/**
 * Imports a list (a CSV or JSON pack): a worker reads the file as a stream and checks every row or card; the
 * background stages the buckets that changed and switches the pack to them at the end. A problem or a cancel
 * before the switch leaves the store as it was. A CSV list is named by its file, a JSON one by its own fields.
 */
export function importList(file: File, onProgress: (progress: ListProgress) => void): ListImport {
  const worker = new Worker(new URL('./list-worker.ts', import.meta.url), { type: 'module' });
  let importId: string | null = null;
  let cancelled = false;
  let switching = false;
  let stop: (error: Error) => void = () => {};
  const stopped = new Promise<never>((_, reject) => {
    stop = reject;
  });
  stopped.catch(() => {});
  const base = file.name.replace(/\.(csv|json)$/i, '');

  const ask = <T>(
    message: ToListWorker,
    until: (m: FromListWorker) => T | undefined,
    each?: (m: FromListWorker) => void,
  ) =>
    new Promise<T>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<FromListWorker>) => {
        const m = event.data;
        if (m.type === 'error') return reject(new Error(m.message));
        each?.(m);
        const value = until(m);
        if (value !== undefined) resolve(value);
      };
      worker.onerror = (event) => reject(new Error(event.message || 'the file could not be read'));
      worker.postMessage(message);
    });

  const call = async <T>(answer: Promise<{ ok: true; value: T } | { ok: false; error: string }>): Promise<T> => {
    const result = await Promise.race([answer, stopped]);
    if (result.ok) return result.value;
    throw new Error(result.error === INTERRUPTED ? `${INTERRUPTED} Nothing was changed.` : result.error);
  };

  const run = async (): Promise<ListReport> => {
    const size = file.size;
    const read = await Promise.race([
      ask(
        { type: 'read', file },
        (m) => (m.type === 'read' ? m : undefined),
        (m) => {
          if (m.type === 'progress') onProgress({ phase: 'reading', size, ...m });
        },
      ),
      stopped,
    ]);
    onProgress({ phase: 'reading', size, cards: read.cards, names: read.names, bytes: read.bytes });
    const { pack } = read;
    const begun = await call(
      sendToBackground(
        'list.begin',
        pack
          ? {
              packId: pack.id,
              name: pack.name,
              version: pack.version,
              description: pack.description,
              source: file.name,
            }
          : {
              packId: slugify(base).slice(0, 64).replace(/-+$/, '') || 'imported',
              name: base || 'Imported pack',
              source: file.name,
            },
      ),
    );
    importId = begun.importId;
    // The worker keeps the buckets and hands over those that changed, about 512 KB at a time, as each is staged:
    // the page never holds the whole list (its garbage collection would stall it).
    const compared = await Promise.race([
      ask({ type: 'compare', digests: begun.digests }, (m) => (m.type === 'compared' ? m : undefined)),
      stopped,
    ]);
    const counts = { cards: read.cards, names: read.names };
    for (let i = 0; i < compared.messages; i++) {
      onProgress({ phase: 'writing', sent: i, toSend: compared.messages, ...counts });
      const batch = await Promise.race([
        ask({ type: 'next' }, (m) => (m.type === 'batch' ? m.buckets : undefined)),
        stopped,
      ]);
      await call(sendToBackground('list.stage', { importId: begun.importId, buckets: batch }));
    }
    worker.terminate();
    if (cancelled) throw new Cancelled('cancelled');
    switching = true;
    onProgress({ phase: 'switching', ...counts });
    return call(sendToBackground('list.commit', { importId: begun.importId, buckets: compared.buckets }));
  };

  const done = run().catch(async (error: unknown) => {
    worker.terminate();
    if (importId && !switching) await sendToBackground('list.cancel', { importId });
    throw cancelled ? new Cancelled('cancelled') : error;
  });
  return {
    done,
    cancel: () => {
      if (switching) return;
      cancelled = true;
      stop(new Cancelled('cancelled'));
    },
  };
}
