import { findCandidates, wordIds } from './candidates';
import type { Dictionary } from './dictionary';
import { selectMatches } from './select';
import { tokenise } from './tokenise';
import type { EngineMatch } from './types';

/** Finds every mention of the dictionary's cards in a text: sorted by start, non-overlapping. */
export function scan(dict: Dictionary, text: string): EngineMatch[] {
  const tokens = tokenise(text);
  const ids = wordIds(dict, tokens);
  return selectMatches(dict, text, tokens, findCandidates(dict, text, tokens, ids));
}
