import { foldGap } from './normalise';
import { normAt, tokenise } from './tokenise';

/** A name or alias as the matcher sees it. */
export interface FormShape {
  /** Folded words; from the second on, prefixed by the punctuation that joins it to the previous one (`u`, `.s`). */
  keys: string[];
  /** Bit k set when word k starts with a capital. */
  capMask: number;
  /** No lower-case letter but some capitals (US, U.S., VR, M&A): links only in capitals. */
  acronym: boolean;
  /** Some capital letter: a proper name, which must stand capitalised in the text. */
  proper: boolean;
  /** Punctuation that ends the form (`.` of U.S., `!` of Yahoo!), taken into the span when the text has it. */
  trail: string;
}

const HAS_UPPER = /\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;

/** Whether a word starts with a capital (or a titlecase letter). */
export function isCapitalised(word: string): boolean {
  return /^[\p{Lu}\p{Lt}]/u.test(word);
}

/** Whether a piece of text has capitals and no lower-case letters. */
export function isAllCaps(text: string): boolean {
  return HAS_UPPER.test(text) && !HAS_LOWER.test(text);
}

/** Analyses one name or alias; undefined when it holds no word at all. */
export function shapeForm(form: string): FormShape | undefined {
  const t = tokenise(form);
  if (t.count === 0) return undefined;
  const keys: string[] = [];
  let capMask = 0;
  for (let k = 0; k < t.count; k++) {
    const norm = normAt(t, k);
    const prefix = k === 0 ? '' : foldGap(form.slice(t.end[k - 1], t.start[k]));
    keys.push(prefix + norm);
    if (k < 31 && isCapitalised(form.slice(t.start[k], t.end[k]))) capMask |= 1 << k;
  }
  const letters = form.slice(t.start[0], t.end[t.count - 1]);
  return {
    keys,
    capMask,
    acronym: isAllCaps(letters),
    proper: HAS_UPPER.test(letters),
    trail: foldGap(form.slice(t.end[t.count - 1])),
  };
}
