import { describe, expect, it } from 'vitest';
import { inflections } from './inflect';

describe('inflections', () => {
  it('gives the inflected forms of a word', () => {
    expect(inflections('sanction')).toEqual(expect.arrayContaining(['sanctions', 'sanctioned', 'sanctioning']));
    expect(inflections('smuggling')).toEqual(expect.arrayContaining(['smuggle', 'smuggled', 'smuggles']));
    expect(inflections('control')).toEqual(expect.arrayContaining(['controls', 'controlled']));
  });
  it('does not give derived words of another meaning', () => {
    expect(inflections('robotics')).not.toContain('robot');
  });
});
