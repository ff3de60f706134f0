import { foldWord } from './normalise';

/** Words of the text: parallel arrays of original offsets (UTF-16, end exclusive) and folded forms. */
export interface Tokens {
  start: number[];
  end: number[];
  norm: string[];
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

/** Splits text into words, keeping where each one stands in the original. */
export function tokenise(text: string): Tokens {
  const start: number[] = [];
  const end: number[] = [];
  const norm: string[] = [];
  const n = text.length;
  // One lower-casing of the whole text is cheaper than one per word, when it keeps the offsets.
  const lower = text.toLowerCase();
  const sameLength = lower.length === n;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    // ASCII fast path: letters and digits start a word; anything else is a gap.
    if (code < 128) {
      if (!((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57))) {
        i++;
        continue;
      }
    } else {
      const cls = classAt(text, i, code);
      const width = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
      if (cls === UNSPACED) {
        let stop = i + width;
        while (stop < n && classAt(text, stop, text.charCodeAt(stop)) === MARK) stop++;
        start.push(i);
        end.push(stop);
        norm.push(foldWord(text.slice(i, stop)));
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
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) {
          i++;
          stop = i;
          continue;
        }
        break;
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
    start.push(from);
    end.push(stop);
    if (ascii) norm.push(sameLength ? lower.slice(from, stop) : text.slice(from, stop).toLowerCase());
    else norm.push(foldWord(text.slice(from, stop)));
  }
  return { start, end, norm };
}

/** Whether a UTF-16 code unit is a soft hyphen, zero-width character, word joiner or BOM. */
export function isInvisible(code: number): boolean {
  return code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff;
}
