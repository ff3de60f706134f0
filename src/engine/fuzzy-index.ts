import { deletionKeys } from './fuzzy';

// Word ids are packed under the hash in one float64: hash × 2^21 + id (both exact below 2^53).
const ID_SPACE = 2 ** 21;

/** FNV-1a hash of a string's UTF-16 code units. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A symmetric-delete index: every one-deletion key of every name, hashed and sorted for binary search. */
export function buildDeleteIndex(words: ReadonlyArray<readonly [id: number, word: string]>): Float64Array {
  const packed: number[] = [];
  for (const [id, word] of words) {
    if (id >= ID_SPACE) continue;
    for (const key of deletionKeys(word)) packed.push(hash32(key) * ID_SPACE + id);
  }
  const out = Float64Array.from(packed).sort();
  // Drop repeats (a word can yield the same key twice).
  let w = 0;
  for (let r = 0; r < out.length; r++) if (r === 0 || out[r] !== out[r - 1]) out[w++] = out[r]!;
  return out.slice(0, w);
}

/** Word ids whose deletion keys include this key (hash collisions possible: verify the distance after). */
export function lookupDeletes(index: Float64Array, key: string, found: number[]): void {
  const base = hash32(key) * ID_SPACE;
  let lo = 0;
  let hi = index.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index[mid]! < base) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < index.length && index[i]! < base + ID_SPACE; i++) found.push(index[i]! - base);
}
