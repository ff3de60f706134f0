import { describe, expect, it } from 'vitest';
import { foldedWords, tokenise } from './tokenise';

describe('tokenise', () => {
  it('keeps offsets into the original text across soft hyphens', () => {
    const text = 'Vladi\u00ADmir Putin’s';
    const t = tokenise(text);
    expect(foldedWords(text)).toEqual(['vladimir', 'putin', 's']);
    expect(text.slice(t.start[0], t.end[0])).toBe('Vladi\u00ADmir');
  });
  it('splits scripts without spaces into characters and Latin words off them', () => {
    expect(foldedWords('Appleは中国')).toEqual(['apple', 'は', '中', '国']);
  });
  it('splits on dashes and dots', () => {
    expect(foldedWords('U.S.-led')).toEqual(['u', 's', 'led']);
  });
  it('has room for a word per character', () => {
    const t = tokenise('澳大利亚');
    expect(t.count).toBe(4);
    expect(Array.from(t.end.subarray(0, t.count))).toEqual([1, 2, 3, 4]);
    expect(foldedWords('a b c d e')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
