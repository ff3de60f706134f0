import { isCapitalised } from './form';
import { isPersonTitle } from './person';
import { normAt, type Tokens } from './tokenise';

// Capitalised words that start sentences and headings rather than names.
const FUNCTION_WORDS = new Set(
  'a an the in on at of for to from by with and but or nor if while when why how what who where as so yet this that these those its his her their our my your after before since'.split(
    ' ',
  ),
);
// Legal suffixes end a company's name, so the word after one starts a new name (Business Insider Inc Nintendo).
const NAME_ENDINGS = new Set('inc ltd llc corp co plc sa ag gmbh nv bv'.split(' '));
// Head nouns of publications: a place name before them names the paper (The Seattle Times), not the place.
const PUBLICATION_HEADS = new Set(
  'times post herald tribune journal gazette chronicle observer telegraph globe courier examiner inquirer dispatch daily morning evening standard independent'.split(
    ' ',
  ),
);

const joinedBySpace = (text: string, tokens: Tokens, a: number, b: number) =>
  /^[ \u00A0]+$/.test(text.slice(tokens.end[a], tokens.start[b]));

/** Whether word i opens a sentence, a line or a quotation. */
export function startsSentence(text: string, tokens: Tokens, i: number): boolean {
  if (i === 0) return true;
  const gap = text.slice(tokens.end[i - 1], tokens.start[i]);
  return /[.!?:;\n"“‘([]/.test(gap);
}

/** Whether most longer words of the line around an offset are capitalised (a title-case heading). */
export function inTitleCaseLine(text: string, at: number): boolean {
  const from = text.lastIndexOf('\n', at) + 1;
  const stop = text.indexOf('\n', at);
  const line = text.slice(from, stop < 0 ? text.length : stop);
  const words = line.match(/\p{L}{4,}/gu) ?? [];
  if (words.length < 3) return false;
  return words.filter((w) => isCapitalised(w)).length >= 0.8 * words.length;
}

/**
 * Whether a one-word place or organisation name at word i is only part of a longer proper name that names
 * something else: North America, The Seattle Times. `covered(k)` says whether word k is in another card's mention.
 */
export function insideLongerName(text: string, tokens: Tokens, i: number, covered: (k: number) => boolean): boolean {
  const next = i + 1;
  if (next < tokens.count && joinedBySpace(text, tokens, i, next) && PUBLICATION_HEADS.has(normAt(tokens, next))) {
    return isCapitalised(text.slice(tokens.start[next], tokens.end[next]));
  }
  const prev = i - 1;
  if (prev < 0 || !joinedBySpace(text, tokens, prev, i)) return false;
  const word = text.slice(tokens.start[prev], tokens.end[prev]);
  if (!isCapitalised(word) || word.length < 2 || /^\p{Lu}+$/u.test(word)) return false;
  const norm = normAt(tokens, prev);
  if (FUNCTION_WORDS.has(norm) || NAME_ENDINGS.has(norm) || isPersonTitle(norm) || covered(prev)) return false;
  if (startsSentence(text, tokens, prev)) return false;
  return !inTitleCaseLine(text, tokens.start[i]!);
}
