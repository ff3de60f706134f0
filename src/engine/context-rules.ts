import type { CompiledEntry } from './dictionary';
import { normAt, type Tokens } from './tokenise';

/** How many words on either side of a mention count as "near" it. */
export const CONTEXT_WINDOW = 30;

/** Whether a card's require / exclude words allow a mention over words first..last. */
export function contextFits(entry: CompiledEntry, tokens: Tokens, first: number, last: number): boolean {
  if (entry.require.length === 0 && entry.exclude.length === 0) return true;
  const from = Math.max(0, first - CONTEXT_WINDOW);
  const to = Math.min(tokens.count, last + 1 + CONTEXT_WINDOW);
  const near = (phrase: string[]) => {
    for (let i = from; i + phrase.length <= to; i++) {
      if (i + phrase.length > first && i <= last) continue;
      let k = 0;
      while (k < phrase.length && i + k < tokens.count && normAt(tokens, i + k) === phrase[k]) k++;
      if (k === phrase.length) return true;
    }
    return false;
  };
  if (entry.exclude.some(near)) return false;
  return entry.require.length === 0 || entry.require.some(near);
}
