import { createReadStream, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Card } from '../model/card';
import { MAX_LIST_PACK_BYTES, PACK_FORMAT_VERSION, type Pack } from '../model/pack';
import { parsePackFile } from '../model/pack-io';
import { readCsvPackStream, type StreamProgress } from '../model/pack-stream';
import { type PackHeader, readJsonPackStream } from '../model/pack-stream-json';

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
 * Reads a pack file as a stream, CSV or JSON by its name (the file is never one string; each row or card is
 * checked as it is read), calling `onCards` with each piece's cards; resolves to how far it read and, for a JSON
 * pack, the pack's own fields; throws with the first problem, naming where it is (a row, or a card's index and field).
 */
export async function streamPack(
  path: string,
  onCards: (cards: Card[], progress: StreamProgress) => void,
): Promise<{ progress: StreamProgress; header?: PackHeader }> {
  const json = /\.json$/i.test(path);
  if (!json && !/\.csv$/i.test(path)) throw new Error(`${path}: only .json and .csv files can be read as packs`);
  const size = statSync(path).size;
  if (size > MAX_LIST_PACK_BYTES) {
    throw new Error(`${path}: the file is larger than ${MAX_LIST_PACK_BYTES / 1024 / 1024} MB, the most a pack may be`);
  }
  let progress: StreamProgress = { bytes: 0, cards: 0, names: 0 };
  const each = (cards: Card[], now: StreamProgress) => {
    progress = now;
    onCards(cards, now);
  };
  const chunks = createReadStream(path, { highWaterMark: 1 << 20 });
  if (json) {
    const read = await readJsonPackStream(chunks, each);
    if (!read.ok) throw new Error(`${path}: ${read.error}`);
    return { progress, header: read.value };
  }
  const problem = await readCsvPackStream(chunks, each);
  if (problem) throw new Error(`${path}: ${problem}`);
  return { progress };
}

/** Reads a pack file (CSV or JSON, up to MAX_LIST_PACK_BYTES) as a stream. */
export async function loadPack(path: string | URL): Promise<Pack> {
  const name = typeof path === 'string' ? path : fileURLToPath(path);
  const cards: Card[] = [];
  const { header } = await streamPack(name, (piece) => {
    for (const card of piece) cards.push(card);
  });
  if (header) return { ...header, cards };
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
