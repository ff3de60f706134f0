import { describe, expect, it } from 'vitest';
import { tokenise } from './tokenise';

describe('tokenise', () => {
  it('keeps offsets into the original text across soft hyphens', () => {
    const text = 'Vladi\u00ADmir Putin’s';
    const t = tokenise(text);
    expect(t.norm).toEqual(['vladimir', 'putin', 's']);
    expect(text.slice(t.start[0], t.end[0])).toBe('Vladi\u00ADmir');
  });
  it('splits scripts without spaces into characters and Latin words off them', () => {
    expect(tokenise('Appleは中国').norm).toEqual(['apple', 'は', '中', '国']);
  });
  it('splits on dashes and dots', () => {
    expect(tokenise('U.S.-led').norm).toEqual(['u', 's', 'led']);
  });
});
