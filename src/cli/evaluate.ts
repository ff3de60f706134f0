import { compileDictionary, scan } from '../engine';
import { type Card, toEntry } from '../model/card';
import type { Pack } from '../model/pack';
import { plainMatcher } from './baseline';
import type { CorpusPage, CorpusSplit } from './corpus';
import { type MicroScores, mentionAt, microScores, type PageScore, scorePage } from './score';

/** Scores of one matcher over a corpus. */
export interface Evaluation extends MicroScores {
  pages: { page: string; split: CorpusSplit; score: PageScore }[];
}

/** A span a matcher found: the card's name, where, and whether it was a near-miss spelling. */
interface Found {
  entity: string;
  start: number;
  end: number;
  fuzzy?: boolean;
}

function evaluate(pages: readonly CorpusPage[], find: (text: string) => Found[]): Evaluation {
  const scored = pages.map((p) => {
    const predicted = find(p.text).map((s) => ({ ...mentionAt(p.text, s.entity, s.start, s.end), fuzzy: s.fuzzy }));
    return { page: p.page, split: p.split, score: scorePage(predicted, p.gold) };
  });
  return { pages: scored, ...microScores(scored.map((s) => s.score)) };
}

/**
 * The engine's scores on a corpus with a pack, and optionally more cards in the same dictionary (a watchlist the
 * pages do not mention: each of its links is a false positive).
 */
export function evaluateEngine(pages: readonly CorpusPage[], pack: Pack, extra: readonly Card[] = []): Evaluation {
  const cards = extra.length ? [...pack.cards, ...extra] : pack.cards;
  const dict = compileDictionary(cards.map(toEntry));
  const names = new Map(cards.map((c) => [c.id, c.name]));
  return evaluate(pages, (text) =>
    scan(dict, text).map((m) => ({
      entity: names.get(m.id) ?? m.id,
      start: m.start,
      end: m.end,
      fuzzy: m.match === 'fuzzy',
    })),
  );
}

/** The plain case-insensitive exact-alias matcher's scores, for comparison. */
export function evaluateBaseline(pages: readonly CorpusPage[], pack: Pack, ignoreCase = true): Evaluation {
  return evaluate(pages, plainMatcher(pack.cards, ignoreCase));
}

/** The scores of one split, from an evaluation over the whole corpus. */
export function splitScores(e: Evaluation, split: CorpusSplit): MicroScores {
  return microScores(e.pages.filter((p) => p.split === split).map((p) => p.score));
}
