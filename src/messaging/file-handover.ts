/*
 * A file handed between Dossier's own pages and its background (a PDF a clip keeps): runtime messages carry
 * JSON, far too slow and too small for a 50 MB file, so the file goes through the extension's CacheStorage,
 * which all of the extension's pages and its worker share (web pages never see it), under a one-time key that
 * the message carries. The receiver takes the file and deletes it.
 */

const CACHE = 'dossier-handover';
const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// CacheStorage keys are http(s) requests: a name under a reserved domain that no network request ever uses.
const address = (key: string) => `https://handover.invalid/${key}`;

/** Leaves a file to be taken once; returns its key. */
export async function handOver(file: Blob | Uint8Array): Promise<string> {
  const key = crypto.randomUUID();
  const cache = await caches.open(CACHE);
  const body = file instanceof Blob ? file : new Blob([file as Uint8Array<ArrayBuffer>], { type: 'application/pdf' });
  await cache.put(address(key), new Response(body, { headers: { 'content-type': 'application/pdf' } }));
  return key;
}

/** Takes the file left under a key (and deletes it there); null when there is none. */
export async function takeOver(key: string): Promise<Blob | null> {
  if (!KEY.test(key)) return null;
  const cache = await caches.open(CACHE);
  const response = await cache.match(address(key));
  if (!response) return null;
  try {
    return await response.blob();
  } finally {
    await cache.delete(address(key));
  }
}

/** Deletes a file left and never taken (its receiver failed). */
export async function withdraw(key: string): Promise<void> {
  if (KEY.test(key)) await (await caches.open(CACHE)).delete(address(key));
}
