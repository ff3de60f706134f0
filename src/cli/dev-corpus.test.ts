import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCorpus } from './corpus';
import { evaluateBaseline, evaluateEngine } from './evaluate';
import { readPack } from './load-pack';

const root = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const present = existsSync(`${root}dev`) && existsSync(`${root}pack.csv`);
if (!present) console.warn(`dev-corpus accuracy test skipped: no corpus at ${root} (../shared/corpus)`);

describe.skipIf(!present)('accuracy on the dev corpus', () => {
  const pages = present ? readCorpus(`${root}dev`) : [];
  const pack = present ? readPack(`${root}pack.csv`) : undefined;
  it('reaches precision ≥ 0.98 and recall ≥ 0.97', () => {
    const e = evaluateEngine(pages, pack!);
    expect(e.precision).toBeGreaterThanOrEqual(0.98);
    expect(e.recall).toBeGreaterThanOrEqual(0.97);
  });
  it('reproduces the README figures for the plain matcher (a check of the scorer)', () => {
    const ci = evaluateBaseline(pages, pack!, true);
    expect([ci.precision.toFixed(3), ci.recall.toFixed(3)]).toEqual(['0.936', '0.975']);
    const cs = evaluateBaseline(pages, pack!, false);
    expect([cs.precision.toFixed(3), cs.recall.toFixed(3)]).toEqual(['0.991', '0.945']);
  });
});
