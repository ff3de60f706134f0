import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CardSchema } from './card';

describe('CardSchema iso', () => {
  const base = { id: 'china', name: 'China', kind: 'country' };
  it('keeps cards without a code valid, and reads a code in upper case', () => {
    expect(v.parse(CardSchema, base).iso).toBeUndefined();
    expect(v.parse(CardSchema, { ...base, iso: ' cn ' }).iso).toBe('CN');
    expect(v.parse(CardSchema, { ...base, iso: 'CHN' }).iso).toBe('CHN');
  });
  it('refuses what is not a code', () => {
    expect(v.safeParse(CardSchema, { ...base, iso: 'China' }).success).toBe(false);
    expect(v.safeParse(CardSchema, { ...base, iso: '156' }).success).toBe(false);
  });
});
