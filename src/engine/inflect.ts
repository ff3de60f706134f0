import { stemmer } from 'stemmer';

const SUFFIXES = ['', 's', 'es', 'ed', 'd', 'ing'];

/** Candidate stems of a word with its inflection taken off: `smuggling` → smuggl, smuggle. */
function lemmas(word: string): string[] {
  const out = [word];
  const strip = (suffix: string) => {
    if (word.length > suffix.length + 2 && word.endsWith(suffix)) {
      const base = word.slice(0, -suffix.length);
      out.push(base, `${base}e`);
      // controlled → control
      if (base.length > 3 && base.at(-1) === base.at(-2)) out.push(base.slice(0, -1));
    }
  };
  if (word.endsWith('ies') && word.length > 4) out.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('ied') && word.length > 4) out.push(`${word.slice(0, -3)}y`);
  if (!word.endsWith('ss')) strip('s');
  strip('es');
  strip('ed');
  strip('ing');
  return out;
}

/** The inflected forms of an English word (`sanction` → sanctions, sanctioned, sanctioning…), itself included. */
export function inflections(word: string): string[] {
  if (word.length < 3 || !/^[a-z]+$/.test(word)) return [word];
  const stem = stemmer(word);
  const found = new Set<string>([word]);
  for (const lemma of lemmas(word)) {
    const bases = [lemma];
    if (lemma.endsWith('e')) bases.push(lemma.slice(0, -1));
    if (lemma.endsWith('y')) bases.push(`${lemma.slice(0, -1)}i`);
    const last = lemma.at(-1) ?? '';
    if (/[bdfglmnprt]/.test(last) && !/[aeiou]{2}./.test(lemma.slice(-3))) bases.push(lemma + last);
    for (const base of bases) {
      for (const suffix of SUFFIXES) {
        const candidate = base + suffix;
        if (candidate.length >= 3 && stemmer(candidate) === stem) found.add(candidate);
      }
    }
  }
  return [...found];
}
