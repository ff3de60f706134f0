import { describe, expect, it } from 'vitest';
import { countryCode } from './country-code';

describe('countryCode', () => {
  it("is the card's own code, else its English name's, for country cards only", () => {
    expect(countryCode({ kind: 'country', name: 'China', aliases: [], iso: 'CHN' })).toBe('CHN');
    expect(countryCode({ kind: 'country', name: 'United Kingdom', aliases: [] })).toBe('GB');
    expect(countryCode({ kind: 'country', name: 'Blighty', aliases: ['Britain', 'United Kingdom'] })).toBe('GB');
    expect(countryCode({ kind: 'company', name: 'Jordan', aliases: [] })).toBeUndefined();
    expect(countryCode({ kind: 'country', name: 'Atlantis', aliases: [] })).toBeUndefined();
  });
});
