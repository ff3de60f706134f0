import type { CompiledForm } from './dictionary';
import { isAllCaps, isCapitalised } from './form';
import { normAt, type Tokens } from './tokenise';

/**
 * Whether the letter case of the text fits the form, as a reader would judge:
 * acronyms only in capitals (US, not us), proper names capitalised where the name is (Bin Laden, Ennahda party,
 * not china or apple), topic keywords in any case.
 */
export function caseFits(form: CompiledForm, topic: boolean, text: string, tokens: Tokens, first: number): boolean {
  if (form.acronym) {
    for (let k = 0; k < form.size; k++) {
      const word = text.slice(tokens.start[first + k], tokens.end[first + k]);
      if (!isAllCaps(word) && /\p{L}/u.test(word)) return false;
    }
    return true;
  }
  if (topic || !form.proper) return true;
  // The first word the name capitalises must stand capitalised in the text too.
  for (let k = 0; k < form.size && k < 31; k++) {
    if (form.capMask & (1 << k)) {
      return isCapitalised(text.slice(tokens.start[first + k], tokens.end[first + k]));
    }
  }
  return true;
}

// Articles go before an acronym (THE US), never before the pronoun it can spell.
const ARTICLES = new Set(['the', 'a', 'an']);

/**
 * Whether an acronym that spells an ordinary word stands in shouted text, after another word in capitals
 * (CONTACT US, JOIN US): there it is the word, not the acronym. `covered(k)` says whether word k is in a mention.
 */
export function shouted(
  form: CompiledForm,
  text: string,
  tokens: Tokens,
  first: number,
  covered: (k: number) => boolean,
): boolean {
  if (!form.ordinary || first === 0) return false;
  const prev = first - 1;
  if (!/^[ \u00A0]+$/.test(text.slice(tokens.end[prev], tokens.start[first]))) return false;
  const word = text.slice(tokens.start[prev], tokens.end[prev]);
  return isAllCaps(word) && !ARTICLES.has(normAt(tokens, prev)) && !covered(prev);
}
