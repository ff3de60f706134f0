// Near-miss linking: the engine's symmetric-delete index + one-edit rule, against fuse.js on the same names.
// Run with `npm run bench:fuzzy`; prints precision, recall and time per look-up for each, measured in one run
// (the scorers timed in alternating order, medians with quartiles).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fuse from 'fuse.js';
import { readCorpus } from '../src/cli/corpus';
import { readPack } from '../src/cli/load-pack';
import { deletionKeys, FUZZY_MIN_LENGTH, isNearMiss } from '../src/engine/fuzzy';
import { buildDeleteIndex, lookupDeletes } from '../src/engine/fuzzy-index';
import { foldedWords } from '../src/engine/tokenise';
import { alternate, spread } from './measure';

const corpus = process.argv[2] ?? fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const pack = readPack(join(corpus, 'pack.csv'));
// The fuzzy pass looks at single-word proper names of five letters or more.
const names = [
  ...new Set(
    pack.cards
      .filter((c) => c.kind !== 'topic')
      .flatMap((c) => [c.name, ...c.aliases])
      .filter((n) => /^\p{Lu}[\p{L}]+$/u.test(n) && n.length >= FUZZY_MIN_LENGTH)
      .map((n) => n.toLowerCase()),
  ),
];

// Positives: every one-edit misspelling that keeps the first letter (deletion, adjacent swap, doubled letter,
// a neighbouring letter substituted), each expected to link to its name.
const positives: Array<[string, string]> = [];
for (const name of names) {
  for (let i = 1; i < name.length; i++) {
    positives.push([name.slice(0, i) + name.slice(i + 1), name]);
    if (i + 1 < name.length) positives.push([name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2), name]);
    positives.push([name.slice(0, i) + name[i] + name.slice(i), name]);
    const sub = String.fromCharCode(((name.charCodeAt(i) - 97 + 1) % 26) + 97);
    positives.push([name.slice(0, i) + sub + name.slice(i + 1), name]);
  }
}
// Negatives: the corpus's capitalised words of four letters or more that are no card's name or alias.
const known = new Set(pack.cards.flatMap((c) => [c.name, ...c.aliases]).flatMap((n) => foldedWords(n)));
const negatives = [
  ...new Set(
    readCorpus(join(corpus, 'dev'))
      .flatMap((p) => p.text.match(/\b\p{Lu}\p{Ll}{3,}\b/gu) ?? [])
      .map((w) => w.toLowerCase())
      .filter((w) => !known.has(w)),
  ),
];

const index = buildDeleteIndex(names.map((n, i) => [i, n] as const));
function engine(word: string): string | null {
  const ids: number[] = [];
  for (const key of deletionKeys(word)) lookupDeletes(index, key, ids);
  for (const id of ids) if (isNearMiss(word, names[id]!)) return names[id]!;
  return null;
}
function fuse(threshold: number) {
  const f = new Fuse(names, { includeScore: true, threshold, ignoreLocation: true });
  return (word: string) => f.search(word, { limit: 1 })[0]?.item ?? null;
}

/** Precision and recall of a scorer over the positives and negatives. */
function quality(link: (w: string) => string | null) {
  let tp = 0;
  let fp = 0;
  for (const [word, name] of positives) {
    const got = link(word);
    if (got === name) tp++;
    else if (got) fp++;
  }
  for (const word of negatives) if (link(word)) fp++;
  return { precision: tp / Math.max(1, tp + fp), recall: tp / positives.length };
}

console.log(
  `${names.length} names, ${positives.length} one-edit misspellings, ${negatives.length} other capitalised words\n`,
);
const scorers: Record<string, (w: string) => string | null> = { 'engine (delete index, 1 edit)': engine };
for (const t of [0.1, 0.2, 0.3]) scorers[`fuse.js threshold ${t}`] = fuse(t);
const words = [...positives.map(([word]) => word), ...negatives];
// Every scorer over every word, the scorers in alternating order, medians of 3 passes after a warm-up pass.
const times = alternate(
  Object.fromEntries(Object.entries(scorers).map(([label, link]) => [label, () => words.forEach(link)])),
  { runs: 3, warmup: 1 },
);
for (const [label, link] of Object.entries(scorers)) {
  const { precision, recall } = quality(link);
  const perWord = (ms: number) => `${((ms * 1000) / words.length).toFixed(1)} µs`;
  console.log(
    `${label.padEnd(28)} precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}  ${spread(times[label]!, perWord)} per word`,
  );
}
