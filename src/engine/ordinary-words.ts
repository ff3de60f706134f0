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
  const parts = ENGLISH_WORDS.split(/(?=\d)/);
  for (const part of parts) {
    prev = prev.slice(0, part.charCodeAt(0) - 48) + part.slice(1);
    words.push(prev);
  }
  return words;
}

/** Whether a folded word is an ordinary English word in its own right (us, coming, scale). */
export function isOrdinaryWord(word: string): boolean {
  known ??= new Set(decoded());
  return known.has(word);
}

/** The ordinary English words that are near-miss spellings of any of these folded names (scale of scaled). */
export function ordinaryNearMisses(names: Iterable<string>): string[] {
  const list = decoded();
  deletes ??= buildDeleteIndex(list.flatMap((w, i) => (w.length >= FUZZY_MIN_LENGTH - 1 ? [[i, w] as const] : [])));
  const out = new Set<string>();
  const ids: number[] = [];
  for (const name of names) {
    if (name.length < FUZZY_MIN_LENGTH) continue;
    ids.length = 0;
    for (const key of deletionKeys(name)) lookupDeletes(deletes, key, ids);
    for (const id of ids) {
      const word = list[id]!;
      if (word !== name && isNearMiss(word, name)) out.add(word);
    }
  }
  return [...out];
}
