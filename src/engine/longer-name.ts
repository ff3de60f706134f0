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
/*
 * Head nouns of the proper names of publications, institutions, events and bodies: a name before them, alone or
 * with more capitalised words between, is part of that longer name (The Seattle Times, Boston University, the
 * Tokyo Game Show, the National Assembly Library), not a mention of the name's own subject.
 */
const HEADS = new Set(
  [
    // publications
    'times post herald tribune journal gazette chronicle observer telegraph globe courier examiner inquirer',
    'dispatch daily morning evening standard independent magazine review weekly monthly quarterly',
    // schools and institutions
    'university college school academy institute polytechnic seminary museum gallery library hospital',
    'clinic zoo orchestra symphony opera ballet theatre theater cathedral',
    // events
    'show fair expo festival games olympics cup championship championships marathon conference convention',
    'awards prize biennale week',
    // bodies and places built or named by people
    'assembly council commission airport station stadium arena square street avenue bridge tower',
  ]
    .join(' ')
    .split(' '),
);
// Heads that name an institution by the place it serves when "of" follows them: the Bank of Japan, the
// University of Tokyo (a bank after a name is usually the company's own: Alibaba Group, Barclays Bank).
const HEADS_OF = new Set([...HEADS, 'bank']);
// How many capitalised words may stand between a name and a head noun (Tokyo Game Show, China Morning Post).
const MAX_BETWEEN = 2;

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

/** Whether a capitalised run after word last ends in a head noun (Boston University, Tokyo Game Show). */
function headed(text: string, tokens: Tokens, last: number): boolean {
  for (let k = last + 1; k < tokens.count && k <= last + 1 + MAX_BETWEEN; k++) {
    if (!joinedBySpace(text, tokens, k - 1, k)) return false;
    if (!isCapitalised(text.slice(tokens.start[k], tokens.end[k]))) return false;
    if (HEADS.has(normAt(tokens, k))) return true;
  }
  return false;
}

/** Whether a capitalised head noun and "of" (the) stand right before word first (Bank of Japan, University of the Arts). */
function ofHead(text: string, tokens: Tokens, first: number): boolean {
  let k = first - 1;
  if (k >= 0 && normAt(tokens, k) === 'the') k--;
  if (k < 1 || normAt(tokens, k) !== 'of') return false;
  for (let j = k - 1; j < first; j++) if (!joinedBySpace(text, tokens, j, j + 1)) return false;
  return isCapitalised(text.slice(tokens.start[k - 1], tokens.end[k - 1])) && HEADS_OF.has(normAt(tokens, k - 1));
}

/** Whether a capitalised word right before word first modifies the name into another (North America, Korean National Assembly). */
function modified(text: string, tokens: Tokens, first: number, covered: (k: number) => boolean): boolean {
  const prev = first - 1;
  if (prev < 0 || !joinedBySpace(text, tokens, prev, first)) return false;
  const word = text.slice(tokens.start[prev], tokens.end[prev]);
  // An acronym before a name qualifies it without renaming it (the UK Treasury is the Treasury).
  if (!isCapitalised(word) || /^\p{Lu}+$/u.test(word)) return false;
  const norm = normAt(tokens, prev);
  if (FUNCTION_WORDS.has(norm) || NAME_ENDINGS.has(norm) || isPersonTitle(norm) || covered(prev)) return false;
  if (startsSentence(text, tokens, prev)) return false;
  return !inTitleCaseLine(text, tokens.start[first]!);
}

/**
 * Whether a place or organisation name over words first..last is only part of a longer proper name that names
 * something else: North America, The Seattle Times, Boston University, the Bank of Japan. `covered(k)` says whether word k is in
 * another card's mention.
 */
export function insideLongerName(
  text: string,
  tokens: Tokens,
  first: number,
  last: number,
  covered: (k: number) => boolean,
): boolean {
  return headed(text, tokens, last) || ofHead(text, tokens, first) || modified(text, tokens, first, covered);
}
