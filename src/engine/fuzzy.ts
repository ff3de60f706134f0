/** Names shorter than this never link fuzzily. */
export const FUZZY_MIN_LENGTH = 5;

/** The word and every string made by deleting one of its characters (symmetric-delete index keys). */
export function deletionKeys(word: string): string[] {
  const keys = [word];
  for (let i = 0; i < word.length; i++) {
    if (word[i] === word[i - 1]) continue;
    keys.push(word.slice(0, i) + word.slice(i + 1));
  }
  return keys;
}

/** Optimal-string-alignment distance (Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[(i - 2) * cols + j - 2]! + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1]!;
}

/**
 * Whether a word is a near-miss spelling of a name rather than another word built on it:
 * one edit, same first letter, and not the name with something added (Kenyan, Israeli, Apples).
 */
export function isNearMiss(word: string, name: string): boolean {
  if (word.length < FUZZY_MIN_LENGTH - 1 || name.length < FUZZY_MIN_LENGTH) return false;
  if (word === name || word[0] !== name[0] || word.startsWith(name)) return false;
  return editDistance(word, name) === 1;
}

/** How sure a near-miss is: one edit in a long name is surer than in a short one. */
export function fuzzyConfidence(word: string, name: string): number {
  return Math.round((1 - editDistance(word, name) / Math.max(word.length, name.length)) * 100) / 100;
}
