const PARTICLES = new Set([
  'al',
  'bin',
  'ibn',
  'abu',
  'el',
  'van',
  'von',
  'der',
  'de',
  'da',
  'di',
  'du',
  'del',
  'la',
  'le',
]);
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'sir',
  'dame',
  'lord',
  'lady',
  'president',
  'vice',
  'minister',
  'premier',
  'chancellor',
  'secretary',
  'senator',
  'sen',
  'rep',
  'representative',
  'congressman',
  'congresswoman',
  'governor',
  'gov',
  'mayor',
  'king',
  'queen',
  'prince',
  'princess',
  'judge',
  'justice',
  'general',
  'gen',
  'colonel',
  'col',
  'captain',
  'capt',
  'pope',
  'sheikh',
  'ayatollah',
  'chairman',
  'chairwoman',
  'ceo',
  'founder',
  'leader',
  'speaker',
  'ambassador',
  'professor',
  'prof',
]);

/** Whether a card name reads like a person's (Barack Obama, Osama bin Laden), for cards whose kind is unknown. */
export function looksLikePersonName(name: string): boolean {
  const parts = name.trim().split(/[\s\p{Pd}]+/u);
  if (parts.length < 2 || parts.length > 4) return false;
  return parts.every((p) => PARTICLES.has(p) || /^\p{Lu}\p{Ll}+$/u.test(p)) && /^\p{Lu}/u.test(parts.at(-1) ?? '');
}

/** Whether a folded word is a title or honorific that names a person after it (Mr, President, Minister). */
export function isPersonTitle(word: string): boolean {
  return TITLES.has(word);
}
