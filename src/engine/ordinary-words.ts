import { ENGLISH_WORDS } from './english-words';
import { deletionKeys, FUZZY_MIN_LENGTH, isNearMiss } from './fuzzy';
import { buildDeleteIndex, lookupDeletes } from './fuzzy-index';

/*
 * Ordinary English words (SCOWL, no proper names), decoded on first use: a compile asks about them, a scan
 * never does.
 */
let words: string[] | undefined;
let known: Set<string> | undefined;
let deletes: Float64Array | undefined;

function decoded(): string[] {
  if (words) return words;
  words = [];
  let prev = '';
  let at = 0;
  while (at < ENGLISH_WORDS.length) {
    const shared = ENGLISH_WORDS.charCodeAt(at) - 48;
    let end = at + 1;
    while (end < ENGLISH_WORDS.length && ENGLISH_WORDS.charCodeAt(end) > 57) end++;
    prev = prev.slice(0, shared) + ENGLISH_WORDS.slice(at + 1, end);
    words.push(prev);
    at = end;
  }
  return words;
}

/** Whether a folded word is an ordinary English word in its own right (us, coming, scale). */
export function isOrdinaryWord(word: string): boolean {
  known ??= new Set(decoded());
  return known.has(word);
}

/** The ordinary English words that are near-miss spellings of any of these folded names (scale of scaled). */
export function ordinaryNearMisses(names: readonly string[]): string[] {
  const long = names.filter((n) => n.length >= FUZZY_MIN_LENGTH);
  // A few names: try every one-edit spelling of each (about 54 a letter). Many: look the names up in a delete
  // index of the word list, built once (about 450,000 keys), which costs more to build than a few names to spell.
  const edits = long.reduce((sum, n) => sum + 54 * n.length + 26, 0);
  return edits < decoded().length * 8 ? nearMissesByEdits(long) : nearMissesByIndex(long);
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

// A card edit compiles the same names again: remember each name's near misses (up to a bound).
const byName = new Map<string, readonly string[]>();
const MAX_REMEMBERED = 20_000;

/** Near misses found by spelling each name every way one edit away and keeping the ordinary words. */
export function nearMissesByEdits(names: readonly string[]): string[] {
  const out = new Set<string>();
  for (const name of names) {
    let found = byName.get(name);
    if (!found) {
      found = editsOf(name).filter((word) => word !== name && isOrdinaryWord(word) && isNearMiss(word, name));
      if (byName.size >= MAX_REMEMBERED) byName.clear();
      byName.set(name, found);
    }
    for (const word of found) out.add(word);
  }
  return [...out];
}

/** Every spelling one insertion, deletion, substitution or transposition of neighbours away (the first letter kept). */
function editsOf(name: string): string[] {
  const out: string[] = [];
  // A near miss keeps the name's first letter, so edits start after it.
  for (let i = 1; i <= name.length; i++) {
    const head = name.slice(0, i);
    const tail = name.slice(i);
    for (const c of ALPHABET) out.push(head + c + tail);
    if (i === name.length) continue;
    out.push(head + tail.slice(1));
    for (const c of ALPHABET) out.push(head + c + tail.slice(1));
    if (i + 1 < name.length) out.push(head + tail[1] + tail[0] + tail.slice(2));
  }
  return out;
}

/** Near misses found through a symmetric-delete index of the word list. */
export function nearMissesByIndex(names: readonly string[]): string[] {
  const list = decoded();
  deletes ??= buildDeleteIndex(list.flatMap((w, i) => (w.length >= FUZZY_MIN_LENGTH - 1 ? [[i, w] as const] : [])));
  const out = new Set<string>();
  const ids: number[] = [];
  for (const name of names) {
    ids.length = 0;
    for (const key of deletionKeys(name)) lookupDeletes(deletes, key, ids);
    for (const id of ids) {
      const word = list[id]!;
      if (word !== name && isNearMiss(word, name)) out.add(word);
    }
  }
  return [...out];
}
