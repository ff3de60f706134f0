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
  // A text of ASCII bytes folds to ASCII words: it may name an ASCII key only, and only one of the same signature.
  const signatures = new Set<number>();
  for (const key of keys) if (!/[^\x20-\x7e]/.test(key)) signatures.add(asciiSignature(key));
  const hasOther = [...keys].some((key) => /[^\x20-\x7e]/.test(key));
  const textCount = dict.entryTexts.offsets.length - 1;
  // The first letter or digit of each key: a text whose first word starts with another ASCII one names none.
  const firsts = new Uint8Array(128);
  for (const key of keys) {
    const c = key.charCodeAt(0);
    if (c < 128) firsts[c] = 1;
  }
  const named = (strings: Strings, i: number): string | undefined => {
    const { bytes, offsets } = strings;
    let h = FNV_OFFSET;
    let ascii = true;
    let started = false;
    for (let k = offsets[i]!, end = offsets[i + 1]!; k < end; k++) {
      let c = bytes[k]!;
      if (c >= 0x80) {
        // Every key is ASCII: a text with a Cyrillic, Arabic, Hebrew, Han or Hangul letter names none of them.
        if (!hasOther && nonLatinLetterAt(bytes, k, end)) return undefined;
        ascii = false;
        break;
      }
      if (c >= 65 && c <= 90) c += 32;
      else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) continue;
      // Folding keeps an ASCII letter (lower case) or digit that starts a text's first word.
      if (!started && firsts[c] === 0) return undefined;
      started = true;
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    if (ascii && !signatures.has(h | 0)) return undefined;
    const text = stringAt(strings, i);
    if (!ascii && !hasOther && NON_LATIN_LETTER.test(text)) return undefined;
    const key = nameKey(text);
    return keys.has(key) ? key : undefined;
  };
  for (let entry = 0; entry < dict.entryCount && found.size < keys.size; entry++) {
    const last = entry + 1 < dict.entryCount ? dict.entryTextStart[entry + 1]! : textCount;
    const take = (key: string | undefined) => {
      if (key === undefined || found.has(key)) return;
      const id = stringAt(dict.entryIds, entry);
      if (id !== except) found.set(key, id);
    };
    take(named(dict.entryIds, entry));
    for (let t = dict.entryTextStart[entry]!; t < last; t++) take(named(dict.entryTexts, t));
  }
  return found;
}

/**
 * Letters of scripts that folding never turns into Latin (NFKC, lower case and Latin diacritics aside, they stay
 * as written): a text holding one folds to a key that is not ASCII.
 */
const NON_LATIN_LETTER =
  /(?=\p{L})[\p{sc=Greek}\p{sc=Cyrillic}\p{sc=Armenian}\p{sc=Hebrew}\p{sc=Arabic}\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Thai}\p{sc=Devanagari}\p{sc=Georgian}]/u;

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
