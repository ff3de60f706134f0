import type { Dictionary } from './dictionary';
import { deletionKeys, fuzzyConfidence, isNearMiss } from './fuzzy';
import { lookupDeletes } from './fuzzy-index';
import { foldGap } from './normalise';
import type { Tokens } from './tokenise';

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
}

// Longer runs of punctuation or space between two words never sit inside a name.
const MAX_GAP = 8;

/** Word ids of the text's words in the dictionary's vocabulary (-1 when unknown). */
export function wordIds(dict: Dictionary, tokens: Tokens): Int32Array {
  const ids = new Int32Array(tokens.norm.length);
  const { vocab, norm } = { vocab: dict.vocab, norm: tokens.norm };
  for (let i = 0; i < norm.length; i++) ids[i] = vocab.get(norm[i]!) ?? -1;
  return ids;
}

/** Every form of every card found in the text, all lengths at every start, plus near-miss spellings. */
export function findCandidates(dict: Dictionary, text: string, tokens: Tokens, ids: Int32Array): Candidate[] {
  const out: Candidate[] = [];
  const n = ids.length;
  const stride = dict.words.length;
  const { start, end, norm } = tokens;

  const keyAt = (j: number, topic: boolean): number => {
    const a = end[j - 1]!;
    const b = start[j]!;
    let id = ids[j]!;
    if (b - a > MAX_GAP) return -1;
    if (!(b - a === 1 && text.charCodeAt(a) === 32)) {
      const sig = foldGap(text.slice(a, b));
      if (sig !== '') id = dict.vocab.get(sig + norm[j]!) ?? -1;
    }
    if (id < 0) return -1;
    return topic ? dict.stemOf[id]! : id;
  };

  const walk = (i: number, first: number, topic: boolean) => {
    let node = first;
    let j = i;
    for (;;) {
      const forms = dict.terminals.get(node);
      if (forms) {
        for (const form of forms)
          out.push(closeSpan(dict, text, { first: i, last: j, form, start: start[i]!, end: end[j]!, fuzzy: 0 }));
      }
      if (++j >= n) return;
      const key = keyAt(j, topic);
      if (key < 0) return;
      const next = dict.edges.get(node * stride + key);
      if (next === undefined) return;
      node = next;
    }
  };

  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    if (id >= 0) {
      const exact = dict.exactRoot[id]!;
      if (exact >= 0) walk(i, exact, false);
      const cls = dict.stemOf[id]!;
      if (cls >= 0 && dict.topicRoot[cls]! >= 0) walk(i, dict.topicRoot[cls]!, true);
    } else if (norm[i]!.length >= 4 && isUpperAt(text, start[i]!)) {
      nearMisses(dict, tokens, i, out);
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
function closeSpan(dict: Dictionary, text: string, c: Candidate): Candidate {
  const trail = dict.forms[c.form]!.trail;
  if (trail !== '' && foldGap(text.slice(c.end, c.end + trail.length)) === trail) c.end += trail.length;
  return c;
}

function nearMisses(dict: Dictionary, tokens: Tokens, i: number, out: Candidate[]) {
  const word = tokens.norm[i]!;
  let best = -1;
  let bestConfidence = 0;
  const ids: number[] = [];
  for (const key of deletionKeys(word)) lookupDeletes(dict.deletes, key, ids);
  for (const id of ids) {
    const name = dict.words[id]!;
    if (!isNearMiss(word, name)) continue;
    const confidence = fuzzyConfidence(word, name);
    if (confidence > bestConfidence) {
      best = id;
      bestConfidence = confidence;
    }
  }
  if (best < 0) return;
  for (const form of dict.singles.get(best) ?? []) {
    out.push({ first: i, last: i, form, start: tokens.start[i]!, end: tokens.end[i]!, fuzzy: bestConfidence });
  }
}
