import { foldWord } from './normalise';

/** Words of the text: parallel arrays of original offsets (UTF-16, end exclusive) and folded forms. */
export interface Tokens {
  start: number[];
  end: number[];
  norm: string[];
}

// Scripts written without spaces: every character is a word of its own, so 中国 is found inside 在中国的.
const UNSPACED = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Thai}\\p{sc=Lao}\\p{sc=Khmer}\\p{sc=Myanmar}';
// A word starts with a letter or digit and runs on through letters, digits, marks and invisible characters.
const WORD = new RegExp(
  `[${UNSPACED}]\\p{M}*|[[\\p{L}\\p{N}]--[${UNSPACED}]][[\\p{L}\\p{N}\\p{M}\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]--[${UNSPACED}]]*`,
  'gv',
);

/** Splits text into words, keeping where each one stands in the original. */
export function tokenise(text: string): Tokens {
  const start: number[] = [];
  const end: number[] = [];
  const norm: string[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const word = m[0];
    let stop = m.index + word.length;
    // A trailing soft hyphen or joiner is not part of the word's span.
    while (stop > m.index && isInvisible(text.charCodeAt(stop - 1))) stop--;
    start.push(m.index);
    end.push(stop);
    norm.push(foldWord(word));
  }
  return { start, end, norm };
}

/** Whether a UTF-16 code unit is a soft hyphen, zero-width character, word joiner or BOM. */
export function isInvisible(code: number): boolean {
  return code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff;
}
