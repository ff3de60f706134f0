/*
 * The vocabulary as an open-addressing hash table in a typed array: a text's words are looked up by a hash the
 * tokeniser computes as it reads them, so no string is made for a word the dictionary does not know.
 */

/** FNV-1a over UTF-16 code units, as a signed 32-bit integer. */
export function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

/**
 * A table of word ids, two ints a slot: the id + 1 (0 is empty) and the word's hash, which a lookup compares
 * before it reads the word (a big vocabulary's strings are far apart in memory). Sized to a power of two at most
 * half full.
 */
export function buildWordTable(words: readonly string[]): Int32Array {
  let size = 16;
  while (size < words.length * 2) size *= 2;
  const table = new Int32Array(size * 2);
  const mask = size - 1;
  for (let id = 0; id < words.length; id++) {
    const hash = fnv(words[id]!);
    let slot = hash & mask;
    while (table[slot * 2] !== 0) slot = (slot + 1) & mask;
    table[slot * 2] = id + 1;
    table[slot * 2 + 1] = hash;
  }
  return table;
}

/** What a lookup needs: the table over `words` then `alternates`, and the word each alternate stands for. */
export interface WordLookup {
  table: Int32Array;
  words: readonly string[];
  alternates: readonly string[];
  alternateOf: Int32Array;
}

const spellingAt = (dict: WordLookup, index: number) =>
  index < dict.words.length ? dict.words[index]! : dict.alternates[index - dict.words.length]!;
const idOf = (dict: WordLookup, index: number) =>
  index < dict.words.length ? index : dict.alternateOf[index - dict.words.length]!;

/** The id of a folded word (an alternate spelling gives the id of the word it stands for), or -1. */
export function lookupWord(dict: WordLookup, word: string): number {
  const index = lookupSpelling(dict, word);
  return index < 0 ? -1 : idOf(dict, index);
}

/** Whether a folded word is known only as another spelling of a name's word. */
export function isAlternateSpelling(dict: WordLookup, word: string): boolean {
  return lookupSpelling(dict, word) >= dict.words.length;
}

function lookupSpelling(dict: WordLookup, word: string): number {
  const { table } = dict;
  const mask = table.length / 2 - 1;
  const hash = fnv(word);
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const entry = table[slot * 2]!;
    if (entry === 0) return -1;
    if (table[slot * 2 + 1] === hash && spellingAt(dict, entry - 1) === word) return entry - 1;
  }
}

/**
 * The id of the ASCII word text[from, to) folded to lower case, given its hash, or -1: compares characters in
 * place instead of slicing the word out.
 */
export function lookupAscii(dict: WordLookup, hash: number, text: string, from: number, to: number): number {
  const { table } = dict;
  const mask = table.length / 2 - 1;
  const length = to - from;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const entry = table[slot * 2]!;
    if (entry === 0) return -1;
    if (table[slot * 2 + 1] !== hash) continue;
    const word = spellingAt(dict, entry - 1);
    if (word.length !== length) continue;
    let k = 0;
    while (k < length) {
      const c = text.charCodeAt(from + k);
      if ((c >= 65 && c <= 90 ? c + 32 : c) !== word.charCodeAt(k)) break;
      k++;
    }
    if (k === length) return idOf(dict, entry - 1);
  }
}
