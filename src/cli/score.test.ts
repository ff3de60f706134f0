import { describe, expect, it } from 'vitest';
import { mentionAt, microScores, sameMention, scorePage } from './score';

const gold = { entity: 'Iran', quote: 'Iran', prefix: 'two issues — ', suffix: '’s nuclear program', optional: false };

describe('score', () => {
  it('matches on entity, quote (case and white space aside) and 8 characters of context on one side', () => {
    expect(sameMention({ entity: 'Iran', quote: 'IRAN', prefix: 'issues —\n', suffix: 'xx' }, gold)).toBe(true);
    expect(sameMention({ entity: 'Iran', quote: 'Iran', prefix: 'other text', suffix: '’s nuclear' }, gold)).toBe(true);
    expect(sameMention({ entity: 'Iran', quote: 'Iran', prefix: 'other text', suffix: ' and more' }, gold)).toBe(false);
    expect(sameMention({ ...gold, entity: 'Iraq' }, gold)).toBe(false);
  });
  it('counts each gold mention once and ignores optional ones', () => {
    const text = 'two issues — Iran’s nuclear program';
    const p = mentionAt(text, 'Iran', 13, 17);
    const page = scorePage([p, p], [gold, { ...gold, entity: 'X', optional: true }]);
    expect(page.truePositives).toBe(1);
    expect(page.falsePositives).toHaveLength(1);
    expect(page.falseNegatives).toHaveLength(0);
    expect(microScores([page])).toMatchObject({ precision: 0.5, recall: 1 });
  });
});
