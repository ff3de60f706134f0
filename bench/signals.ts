// Watch signals: 500 rules evaluated on the largest corpus page, against a straightforward evaluation given
// the same mentions (card terms read from them, one RegExp per keyword term built once) and the floor of
// tokenising the page, all measured in this run, alternating.
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
import { alternate, ms, ratio, spread } from './measure';
import { random } from './synthetic';

const RULES = 500;
const TARGET_MS = 20;
const RUNS = 25;
const WARMUP = 5;

const corpus = process.argv[2] ?? fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const pages = readCorpus(join(corpus, 'dev'));
// The largest page (by its HTML, as the other benchmarks count it) and the one with the longest text.
const htmlSize = (name: string) => statSync(join(corpus, 'dev', name, 'article.html')).size;
const largest = pages.reduce((a, b) => (htmlSize(b.page) > htmlSize(a.page) ? b : a));
const longest = pages.reduce((a, b) => (b.text.length > a.text.length ? b : a));
const measured = [...new Set([largest, longest])];
// And how it scales: every page's text, five times over (about 0.5 MB).
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

// The straightforward evaluation, prepared once as the rules are compiled once: card terms answered from the
// same mentions the engine is handed, each distinct keyword term one word-bounded RegExp of its inflections
// (made here, outside the timing, as compileSignals is). Per page: the paragraphs, the cards mentioned in
// each, then each rule tested on each unit (a paragraph, or the page) until it fires, a term's presence in a
// unit remembered once tested; and the evidence the engine also gives: the sentence of the rule's unit (of the
// three paragraphs holding most of its groups, for a page-wide rule) with the most of its groups.
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const keyOf = (value: string) => foldedWords(value).join(' ');
const cardOfKey = new Map<string, string>();
for (const card of rulesOnPackCards) {
  for (const value of [card.id, card.name, ...card.aliases]) {
    const key = keyOf(value);
    if (key && !cardOfKey.has(key)) cardOfKey.set(key, card.id);
  }
}
type Term = { label: string; cardId: string } | { label: string; pattern: RegExp };
const terms = new Map<string, Term>();
const termOf = (label: string): Term => {
  const key = keyOf(label);
  let term = terms.get(key);
  if (term) return term;
  const cardId = cardOfKey.get(key);
  if (cardId !== undefined) term = { label, cardId };
  else {
    const words = key.split(' ');
    const forms = inflections(words.at(-1)!).map((last) =>
      [...words.slice(0, -1), last].map(escapeRegExp).join('[\\s-]+'),
    );
    term = { label, pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.join('|')})(?![\\p{L}\\p{N}])`, 'iu') };
  }
  terms.set(key, term);
  return term;
};
const plainRules = withRules.map((card) => {
  const rule = card.signals[0]!.rule!;
  return {
    cardId: card.id,
    scope: rule.scope,
    all: rule.all.map(termOf),
    any: rule.any.map((group) => group.map(termOf)),
    none: rule.none.map(termOf),
  };
});
const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

interface Unit {
  start: number;
  end: number;
  text: string;
  cards: Set<string>;
  known: Map<Term, boolean>;
}
function straightforward(text: string, mentions: readonly { cardId: string; start: number; end: number }[]) {
  const paragraphs: Unit[] = [];
  for (let start = 0; start <= text.length; ) {
    const next = text.indexOf('\n', start);
    const end = next === -1 ? text.length : next;
    paragraphs.push({ start, end, text: text.slice(start, end), cards: new Set(), known: new Map() });
    start = end + 1;
  }
  let p = 0;
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    while (paragraphs[p]!.end < m.start) p++;
    paragraphs[p]!.cards.add(m.cardId);
  }
  const page: Unit = {
    start: 0,
    end: text.length,
    text,
    cards: new Set(mentions.map((m) => m.cardId)),
    known: new Map(),
  };
  const has = (unit: Unit, term: Term): boolean => {
    let found = unit.known.get(term);
    if (found === undefined) {
      found = 'cardId' in term ? unit.cards.has(term.cardId) : term.pattern.test(unit.text);
      unit.known.set(term, found);
    }
    return found;
  };
  const hits: Array<{ cardId: string; evidence: string }> = [];
  for (const rule of plainRules) {
    const groups = [...rule.all.map((t) => [t]), ...rule.any];
    const score = (unit: Unit) => groups.filter((g) => g.some((t) => has(unit, t))).length;
    const fires = (unit: Unit) =>
      rule.all.every((t) => has(unit, t)) &&
      rule.any.every((g) => g.some((t) => has(unit, t))) &&
      !rule.none.some((t) => has(unit, t));
    let where: Unit[];
    if (rule.scope === 'page') {
      if (!fires(page)) continue;
      where = paragraphs
        .map((unit) => ({ unit, score: score(unit) }))
        .filter((x) => x.score > 0)
        .sort((a, b) => b.score - a.score || a.unit.start - b.unit.start)
        .slice(0, 3)
        .map((x) => x.unit);
    } else {
      const unit = paragraphs.find(fires);
      if (!unit) continue;
      where = [unit];
    }
    let best = { score: -1, sentence: '' };
    for (const unit of where) {
      const inUnit = mentions.filter((m) => m.start >= unit.start && m.end <= unit.end);
      for (const s of sentenceSegmenter.segment(unit.text)) {
        const start = unit.start + s.index;
        const end = start + s.segment.length;
        const sentence: Unit = {
          start,
          end,
          text: s.segment,
          cards: new Set(inUnit.filter((m) => m.start >= start && m.end <= end).map((m) => m.cardId)),
          known: new Map(),
        };
        const inside = score(sentence);
        if (inside > best.score) best = { score: inside, sentence: s.segment.trim().slice(0, 400) };
      }
    }
    hits.push({ cardId: rule.cardId, evidence: best.sentence });
  }
  return hits;
}

const compileMs = alternate({ compile: () => compileSignals(rulesOnPackCards) }, { runs: 5, warmup: 1 }).compile;
const compiled = compileSignals(rulesOnPackCards);
console.log(
  `${RULES} rules, ${compiled.labels.length} distinct terms, compiled in ${spread(compileMs)} (once per library)`,
);
console.log(`Medians of ${RUNS} runs after ${WARMUP} warm-ups, the three sides in alternating order; (quartiles).`);
for (const page of [...measured, stress]) {
  const mentions = scan(dictionary, page.text).map((m) => ({ cardId: m.id, start: m.start, end: m.end }));
  const input = { text: page.text, mentions };
  const hits = evaluateSignals(compiled, input);
  const plain = straightforward(page.text, mentions);
  const times = alternate(
    {
      evaluate: () => evaluateSignals(compiled, input),
      floor: () => tokenise(page.text),
      straightforward: () => straightforward(page.text, mentions),
    },
    { runs: RUNS, warmup: WARMUP },
  );
  const label = page === largest ? ' (largest page)' : page === longest ? ' (longest text)' : '';
  console.log(
    `\n${page.page}${label}: ${page.text.length.toLocaleString('en')} characters of text, ` +
      `${page.text.split('\n').length} paragraphs, ${mentions.length} mentions`,
  );
  const agree = hits.filter((h) => plain.some((p) => p.cardId === h.cardId)).length;
  console.log(
    `  signals fired: ${hits.length}; the straightforward evaluation: ${plain.length} (${agree} of them the same rules)`,
  );
  const target =
    page === stress
      ? '(a scaling check, no target)'
      : `(target < ${TARGET_MS} ms: ${times.evaluate.median < TARGET_MS ? 'met' : 'MISSED'})`;
  console.log(`  evaluate ${RULES} rules: ${spread(times.evaluate, (v) => ms(v, 2))} ${target}`);
  console.log(
    `  floor (tokenise the page): ${spread(times.floor, (v) => ms(v, 2))}; evaluate ÷ floor ${ratio(times.evaluate, times.floor)}`,
  );
  console.log(
    `  straightforward (RegExps built once, the same mentions): ${spread(times.straightforward, (v) => ms(v, 2))}; straightforward ÷ evaluate ${ratio(times.straightforward, times.evaluate)}`,
  );
}
console.log(
  "\nThe two may fire differently where a keyword's words are split by punctuation or a paragraph (the engine's\n" +
    'phrases stop there) or carry diacritics (the engine folds them).',
);
