/** Characters that are invisible inside a word: soft hyphen, zero-width space/joiners, word joiner, BOM. */
export const IGNORABLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

const LATIN_MARKS = /(\p{Script=Latin})\p{Mn}+/gu;
const EXTRA_FOLDS: Record<string, string> = {
  ß: 'ss',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
};
const EXTRA = /[ßøłđðþæœı]/g;
const NON_ASCII = /[^\p{ASCII}]/u;

/** Folds a word for comparison: NFKC, lower case, Latin diacritics removed (Zürich = zurich), invisibles dropped. */
export function foldWord(word: string): string {
  if (!NON_ASCII.test(word)) return word.toLowerCase();
  const lower = word.replace(IGNORABLE, '').normalize('NFKC').toLowerCase();
  return lower
    .normalize('NFD')
    .replace(LATIN_MARKS, '$1')
    .normalize('NFC')
    .replace(EXTRA, (c) => EXTRA_FOLDS[c] ?? c);
}

/** Folds the punctuation between two words to a signature: white space and dashes vanish, quote variants unify. */
export function foldGap(gap: string): string {
  if (gap === ' ' || gap === '') return '';
  let out = '';
  for (const ch of gap.normalize('NFKC')) {
    if (/[\s\p{Pd}\u2212\u00AD\u200B-\u200D\u2060\uFEFF]/u.test(ch)) continue;
    if (/['\u2018\u2019\u02BC\u2032`\u00B4]/.test(ch)) out += "'";
    else if (/["\u201C\u201D\u201E\u00AB\u00BB]/.test(ch)) out += '"';
    else out += ch;
  }
  return out;
}
