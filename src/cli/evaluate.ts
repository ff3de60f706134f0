import { compileDictionary, scan } from '../engine';
import { toEntry } from '../model/card';
import type { Pack } from '../model/pack';
import { plainMatcher } from './baseline';
import type { CorpusPage } from './corpus';
import { mentionAt, microScores, type PageScore, scorePage } from './score';

/** Scores of one matcher over a corpus. */
export interface Evaluation {
  pages: { page: string; score: PageScore }[];
  precision: number;
  recall: number;
  f1: number;
}

function evaluate(
  pages: readonly CorpusPage[],
  find: (text: string) => { entity: string; start: number; end: number }[],
) {
  const scored = pages.map((p) => {
    const predicted = find(p.text).map((s) => mentionAt(p.text, s.entity, s.start, s.end));
    return { page: p.page, score: scorePage(predicted, p.gold) };
  });
  return { pages: scored, ...microScores(scored.map((s) => s.score)) };
}

/** The engine's scores on a corpus with a pack. */
export function evaluateEngine(pages: readonly CorpusPage[], pack: Pack): Evaluation {
  const dict = compileDictionary(pack.cards.map(toEntry));
  const names = new Map(pack.cards.map((c) => [c.id, c.name]));
  return evaluate(pages, (text) =>
    scan(dict, text).map((m) => ({ entity: names.get(m.id) ?? m.id, start: m.start, end: m.end })),
  );
}

/** The plain case-insensitive exact-alias matcher's scores, for comparison. */
export function evaluateBaseline(pages: readonly CorpusPage[], pack: Pack, ignoreCase = true): Evaluation {
  return evaluate(pages, plainMatcher(pack.cards, ignoreCase));
}
