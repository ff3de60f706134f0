import { readFileSync } from 'node:fs';
import type { Pack } from '../model/pack';
import { parsePackFile } from '../model/pack-io';

/** The built-in pack, used when no --pack is given. */
export const DEFAULT_PACK = new URL('../packs/default-pack.json', import.meta.url);

/** Reads and validates a pack file (CSV or JSON); throws with the file's error. */
export function readPack(path: string | URL): Pack {
  const name = typeof path === 'string' ? path : path.pathname;
  const result = parsePackFile(name, readFileSync(path, 'utf8'));
  if (!result.ok) throw new Error(`${name}: ${result.error}`);
  return result.value;
}
