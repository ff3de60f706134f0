import { FormVariant } from './dictionary';
import { isPersonTitle } from './person';

/*
 * Names as watchlists write them: "AL-ASSAD, Bashar", "SMITH, John Adam", "Dr. John Smith". A person's name or
 * alias in one of these shapes also stands for the ways a page writes the same name ("Bashar al-Assad", "John
 * Smith", "Smith"), each derived form remembering how it was derived (FormVariant).
 */

/** A form derived from a name as a list writes it. */
export interface DerivedForm {
  text: string;
  variant: FormVariant;
  /** A family name alone: links only with a cue on the page, as a surname alias does. */
  surname: boolean;
}

// Name particles written in lower case inside a name (Bashar al-Assad, Ludwig van Beethoven).
const PARTICLES = new Set([
  'al',
  'el',
  'bin',
  'ibn',
  'bint',
  'abu',
  'van',
  'von',
  'der',
  'den',
  'de',
  'da',
  'di',
  'du',
  'del',
  'la',
  'le',
]);
// Titles lists put before a name that the engine's person titles do not hold.
const LIST_TITLES = new Set([
  'major',
  'brigadier',
  'field',
  'haji',
  'hajji',
  'mullah',
  'imam',
  'maulana',
  'hon',
  'his',
  'her',
  'excellency',
  'mme',
  'mlle',
  'herr',
  'frau',
]);

const isTitleWord = (word: string) => {
  const folded = word.replace(/\.$/, '').toLowerCase();
  return isPersonTitle(folded) || LIST_TITLES.has(folded);
};

/** A family name written in capitals (AL-ASSAD) as a page writes it (al-Assad): particles lower case. */
export function unshout(name: string): string {
  if (/\p{Ll}/u.test(name)) return name;
  return name.replace(/\p{L}+/gu, (word) => {
    const lower = word.toLocaleLowerCase();
    return PARTICLES.has(lower) ? lower : lower[0]!.toLocaleUpperCase() + lower.slice(1);
  });
}

const isInitial = (word: string) => /^\p{L}\.?$/u.test(word);

/** The name with leading titles and honorifics taken off ("Dr. John Smith" → "John Smith"); itself when there are none. */
export function stripTitles(name: string): string {
  const words = name.trim().split(/\s+/);
  let k = 0;
  // At least two words stay: "General Motors" of a person named so keeps its first word.
  while (k < words.length - 2 && isTitleWord(words[k]!)) k++;
  return words.slice(k).join(' ');
}

/** "SURNAME, Given Names" split at its one comma, or undefined for a name in another shape. */
export function invertedParts(name: string): { family: string; given: string[] } | undefined {
  const m = /^([^,]+),\s*([^,]+)$/u.exec(name.trim());
  if (!m) return undefined;
  const family = m[1]!.trim();
  const given = m[2]!.trim().split(/\s+/);
  if (!/\p{L}/u.test(family) || given.length === 0 || !given.every((g) => /\p{L}/u.test(g))) return undefined;
  if (family.split(/\s+/).length > 3 || given.length > 4) return undefined;
  return { family: unshout(family), given };
}

/** The given name a person's name starts with in page order ("AL-ASSAD, Bashar" → Bashar), or undefined. */
export function givenName(name: string): string | undefined {
  const comma = name.indexOf(',');
  const words = (comma >= 0 ? name.slice(comma + 1) : name).trim().split(/\s+/);
  let k = 0;
  while (k < words.length - 2 && isTitleWord(words[k]!)) k++;
  // A name of one word has no given name (in plain order, the last word is the family name).
  if (comma < 0 && words.length - k < 2) return undefined;
  return /^\p{L}{2,}$/u.test(words[k] ?? '') ? words[k] : undefined;
}

/** A person's name in the order a page writes it: "AL-ASSAD, Bashar" → "Bashar al-Assad"; other names as they are. */
export function naturalName(name: string): string {
  const parts = invertedParts(stripTitles(name));
  return parts ? `${parts.given.join(' ')} ${parts.family}` : stripTitles(name);
}

/** The forms a person's name or alias, as a list writes it, also stands for (none for a name in plain order). */
export function derivedForms(name: string): DerivedForm[] {
  // Most names a list gives are in plain order: no comma, no title, no initial.
  if (!name.includes(',') && !name.includes('.') && !isTitleWord(name.slice(0, name.indexOf(' ') >>> 0))) return [];
  const out: DerivedForm[] = [];
  const add = (text: string, variant: FormVariant, surname = false) => {
    if (text !== name && !out.some((d) => d.text === text)) out.push({ text, variant, surname });
  };
  const untitled = stripTitles(name);
  if (untitled !== name.trim()) add(untitled, FormVariant.Untitled);
  const parts = invertedParts(untitled);
  if (parts) {
    const { family, given } = parts;
    add(`${given.join(' ')} ${family}`, FormVariant.Reordered);
    add(`${family} ${given.join(' ')}`, FormVariant.FamilyFirst);
    if (given.length > 1 && !isInitial(given[0]!)) {
      add(`${given[0]} ${family}`, FormVariant.Shortened);
      const middle = given[1]!;
      if (given.length === 2 && !isInitial(middle)) add(`${given[0]} ${middle[0]}. ${family}`, FormVariant.Initialled);
    }
    add(family, FormVariant.Reordered, true);
    return out;
  }
  // "Donald J. Trump": the initials may be left out.
  const words = untitled.split(/\s+/);
  if (words.length >= 3 && words.slice(1, -1).every(isInitial) && !isInitial(words[0]!)) {
    add(`${words[0]} ${words.at(-1)}`, FormVariant.Shortened);
  }
  return out;
}
