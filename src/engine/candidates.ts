import { type Dictionary, FLAG_ACRONYM, FLAG_PROPER, FLAG_SURNAME, FLAG_WEAK, FORM_STRIDE } from './dictionary';
import { deletionKeys, fuzzyConfidence, isNearMiss } from './fuzzy';
import { lookupDeletes } from './fuzzy-index';
import { foldGap } from './normalise';
import { edgeChild } from './tables';
import { normAt, type Tokens } from './tokenise';
import { lookupAscii, lookupWord } from './word-table';

/** A possible mention before the page-level rules: one form found over words first..last. */
export interface Candidate {
  first: number;
  last: number;
  form: number;
  /** Offsets in the scanned text, end exclusive (the form's closing punctuation included when present). */
  start: number;
  end: number;
  /** 0 for an exact or inflected match, else the confidence of a near-miss spelling. */
  fuzzy: number;
  /**
   * For a `form` of -1: the trie node whose many cue-needing forms (a family name a list's people share) are
   * left for the selection to read, for the cards named on the page only.
   */
  node?: number;
}

/**
 * A trie node holding more forms than this that each need a cue (surnames, weak aliases) hands them over as one
 * deferred candidate: a family name shared by thousands of a list's people costs one candidate, not thousands.
 */
export const MANY_AT_NODE = 8;

const needsCue = (dict: Dictionary, form: number) =>
  (dict.formNumbers[form * FORM_STRIDE + 1]! & (FLAG_SURNAME | FLAG_WEAK)) !== 0;

/** The first of a node's terminals (from..to) that needs a cue: they are sorted last, so a binary search finds it. */
export function firstNeedingCue(dict: Dictionary, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (needsCue(dict, dict.terminals.items[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Whether the first word a form capitalises may stand capitalised here (a cheap test before caseFits). */
function mayFitCase(
  dict: Dictionary,
  form: number,
  flags: number,
  text: string,
  start: Int32Array,
  i: number,
): boolean {
  if ((flags & FLAG_ACRONYM) !== 0 || (flags & FLAG_PROPER) === 0) return true;
  const capMask = dict.formNumbers[form * FORM_STRIDE + 2]!;
  if (capMask === 0) return true;
  const k = 31 - Math.clz32(capMask & -capMask);
  return isUpperAt(text, start[i + k]!);
}

// Longer runs of punctuation or space between two words never sit inside a name.
const MAX_GAP = 8;

/** Word ids of the text's words in the dictionary's vocabulary (-1 when unknown). */
export function wordIds(dict: Dictionary, tokens: Tokens): Int32Array {
  const { count, hash, norm, start, end, text } = tokens;
  const ids = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const folded = norm[i];
    ids[i] = folded === undefined ? lookupAscii(dict, hash[i]!, text, start[i]!, end[i]!) : lookupWord(dict, folded);
  }
  return ids;
}

/** Every form of every card found in the text, all lengths at every start, plus near-miss spellings. */
export function findCandidates(dict: Dictionary, text: string, tokens: Tokens, ids: Int32Array): Candidate[] {
  const out: Candidate[] = [];
  const n = ids.length;
  const { terminals } = dict;
  const { start, end } = tokens;

  const keyAt = (j: number, topic: boolean): number => {
    const a = end[j - 1]!;
    const b = start[j]!;
    let id = ids[j]!;
    if (b - a > MAX_GAP) return -1;
    if (!(b - a === 1 && text.charCodeAt(a) === 32)) {
      const sig = foldGap(text.slice(a, b));
      if (sig !== '') id = lookupWord(dict, sig + normAt(tokens, j));
    }
    if (id < 0) return -1;
    return topic ? dict.stemOf[id]! : id;
  };

  const walk = (i: number, first: number, topic: boolean) => {
    let node = first;
    let j = i;
    for (;;) {
      const from = terminals.offsets[node]!;
      const to = terminals.offsets[node + 1]!;
      // A node's forms that need a cue come after the others (compile.ts); many of them are deferred as one.
      const stop = to - from > MANY_AT_NODE ? firstNeedingCue(dict, from, to) : to;
      for (let k = from; k < stop; k++) {
        const form = terminals.items[k]!;
        const flags = dict.formNumbers[form * FORM_STRIDE + 1]!;
        if (!topic && !mayFitCase(dict, form, flags, text, start, i)) continue;
        out.push(closeSpan(dict, text, { first: i, last: j, form, start: start[i]!, end: end[j]!, fuzzy: 0 }));
      }
      if (stop < to) out.push({ first: i, last: j, form: -1, node, start: start[i]!, end: end[j]!, fuzzy: 0 });
      if (++j >= n) return;
      const key = keyAt(j, topic);
      if (key < 0) return;
      const next = edgeChild(dict.edges, node, key);
      if (next < 0) return;
      node = next;
    }
  };

  // A page repeats its unknown capitalised words (names, sentence starts): look each one up once.
  const nearMissOf = new Map<string, NearMiss | null>();
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    if (id >= 0) {
      const exact = dict.exactRoot[id]!;
      if (exact >= 0) walk(i, exact, false);
      const cls = dict.stemOf[id]!;
      if (cls >= 0 && dict.topicRoot[cls]! >= 0) walk(i, dict.topicRoot[cls]!, true);
    } else if (isUpperAt(text, start[i]!) && normAt(tokens, i).length >= 4) {
      const word = normAt(tokens, i);
      let found = nearMissOf.get(word);
      if (found === undefined) {
        found = nearestName(dict, word);
        nearMissOf.set(word, found);
      }
      if (found) {
        const { offsets, items } = dict.singles;
        for (let k = offsets[found.id]!; k < offsets[found.id + 1]!; k++) {
          out.push({ first: i, last: i, form: items[k]!, start: start[i]!, end: end[i]!, fuzzy: found.confidence });
        }
      }
    }
  }
  return out;
}

function isUpperAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  const ch = String.fromCodePoint(text.codePointAt(at)!);
  return ch !== ch.toLowerCase();
}

/** Adds the closing punctuation of the form (U.S. → the final dot) when the text has it. */
export function closeSpan(dict: Dictionary, text: string, c: Candidate): Candidate {
  const trail = dict.formTrails.get(c.form) ?? '';
  if (trail !== '' && foldGap(text.slice(c.end, c.end + trail.length)) === trail) c.end += trail.length;
  return c;
}

interface NearMiss {
  id: number;
  confidence: number;
}

/** The vocabulary word (of a single-word form) this word is a near-miss spelling of, or null. */
function nearestName(dict: Dictionary, word: string): NearMiss | null {
  let best: NearMiss | null = null;
  const ids: number[] = [];
  for (const key of deletionKeys(word)) lookupDeletes(dict.deletes, key, ids);
  for (const id of ids) {
    const name = dict.words[id]!;
    if (!isNearMiss(word, name)) continue;
    const confidence = fuzzyConfidence(word, name);
    if (!best || confidence > best.confidence) best = { id, confidence };
  }
  return best;
}
