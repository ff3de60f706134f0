import type { Dictionary } from './dictionary';
import { type Strings, stringAt } from './strings';
import { foldedWords } from './tokenise';

/*
 * Which card a watch-signal term names, found in a compiled dictionary's columns (every card's id, name and
 * aliases as written, in the order the cards were compiled) rather than in a million card objects read again.
 * Most texts are ASCII: their folded words are their letters and digits in lower case, so a hash of those bytes
 * passes over every text that cannot name a term before anything is decoded.
 */

/** The folded key of a term or name, as signal rules compare them: its folded words, space-separated. */
export function nameKey(text: string): string {
  return foldedWords(text).join(' ');
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a of an ASCII text's letters and digits in lower case (what its folded words hold, spaces aside). */
function asciiSignature(text: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) continue;
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  return h | 0;
}

/**
 * The first card (in the dictionary's order) that each of `keys` names by its id, name or alias, letter case and
 * diacritics aside (see `nameKey`); a key no card names is left out, and so is the card of id `except`.
 */
export function cardsNamed(dict: Dictionary, keys: ReadonlySet<string>, except?: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, entry] of firstNaming(dict, keys, except)) found.set(key, stringAt(dict.entryIds, entry));
  return found;
}

/**
 * The first card of the dictionary's cards `from` to `to` (their index) that each key names, the card of id `except`
 * left out: `cardsNamed` in parts, for a caller that pauses between them.
 */
export function firstNaming(
  dict: Dictionary,
  keys: ReadonlySet<string>,
  except?: string,
  from = 0,
  to = dict.entryCount,
): Map<string, number> {
  const filter = filterOf(keys);
  const last = Math.min(to, dict.entryCount);
  const textEnd = last < dict.entryCount ? dict.entryTextStart[last]! : dict.entryTexts.offsets.length - 1;
  const textStart = from < last ? dict.entryTextStart[from]! : textEnd;
  // Key → the first card naming it.
  const first = new Map<string, number>();
  const consider = (text: string, entry: number) => {
    const key = nameKey(text);
    if (!keys.has(key) || (first.get(key) ?? Infinity) < entry) return;
    if (except === undefined || stringAt(dict.entryIds, entry) !== except) first.set(key, entry);
  };
  for (const entry of mayName(dict.entryIds, filter, from, last)) consider(stringAt(dict.entryIds, entry), entry);
  for (const text of mayName(dict.entryTexts, filter, textStart, textEnd)) {
    consider(stringAt(dict.entryTexts, text), entryOfText(dict, text));
  }
  return first;
}

/**
 * Every card whose name or alias has one of `keys` as its `nameKey` (ids once each, in the dictionary's order): the
 * candidates a caller then compares exactly, found without a card object read.
 */
export function cardsWithNames(dict: Dictionary, keys: ReadonlySet<string>): string[] {
  if (keys.size === 0) return [];
  const entries = new Set<number>();
  for (const text of mayName(dict.entryTexts, filterOf(keys), 0, dict.entryTexts.offsets.length - 1)) {
    if (keys.has(nameKey(stringAt(dict.entryTexts, text)))) entries.add(entryOfText(dict, text));
  }
  return [...entries].sort((a, b) => a - b).map((entry) => stringAt(dict.entryIds, entry));
}

/** What passes over a text that cannot name a key without decoding it. */
interface Filter {
  /** ASCII signatures of the ASCII keys. */
  signatures: Set<number>;
  /** The first letters or digits of the keys (ASCII ones), and their first two (first × 128 + second). */
  firsts: Uint8Array;
  pairs: Uint8Array;
  /** Whether a key is not ASCII. */
  other: boolean;
}

function filterOf(keys: ReadonlySet<string>): Filter {
  const signatures = new Set<number>();
  const firsts = new Uint8Array(128);
  const pairs = new Uint8Array(128 * 128);
  let other = false;
  for (const key of keys) {
    if (/[^\x20-\x7e]/.test(key)) other = true;
    else signatures.add(asciiSignature(key));
    const c = key.charCodeAt(0);
    if (c < 128) firsts[c] = 1;
    // The key's second letter or digit (after a space or not): a non-ASCII one lets every pair of its first through.
    const second = key.slice(1).replace(/ /g, '').charCodeAt(0);
    if (c < 128 && second >= 128) pairs.fill(1, c * 128, c * 128 + 128);
    else if (c < 128 && second < 128) pairs[c * 128 + second] = 1;
  }
  return { signatures, firsts, pairs, other };
}

