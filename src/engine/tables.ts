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
export function buildEdgeTable(triples: Int32Array, slots?: number): Int32Array {
  let size = 16;
  while (size < (triples.length / 3) * 2) size *= 2;
  if (slots !== undefined) size = slots;
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
  const out = new IntList();
  for (let s = 0; s < table.length; s += 3) if (table[s] !== 0) out.push(table[s]! - 1, table[s + 1]!, table[s + 2]!);
  return out.array();
}

/**
 * An edge table that grows as edges are added (compile): the same layout as buildEdgeTable's, so that a
 * million names build their trie without a Map per node.
 */
export class EdgeBuilder {
  table = new Int32Array(16 * 3);
  count = 0;

  /** The child of a node along a word, made (numbered `fresh()`) when it is missing. */
  childOrAdd(node: number, word: number, fresh: () => number): number {
    const found = edgeChild(this.table, node, word);
    if (found >= 0) return found;
    if ((this.count + 1) * 2 > this.table.length / 3) this.grow();
    const child = fresh();
    const mask = this.table.length / 3 - 1;
    let slot = slotOf(node, word, mask);
    while (this.table[slot * 3] !== 0) slot = (slot + 1) & mask;
    this.table[slot * 3] = node + 1;
    this.table[slot * 3 + 1] = word;
    this.table[slot * 3 + 2] = child;
    this.count++;
    return child;
  }

  /** The table at its final size: a power of two at most 70% full (lookups stay short, the bytes few). */
  compact(): Int32Array {
    let size = 16;
    while (size * 0.7 < this.count) size *= 2;
    if (size * 3 === this.table.length) return this.table;
    return buildEdgeTable(edgeTriples(this.table), size);
  }

  private grow(): void {
    const old = this.table;
    const size = (old.length / 3) * 2;
    this.table = new Int32Array(size * 3);
    const mask = size - 1;
    for (let s = 0; s < old.length; s += 3) {
      if (old[s] === 0) continue;
      let slot = slotOf(old[s]! - 1, old[s + 1]!, mask);
      while (this.table[slot * 3] !== 0) slot = (slot + 1) & mask;
      this.table.set(old.subarray(s, s + 3), slot * 3);
    }
  }
}

/** A growing list of ints in a typed array. */
export class IntList {
  data = new Int32Array(1024);
  length = 0;

  push(...values: number[]): void {
    if (this.length + values.length > this.data.length) {
      const bigger = new Int32Array(Math.max(this.data.length * 2, this.length + values.length));
      bigger.set(this.data);
      this.data = bigger;
    }
    for (const v of values) this.data[this.length++] = v;
  }

  array(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** (key, value) pairs collected in typed arrays, turned into Lists by key (values in the order pushed). */
export class PairList {
  private readonly pairs = new IntList();

  push(key: number, value: number): void {
    this.pairs.push(key, value);
  }

  *keys(): Generator<number> {
    for (let i = 0; i < this.pairs.length; i += 2) yield this.pairs.data[i]!;
  }

  lists(size: number): Lists {
    const { data, length } = this.pairs;
    const offsets = new Int32Array(size + 1);
    for (let i = 0; i < length; i += 2) offsets[data[i]! + 1]!++;
    for (let k = 0; k < size; k++) offsets[k + 1]! += offsets[k]!;
    const items = new Int32Array(length / 2);
    const next = offsets.slice(0, size);
    for (let i = 0; i < length; i += 2) items[next[data[i]!]!++] = data[i + 1]!;
    return { offsets, items };
  }
}
