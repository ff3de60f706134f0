/*
 * The trie's edges and per-node lists as typed arrays: looked up without boxing a key, and loaded from their
 * serialised bytes without rebuilding a Map entry by entry.
 */

/** Lists of ints per key 0..size-1, stored compressed-row style: items[offsets[k] .. offsets[k + 1]). */
export interface Lists {
  offsets: Int32Array;
  items: Int32Array;
}

/** Packs a map of key → list into Lists over keys 0..size-1. */
export function buildLists(map: ReadonlyMap<number, readonly number[]>, size: number): Lists {
  const offsets = new Int32Array(size + 1);
  for (const [key, list] of map) offsets[key + 1] = list.length;
  for (let k = 0; k < size; k++) offsets[k + 1]! += offsets[k]!;
  const items = new Int32Array(offsets[size]!);
  for (const [key, list] of map) items.set(list, offsets[key]!);
  return { offsets, items };
}

const slotOf = (node: number, word: number, mask: number) =>
  (Math.imul(node, 0x9e3779b1) ^ Math.imul(word, 0x85ebca6b)) & mask;

/**
 * An open-addressing table of trie edges: three ints a slot, (node + 1, word, child); node + 1 of 0 marks an
 * empty slot. Built from (node, word, child) triples.
 */
export function buildEdgeTable(triples: Int32Array): Int32Array {
  let size = 16;
  while (size < (triples.length / 3) * 2) size *= 2;
  const table = new Int32Array(size * 3);
  const mask = size - 1;
  for (let t = 0; t < triples.length; t += 3) {
    let slot = slotOf(triples[t]!, triples[t + 1]!, mask);
    while (table[slot * 3] !== 0) slot = (slot + 1) & mask;
    table[slot * 3] = triples[t]! + 1;
    table[slot * 3 + 1] = triples[t + 1]!;
    table[slot * 3 + 2] = triples[t + 2]!;
  }
  return table;
}

/** The child of a node along a word, or -1. */
export function edgeChild(table: Int32Array, node: number, word: number): number {
  const mask = table.length / 3 - 1;
  for (let slot = slotOf(node, word, mask); ; slot = (slot + 1) & mask) {
    const stored = table[slot * 3]!;
    if (stored === 0) return -1;
    if (stored === node + 1 && table[slot * 3 + 1] === word) return table[slot * 3 + 2]!;
  }
}

/** The (node, word, child) triples of an edge table. */
export function edgeTriples(table: Int32Array): Int32Array {
  const out: number[] = [];
  for (let s = 0; s < table.length; s += 3) if (table[s] !== 0) out.push(table[s]! - 1, table[s + 1]!, table[s + 2]!);
  return Int32Array.from(out);
}
