import { describe, expect, it } from 'vitest';
import { editDistance, isNearMiss } from './fuzzy';
import { buildDeleteIndex, lookupDeletes } from './fuzzy-index';

describe('fuzzy', () => {
  it('measures edits with transpositions', () => {
    expect(editDistance('nvida', 'nvidia')).toBe(1);
    expect(editDistance('nivdia', 'nvidia')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
  it('accepts misspellings but not derived words or short names', () => {
    expect(isNearMiss('nvida', 'nvidia')).toBe(true);
    expect(isNearMiss('tencen', 'tencent')).toBe(true);
    expect(isNearMiss('kenyan', 'kenya')).toBe(false);
    expect(isNearMiss('israeli', 'israel')).toBe(false);
    expect(isNearMiss('irn', 'iran')).toBe(false);
  });
  it('finds candidates through the delete index', () => {
    const index = buildDeleteIndex([
      [3, 'nvidia'],
      [7, 'tencent'],
    ]);
    const found: number[] = [];
    lookupDeletes(index, 'nvida', found);
    expect(found).toContain(3);
    expect(found).not.toContain(7);
  });
});
