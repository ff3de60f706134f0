import { createReadStream, readFileSync, statSync } from 'node:fs';
import type { Card } from '../model/card';
import { MAX_CSV_PACK_BYTES, PACK_FORMAT_VERSION, type Pack } from '../model/pack';
import { parsePackFile } from '../model/pack-io';
import { readCsvPackStream, type StreamProgress } from '../model/pack-stream';

/** The built-in pack, used when no --pack is given. */
export const DEFAULT_PACK = new URL('../packs/default-pack.json', import.meta.url);

/** Reads and validates a pack file (CSV or JSON) whole; throws with the file's error. */
export function readPack(path: string | URL): Pack {
  const name = typeof path === 'string' ? path : path.pathname;
  const result = parsePackFile(name, readFileSync(path, 'utf8'));
  if (!result.ok) throw new Error(`${name}: ${result.error}`);
  return result.value;
}

/**
 * Reads a CSV pack as a stream (the file is never one string; each row is checked as it is read), calling
 * `onCards` with each piece's cards; throws with the first bad row, naming it and its field.
 */
export async function streamCsvPack(
  path: string,
  onCards: (cards: Card[], progress: StreamProgress) => void,
): Promise<StreamProgress> {
  const size = statSync(path).size;
  if (size > MAX_CSV_PACK_BYTES) {
    throw new Error(`${path}: the file is larger than ${MAX_CSV_PACK_BYTES / 1024 / 1024} MB, the most a pack may be`);
  }
  let last: StreamProgress = { bytes: 0, cards: 0, names: 0 };
  const problem = await readCsvPackStream(createReadStream(path, { highWaterMark: 1 << 20 }), (cards, progress) => {
    last = progress;
    onCards(cards, progress);
  });
  if (problem) throw new Error(`${path}: ${problem}`);
  return last;
}

/** Reads a pack file: a CSV pack as a stream (up to MAX_CSV_PACK_BYTES), a JSON pack whole. */
export async function loadPack(path: string | URL): Promise<Pack> {
  const name = typeof path === 'string' ? path : path.pathname;
  if (!/\.csv$/i.test(name)) return readPack(path);
  const cards: Card[] = [];
  await streamCsvPack(name, (piece) => {
    for (const card of piece) cards.push(card);
  });
  const base = name.replace(/^.*[\\/]/, '').replace(/\.csv$/i, '');
  // Every card was checked with CardSchema as it was read; the pack around them is the CSV's defaults.
  return {
    format: 'dossier-pack',
    formatVersion: PACK_FORMAT_VERSION,
    id: 'imported',
    name: base,
    version: '1.0.0',
    description: '',
    cards,
  };
}
