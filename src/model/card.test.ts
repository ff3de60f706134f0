import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CardSchema, cardLimitError, jsonBytes, jsonBytesWithin, MAX_ALIASES, MAX_CARD_BYTES } from './card';

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

describe('card limits', () => {
  const base = { id: 'acme', name: 'Acme', kind: 'company' };
  const aliases = (n: number) => Array.from({ length: n }, (_, i) => `Alias ${i}`);

  it('holds 1,000 aliases and refuses one more, or 900,000, naming the field', () => {
    expect(v.safeParse(CardSchema, { ...base, aliases: aliases(MAX_ALIASES) }).success).toBe(true);
    for (const n of [MAX_ALIASES + 1, 900_000]) {
      const parsed = v.safeParse(CardSchema, { ...base, aliases: aliases(n) });
      expect(parsed.success).toBe(false);
      expect(parsed.issues?.[0]?.message).toBe('must hold at most 1,000 aliases');
      expect(v.getDotPath(parsed.issues![0]!)).toBe('aliases');
    }
  });

  it('refuses a card over 256 KB as UTF-8 JSON, counting bytes rather than characters', () => {
    // 60 sources of 1,000 three-byte characters: 60,000 characters, 180,000 bytes and more.
    const wide = Array.from({ length: 90 }, (_, i) => `${i} ${'中'.repeat(995)}`);
    expect(wide.join('').length).toBeLessThan(MAX_CARD_BYTES);
    const parsed = v.safeParse(CardSchema, { ...base, sources: wide });
    expect(parsed.success).toBe(false);
    expect(parsed.issues?.[0]?.message).toBe('a card must be at most 256 KB as UTF-8 JSON');
    expect(v.safeParse(CardSchema, { ...base, sources: wide.slice(0, 80) }).success).toBe(true);
    expect(jsonBytes({ ...base, sources: wide.slice(0, 80) })).toBeLessThanOrEqual(MAX_CARD_BYTES);
  });

  it('cardLimitError says which limit a typed card breaks', () => {
    const card = v.parse(CardSchema, base);
    expect(cardLimitError(card)).toBeNull();
    expect(cardLimitError({ ...card, aliases: aliases(900_000) })).toBe(
      'aliases: must hold at most 1,000 aliases, not 900,000',
    );
    expect(cardLimitError({ ...card, notes: 'x'.repeat(300 * 1024) } as typeof card)).toMatch(
      /^a card must be at most 256 KB as UTF-8 JSON, not 30\d KB$/,
    );
  });
});

describe('jsonBytesWithin', () => {
  it('agrees with the exact UTF-8 JSON size on either side of the limit', () => {
    const values = [
      { a: 'x'.repeat(100) },
      { a: '中'.repeat(100), b: ['\u0001'.repeat(50)] },
      { a: [{ b: 'é'.repeat(300) }], n: 12345.678 },
    ];
    for (const value of values) {
      const exact = jsonBytes(value);
      expect(jsonBytesWithin(value, exact)).toBe(true);
      expect(jsonBytesWithin(value, exact - 1)).toBe(false);
    }
  });
});
