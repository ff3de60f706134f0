// Watch signals: 500 rules evaluated on the largest corpus page, against a naive evaluation (one word-bounded
// RegExp per term, per paragraph, per rule) and the floor of tokenising the page, all measured in this run.
// Run with `npm run bench:signals`.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCorpus } from '../src/cli/corpus';
import { DEFAULT_PACK, readPack } from '../src/cli/load-pack';
import { compileDictionary, compileSignals, evaluateSignals, type SignalCardInput, scan } from '../src/engine';
import { inflections } from '../src/engine/inflect';
import { foldedWords, tokenise } from '../src/engine/tokenise';
import { toEntry } from '../src/model/card';
import { random } from './synthetic';

const RULES = 500;
const TARGET_MS = 20;
const RUNS = 25;

const corpus = process.argv[2] ?? fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const pages = readCorpus(join(corpus, 'dev'));
// The largest page (by its HTML, as the other benchmarks count it) and the one with the longest text.
const htmlSize = (name: string) => statSync(join(corpus, 'dev', name, 'article.html')).size;
const largest = pages.reduce((a, b) => (htmlSize(b.page) > htmlSize(a.page) ? b : a));
const longest = pages.reduce((a, b) => (b.text.length > a.text.length ? b : a));
const measured = [...new Set([largest, longest])];
// And how it scales: every page's text, five times over (about 0.5 MB), without the naive baseline (too slow there).
const stress = {
  page: 'the whole corpus ×5',
  text: Array(5)
    .fill(pages.map((p) => p.text).join('\n'))
    .join('\n'),
};
const cards = [...readPack(DEFAULT_PACK).cards, ...readPack(join(corpus, 'pack.csv')).cards];
const unique = [...new Map(cards.map((c) => [c.id, c])).values()];
const dictionary = compileDictionary(unique.map(toEntry));

// Rule terms: the cards' names (entity terms), the page's own words (keywords that occur) and words it lacks.
const rand = random(10);
const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
const pageWords = [
  ...new Set(foldedWords(measured.map((p) => p.text).join('\n')).filter((w) => /^[a-z]{5,}$/.test(w))),
];
const absent = 'tariff quota embargo sanction blockade smuggling rental lawsuit merger strike'.split(' ');
const keyword = () => (rand() < 0.7 ? pick(pageWords) : pick(absent));
const term = () => (rand() < 0.4 ? pick(unique).name : keyword());
const list = (n: number) => Array.from({ length: n }, term);
const withRules: SignalCardInput[] = Array.from({ length: RULES }, (_, i) => {
  const card = unique[i % unique.length]!;
  return {
    id: `${card.id}-${i}`,
    name: card.name,
    aliases: card.aliases,
    signals: [
      {
        text: `signal ${i}`,
        rule: {
          all: [card.name, ...list(Math.floor(rand() * 2))],
          any: Array.from({ length: 1 + Math.floor(rand() * 2) }, () => list(2 + Math.floor(rand() * 4))),
          none: rand() < 0.3 ? list(1) : [],
          scope: rand() < 0.8 ? 'paragraph' : 'page',
        },
      },
    ],
  };
});
// The rules' card terms name the pack's cards: mentions are reported under those ids.
const rulesOnPackCards: SignalCardInput[] = [...unique.map((c) => ({ ...c, signals: [] })), ...withRules];

function median(f: () => unknown, runs = RUNS): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const a = performance.now();
    f();
    times.push(performance.now() - a);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

// The naive evaluation: for each rule, each paragraph, a RegExp per term (names and every inflection).
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const regexOf = (t: string) => {
  const card = unique.find((c) => c.name === t);
  const forms = card ? [card.name, ...card.aliases] : inflections(foldedWords(t).join(' '));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
};
function naive(text: string): number {
  const paragraphs = text.split('\n');
  let fired = 0;
  for (const card of withRules) {
    const rule = card.signals[0]!.rule!;
    const has = (unit: string, t: string) => regexOf(t).test(unit);
    const units = rule.scope === 'page' ? [text] : paragraphs;
    const hit = units.some(
      (u) =>
        rule.all.every((t) => has(u, t)) &&
        rule.any.every((g) => g.some((t) => has(u, t))) &&
        !rule.none.some((t) => has(u, t)),
    );
    if (hit) fired++;
  }
  return fired;
}

const compileMs = median(() => compileSignals(rulesOnPackCards), 5);
const compiled = compileSignals(rulesOnPackCards);
console.log(
  `${RULES} rules, ${compiled.labels.length} distinct terms, compiled in ${compileMs.toFixed(1)} ms (once per library)`,
);
for (const page of [...measured, stress]) {
  const mentions = scan(dictionary, page.text).map((m) => ({ cardId: m.id, start: m.start, end: m.end }));
  const input = { text: page.text, mentions };
  const hits = evaluateSignals(compiled, input);
  const ours = median(() => evaluateSignals(compiled, input));
  const floor = median(() => tokenise(page.text));
  const label = page === largest ? ' (largest page)' : page === longest ? ' (longest text)' : '';
  console.log(
    `\n${page.page}${label}: ${page.text.length.toLocaleString()} characters of text, ` +
      `${page.text.split('\n').length} paragraphs, ${mentions.length} mentions`,
  );
  const naiveFired = page === stress ? null : naive(page.text);
  console.log(`  signals fired: ${hits.length}${naiveFired === null ? '' : ` (naive evaluation: ${naiveFired})`}`);
  console.log(
    `  evaluate ${RULES} rules: ${ours.toFixed(2)} ms, median of ${RUNS} ${page === stress ? '(a scaling check, no target)' : `(target < ${TARGET_MS} ms: ${ours < TARGET_MS ? 'met' : 'MISSED'})`}`,
  );
  console.log(`  floor (tokenise the page): ${floor.toFixed(2)} ms; evaluate ÷ floor ${(ours / floor).toFixed(1)}×`);
  if (page !== stress) {
    const naiveMs = median(() => naive(page.text), 3);
    console.log(
      `  naive (a RegExp per term, paragraph and rule): ${naiveMs.toFixed(1)} ms; naive ÷ evaluate ${(naiveMs / ours).toFixed(1)}×`,
    );
  }
}
console.log(
  '\nThe naive evaluation may fire more: it reads a card name as a plain word ("Target", the "May" of "Theresa May")\n' +
    "where the engine's case and context rules link no mention.",
);
