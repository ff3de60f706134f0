import { foldWord } from './normalise';
import { fnv } from './word-table';

/**
 * Words of the text: where each stands in the original (UTF-16 offsets, end exclusive) and the hash of its
 * folded form. Folded forms themselves are made on demand (`normAt`), since most words are never asked for.
 */
export interface Tokens {
  text: string;
  count: number;
  start: Int32Array;
  end: Int32Array;
  hash: Int32Array;
  /** Folded forms: set at once for words with non-ASCII characters, on first use for the others. */
  norm: Array<string | undefined>;
}

// Character classes, cached per UTF-16 code unit (code points above the BMP are classified on the fly).
const NONE = 0;
const WORD = 1;
const UNSPACED = 2;
const MARK = 3;
const INVISIBLE = 4;
const UNKNOWN = 255;

// Scripts written without spaces: every character is a word of its own, so 中国 is found inside 在中国的.
const UNSPACED_RE = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
const WORD_RE = /[\p{L}\p{N}]/u;
const MARK_RE = /\p{M}/u;

const classes = new Uint8Array(0x10000).fill(UNKNOWN);

function classify(ch: string): number {
  const code = ch.codePointAt(0)!;
  if (isInvisible(code)) return INVISIBLE;
  if (UNSPACED_RE.test(ch)) return UNSPACED;
  if (WORD_RE.test(ch)) return WORD;
  if (MARK_RE.test(ch)) return MARK;
  return NONE;
}

function classAt(text: string, i: number, code: number): number {
  if (code >= 0xd800 && code <= 0xdbff) return classify(String.fromCodePoint(text.codePointAt(i)!));
  let c = classes[code]!;
  if (c === UNKNOWN) {
    c = classify(String.fromCharCode(code));
    classes[code] = c;
  }
  return c;
}

// Folding (NFKC, diacritics) is costly and pages repeat their non-ASCII words: remember recent ones.
const folds = new Map<string, string>();
const MAX_FOLDS = 50_000;

function fold(word: string): string {
  let folded = folds.get(word);
  if (folded === undefined) {
    if (folds.size >= MAX_FOLDS) folds.clear();
    folded = foldWord(word);
    folds.set(word, folded);
  }
  return folded;
}

const isAsciiWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

/** Splits text into words in one pass, hashing each word's folded form as it goes. */
export function tokenise(text: string): Tokens {
  const n = text.length;
  // Every character can be a word of its own (scripts without spaces).
  const capacity = n;
  const start = new Int32Array(capacity);
  const end = new Int32Array(capacity);
  const hash = new Int32Array(capacity);
  const norm = new Array<string | undefined>(capacity);
  let count = 0;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      if (!isAsciiWordChar(code)) {
        i++;
        continue;
      }
    } else {
      const cls = classAt(text, i, code);
      const width = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
      if (cls === UNSPACED) {
        let stop = i + width;
        while (stop < n && classAt(text, stop, text.charCodeAt(stop)) === MARK) stop++;
        const folded = fold(text.slice(i, stop));
        start[count] = i;
        end[count] = stop;
        hash[count] = fnv(folded);
        norm[count++] = folded;
        i = stop;
        continue;
      }
      if (cls !== WORD) {
        i += width;
        continue;
      }
    }
    // A word runs on through letters, digits, marks and invisible characters.
    const from = i;
    let ascii = true;
    let stop = i;
    let h = 0x811c9dc5;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        if (!isAsciiWordChar(c)) break;
        h = Math.imul(h ^ (c >= 65 && c <= 90 ? c + 32 : c), 0x01000193);
        i++;
        stop = i;
        continue;
      }
      const cls = classAt(text, i, c);
      if (cls === WORD || cls === MARK) {
        i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
        stop = i;
        ascii = false;
      } else if (cls === INVISIBLE) {
        // Inside a word it vanishes; at its end it is not part of the word's span.
        i++;
        ascii = false;
      } else break;
    }
    start[count] = from;
    end[count] = stop;
    if (ascii) hash[count] = h | 0;
    else {
      const folded = fold(text.slice(from, stop));
      hash[count] = fnv(folded);
      norm[count] = folded;
    }
    count++;
  }
  return { text, count, start, end, hash, norm };
}

/** The folded form of word i (made on first use). */
export function normAt(tokens: Tokens, i: number): string {
  let word = tokens.norm[i];
  if (word === undefined) {
    word = tokens.text.slice(tokens.start[i], tokens.end[i]).toLowerCase();
    tokens.norm[i] = word;
  }
  return word;
}

/** Every word's folded form, in order. */
export function foldedWords(text: string): string[] {
  const tokens = tokenise(text);
  return Array.from({ length: tokens.count }, (_, i) => normAt(tokens, i));
}

/** Whether a UTF-16 code unit is a soft hyphen, zero-width character, word joiner or BOM. */
export function isInvisible(code: number): boolean {
  return code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff;
}
