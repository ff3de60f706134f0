import type { CompiledForm } from './dictionary';
import { isAllCaps, isCapitalised } from './form';
import type { Tokens } from './tokenise';

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
