/** A mention as the corpus scores it: card name, quote and the text around it. */
export interface ScoredMention {
  entity: string;
  quote: string;
  prefix: string;
  suffix: string;
  optional?: boolean;
  /** On a prediction: it was linked as a near-miss spelling. */
  fuzzy?: boolean;
}

/** Outcome of scoring one page. */
export interface PageScore {
  truePositives: number;
  falsePositives: ScoredMention[];
  falseNegatives: ScoredMention[];
  /** Predictions that matched an optional gold mention: neither right nor wrong. */
  optionalHits: number;
  /** Predictions linked as near-miss spellings that matched a required gold mention, and those that matched none. */
  fuzzy: { right: number; wrong: number };
}

const CONTEXT = 8;
// Soft hyphens (U+00AD) are invisible: a page printed to PDF shows none of them where its HTML has some.
const squash = (s: string) => s.replace(/[\s\u00ad]+/g, '');

/** Whether two bits of context agree on their CONTEXT characters nearest the quote (white space ignored). */
function sameContext(a: string, b: string, side: 'before' | 'after'): boolean {
  const x = squash(a);
  const y = squash(b);
  const cut = (s: string) => (side === 'before' ? s.slice(-CONTEXT) : s.slice(0, CONTEXT));
  const cx = cut(x);
  const cy = cut(y);
  if (cx.length === CONTEXT && cy.length === CONTEXT) return cx === cy;
  // Near the start or end of the text one side is shorter: the shorter must agree with the longer.
  return side === 'before' ? cx.endsWith(cy) || cy.endsWith(cx) : cx.startsWith(cy) || cy.startsWith(cx);
}

/** Whether a predicted mention is the gold one, by the corpus README's rule. */
export function sameMention(predicted: ScoredMention, gold: ScoredMention): boolean {
  if (predicted.entity !== gold.entity) return false;
  if (squash(predicted.quote).toLowerCase() !== squash(gold.quote).toLowerCase()) return false;
  return sameContext(predicted.prefix, gold.prefix, 'before') || sameContext(predicted.suffix, gold.suffix, 'after');
}

/** Scores one page's predictions against its gold mentions; each gold mention matches at most one prediction. */
export function scorePage(predicted: readonly ScoredMention[], gold: readonly ScoredMention[]): PageScore {
  const used = new Array<boolean>(gold.length).fill(false);
  const score: PageScore = {
    truePositives: 0,
    falsePositives: [],
    falseNegatives: [],
    optionalHits: 0,
    fuzzy: { right: 0, wrong: 0 },
  };
  for (const p of predicted) {
    // Prefer a required gold mention over an optional one when both fit.
    let hit = -1;
    for (let g = 0; g < gold.length; g++) {
      if (used[g] || !sameMention(p, gold[g]!)) continue;
      if (hit < 0 || (gold[hit]!.optional && !gold[g]!.optional)) hit = g;
    }
    if (hit < 0) {
      score.falsePositives.push(p);
      if (p.fuzzy) score.fuzzy.wrong++;
    } else {
      used[hit] = true;
      if (gold[hit]!.optional) score.optionalHits++;
      else {
        score.truePositives++;
        if (p.fuzzy) score.fuzzy.right++;
      }
    }
  }
  gold.forEach((g, i) => {
    if (!used[i] && !g.optional) score.falseNegatives.push(g);
  });
  return score;
}

/** Micro-averaged scores over pages, with the counts they come from. */
export interface MicroScores {
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Precision of the near-miss links alone (1 when there were none), and how many there were. */
  fuzzyPrecision: number;
  fuzzyLinks: number;
}

/** Micro-averaged precision, recall and F1 over pages. */
export function microScores(pages: readonly PageScore[]): MicroScores {
  const tp = pages.reduce((s, p) => s + p.truePositives, 0);
  const fp = pages.reduce((s, p) => s + p.falsePositives.length, 0);
  const fn = pages.reduce((s, p) => s + p.falseNegatives.length, 0);
  const fuzzyRight = pages.reduce((s, p) => s + p.fuzzy.right, 0);
  const fuzzyWrong = pages.reduce((s, p) => s + p.fuzzy.wrong, 0);
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    precision,
    recall,
    f1,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    fuzzyPrecision: fuzzyRight + fuzzyWrong === 0 ? 1 : fuzzyRight / (fuzzyRight + fuzzyWrong),
    fuzzyLinks: fuzzyRight + fuzzyWrong,
  };
}

/** The scored form of a span of text: its quote and 32 characters either side. */
export function mentionAt(text: string, entity: string, start: number, end: number): ScoredMention {
  return {
    entity,
    quote: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - 32), start),
    suffix: text.slice(end, end + 32),
  };
}
