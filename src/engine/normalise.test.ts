import { describe, expect, it } from 'vitest';
import { foldGap, foldWord } from './normalise';

describe('foldWord', () => {
  it('folds case, diacritics, compatibility forms and invisible characters', () => {
    expect(foldWord('Zürich')).toBe('zurich');
    expect(foldWord('Whangārei')).toBe('whangarei');
    expect(foldWord('Netan\u00ADyahu')).toBe('netanyahu');
    expect(foldWord('ＡＢＣ')).toBe('abc');
    expect(foldWord('Straße')).toBe('strasse');
  });
  it('keeps the marks of scripts where they make the word', () => {
    expect(foldWord('が')).toBe('が');
  });
});

describe('foldGap', () => {
  it('drops white space and dashes, unifies apostrophes and quotes', () => {
    expect(foldGap(' \u00A0\n')).toBe('');
    expect(foldGap('\u2014')).toBe('');
    expect(foldGap('\u2019')).toBe("'");
    expect(foldGap('. ')).toBe('.');
  });
});