/** The strings `from` to `to` that may name a key (the rest cannot), read from their bytes without decoding them. */
function mayName(strings: Strings, { signatures, firsts, pairs, other }: Filter, from: number, to: number): number[] {
  const { bytes, offsets } = strings;
  const out: number[] = [];
  next: for (let i = from; i < to; i++) {
    const end = offsets[i + 1]!;
    let h = FNV_OFFSET;
    // The text's first letter or digit while it is the only one read, -1 before, 0 after.
    let lead = -1;
    for (let k = offsets[i]!; k < end; k++) {
      let c = bytes[k]!;
      if (c >= 0x80) {
        // Every key is ASCII: a text with a Cyrillic, Arabic, Hebrew, Han or Hangul letter names none of them.
        if (!other && nonLatinLetterAt(bytes, k, end)) continue next;
        out.push(i);
        continue next;
      }
      if (c >= 65 && c <= 90) c += 32;
      else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) continue;
      // Folding keeps the ASCII letters (lower case) and digits that start a text's first words.
      if (lead === -1) {
        if (firsts[c] === 0) continue next;
        lead = c;
      } else if (lead > 0) {
        if (pairs[lead * 128 + c] === 0) continue next;
        lead = 0;
      }
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    if (signatures.has(h | 0)) out.push(i);
  }
  return out;
}

/** The card whose name or alias text `text` is (a binary search of the cards' first texts). */
function entryOfText(dict: Dictionary, text: number): number {
  let lo = 0;
  let hi = dict.entryCount - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (dict.entryTextStart[mid]! <= text) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Whether the UTF-8 text bytes[from..end) holds a letter of Cyrillic (U+0400–U+0481, U+048A–U+04FF), Hebrew
 * (U+05D0–U+05EA), Arabic (U+0621–U+064A), Han (U+4E00–U+9FFF) or Hangul (U+AC00–U+D7A3), read from its bytes:
 * ranges holding letters only, so that no punctuation or mark of these blocks (which folding may drop) counts.
 */
function nonLatinLetterAt(bytes: Uint8Array, from: number, end: number): boolean {
  for (let k = from; k + 1 < end; k++) {
    const a = bytes[k]!;
    if (a < 0xc0) continue;
    const b = bytes[k + 1]!;
    if (a === 0xd0 || a === 0xd1 || a === 0xd3) return true;
    if (a === 0xd2 && (b <= 0x81 || b >= 0x8a)) return true;
    if (a === 0xd7 && b >= 0x90 && b <= 0xaa) return true;
    if ((a === 0xd8 && b >= 0xa1 && b <= 0xba) || (a === 0xd9 && b >= 0x81 && b <= 0x8a)) return true;
    if ((a === 0xe4 && b >= 0xb8) || (a >= 0xe5 && a <= 0xe9)) return true;
    if ((a === 0xea && b >= 0xb0) || a === 0xeb || a === 0xec || (a === 0xed && b <= 0x9d)) return true;
  }
  return false;
}

/**
 * The first card (in the dictionary's order) whose name is each of `names` (given in lower case), letter case
 * aside; only card names, not aliases. A name no card has is left out. Every name is decoded: about 60 ms for
 * 300,000 cards, where reading them from their lists takes seconds.
 */
export function cardsByName(dict: Dictionary, names: ReadonlySet<string>): Map<string, string> {
  const found = new Map<string, string>();
  for (let entry = 0; entry < dict.entryCount && found.size < names.size; entry++) {
    const name = stringAt(dict.entryTexts, dict.entryTextStart[entry]!).toLowerCase();
    if (names.has(name) && !found.has(name)) found.set(name, stringAt(dict.entryIds, entry));
  }
  return found;
}
