// Child of bench/watchlist/bench.ts: the dev corpus's cards with and without a synthetic watchlist of `names`
// unrelated names: precision and recall per split, the held-out pages' scan time with each, and how many of the
// list's names are ordinary words or common given names (what the engine makes of them: compile.ts, weak forms).
import { join } from 'node:path';
import { readCorpus } from '../../src/cli/corpus';
import { evaluateEngine, splitScores } from '../../src/cli/evaluate';
import { readPack } from '../../src/cli/load-pack';
import { compileDictionary, scan } from '../../src/engine';
import { COMMON_GIVEN_NAME } from '../../src/engine/compile';
import { entryOfForm, formAt } from '../../src/engine/dictionary';
import { foldWord } from '../../src/engine/normalise';
import { isOrdinaryWord } from '../../src/engine/ordinary-words';
import { foldedWords } from '../../src/engine/tokenise';
import { givenName } from '../../src/engine/watchlist-names';
import { toEntry } from '../../src/model/card';
import { alternate, type Sample } from '../measure';
import { watchlist } from './generate';

const [corpus = '', sizeArg = ''] = process.argv.slice(2);
const names = Number(sizeArg);
const pages = readCorpus(join(corpus, 'dev'));
const pack = readPack(join(corpus, 'pack.csv'));
const listed = watchlist({ names, seed: 1 });

const scores = (extra: typeof listed) => {
  const e = evaluateEngine(pages, pack, extra);
  return Object.fromEntries(
    (['tune', 'held-out'] as const).map((split) => {
      const s = splitScores(e, split);
      return [split, { precision: s.precision, recall: s.recall, fp: s.falsePositives, fn: s.falseNegatives }];
    }),
  );
};
const alone = scores([]);
const withList = scores(listed);

// The held-out pages annotated as `npm run annotate` does (compile once, scan each page), with and without the list.
const heldOut = pages.filter((p) => p.split === 'held-out').map((p) => p.text);
const cardsOnly = compileDictionary(pack.cards.map(toEntry));
const merged = compileDictionary([...pack.cards, ...listed].map(toEntry));
let sink = 0;
// Compiling the million leaves a heap of garbage that the collector works through for a while: collected before
// the timed rounds (both sides alike), with more warm-up rounds and runs than elsewhere, as a run is 2–3 ms.
(globalThis as { gc?: () => void }).gc?.();
const t = alternate(
  {
    alone: () => {
      for (const text of heldOut) sink += scan(cardsOnly, text).length;
    },
    list: () => {
      for (const text of heldOut) sink += scan(merged, text).length;
    },
  },
  { runs: 41, warmup: 10 },
) as Record<'alone' | 'list', Sample>;

// What the million holds: one-word names and aliases, ordinary words, common given names; and the weak forms
// (a person's one-word alias that is one of these links only with a cue on the page).
const allNames = listed.flatMap((c) => [c.name, ...c.aliases]);
const oneWord = allNames.filter((n) => foldedWords(n).length === 1);
const givenCount = new Map<string, number>();
for (const c of listed) {
  if (c.kind !== 'person') continue;
  const given = new Set(
    [c.name, ...c.aliases].flatMap((n) => {
      const word = givenName(n);
      return word === undefined ? [] : [foldWord(word)];
    }),
  );
  for (const g of given) givenCount.set(g, (givenCount.get(g) ?? 0) + 1);
}
const isGiven = (w: string) => (givenCount.get(w) ?? 0) >= COMMON_GIVEN_NAME;
const nameWords = allNames.flatMap((n) => foldedWords(n));
let weak = 0;
let surnames = 0;
for (let f = 0; f < merged.formCount; f++) {
  if (entryOfForm(merged, f) < pack.cards.length) continue;
  const form = formAt(merged, f);
  if (form.weak) weak++;
  if (form.surname) surnames++;
}
console.log(
  JSON.stringify({
    names,
    alone,
    withList,
    scan: t,
    sink,
    census: {
      names: allNames.length,
      oneWord: oneWord.length,
      oneWordOrdinary: oneWord.filter((n) => isOrdinaryWord(foldedWords(n)[0]!)).length,
      oneWordGiven: oneWord.filter((n) => isGiven(foldedWords(n)[0]!)).length,
      words: nameWords.length,
      ordinaryWords: nameWords.filter(isOrdinaryWord).length,
      distinctGiven: [...givenCount.values()].filter((n) => n >= COMMON_GIVEN_NAME).length,
      weakForms: weak,
      surnameForms: surnames,
    },
  }),
);
