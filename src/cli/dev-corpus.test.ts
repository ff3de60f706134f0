import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { missingShared, skipWithoutShared } from '../../scripts/needs-shared';
import { type CorpusSplit, readCorpus } from './corpus';
import { evaluateBaseline, evaluateEngine, splitScores } from './evaluate';
import { readPack } from './load-pack';

const root = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const present = existsSync(`${root}dev`) && existsSync(`${root}pack.csv`);
const skip = skipWithoutShared(present, 'the dev-corpus accuracy test');

/*
 * The engine's measured counts per split (npm run eval). The gate is one mention's worth below them: one more
 * wrong link (precision ≥ tp / (tp + fp + 1)) or one more miss (recall ≥ (tp − 1) / required) fails it.
 * Update these when a change moves the figures, and say why in the commit.
 */
const MEASURED: Record<CorpusSplit, { pages: number; required: number; tp: number; fp: number }> = {
  tune: { pages: 12, required: 415, tp: 415, fp: 0 },
  'held-out': { pages: 6, required: 187, tp: 187, fp: 0 },
};

describe.skipIf(skip)('accuracy on the dev corpus', () => {
  it('has the dev corpus and its pack', () => {
    expect(present, missingShared('The dev-corpus accuracy test')).toBe(true);
  });
  const pages = present ? readCorpus(`${root}dev`) : [];
  const pack = present ? readPack(`${root}pack.csv`) : undefined;
  const engine = present ? evaluateEngine(pages, pack!) : undefined;
  for (const split of ['tune', 'held-out'] as const) {
    const m = MEASURED[split];
    const precision = m.tp / (m.tp + m.fp + 1);
    const recall = (m.tp - 1) / m.required;
    it(`${split} pages: precision ≥ ${precision.toFixed(4)} and recall ≥ ${recall.toFixed(4)} (measured less one mention)`, () => {
      const e = splitScores(engine!, split);
      expect(pages.filter((p) => p.split === split)).toHaveLength(m.pages);
      expect(e.truePositives + e.falseNegatives).toBe(m.required);
      expect(e.precision).toBeGreaterThanOrEqual(precision);
      expect(e.recall).toBeGreaterThanOrEqual(recall);
    });
  }
  it('reproduces the README figures for the plain matcher (a check of the scorer)', () => {
    const ci = evaluateBaseline(pages, pack!, true);
    expect([ci.precision.toFixed(3), ci.recall.toFixed(3)]).toEqual(['0.936', '0.975']);
    const cs = evaluateBaseline(pages, pack!, false);
    expect([cs.precision.toFixed(3), cs.recall.toFixed(3)]).toEqual(['0.991', '0.945']);
  });
});
