import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileDictionary } from './compile';
import { foldWord } from './normalise';
import { scan } from './scan';
import type { DictionaryEntry } from './types';

const word = fc.oneof(
  fc.constantFrom(
    'US',
    'U.S.',
    'Nvidia',
    'Apple',
    'China',
    '中国',
    'bin',
    'Laden',
    'Zürich',
    'export',
    'controls',
    'May',
  ),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
);
const entries = fc.array(
  fc.record({
    name: fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
    aliases: fc.array(
      fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
      { maxLength: 3 },
    ),
    topic: fc.boolean(),
  }),
  { maxLength: 12 },
);
const text = fc
  .array(fc.oneof(word, fc.constantFrom(' ', '\n', '’s ', '-', '. ', '\u00AD', '\u200B', ', ')), { maxLength: 60 })
  .map((parts) => parts.join(''));

describe('scan (properties)', () => {
  it('never throws; matches are in bounds, ordered, non-overlapping and on text naming the card', () => {
    fc.assert(
      fc.property(entries, text, (raw, page) => {
        const list: DictionaryEntry[] = raw.map((e, i) => ({ id: `c${i}`, ...e }));
        const matches = scan(compileDictionary(list), page);
        let reach = 0;
        for (const m of matches) {
          expect(m.start).toBeGreaterThanOrEqual(reach);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.end).toBeLessThanOrEqual(page.length);
          expect(m.confidence).toBeGreaterThan(0);
          expect(m.confidence).toBeLessThanOrEqual(1);
          reach = m.end;
          const span = page.slice(m.start, m.end);
          // The span starts on a letter or digit of the text, and for exact matches holds the first word of the form.
          expect(span).toMatch(/^[\p{L}\p{N}]/u);
          if (m.match === 'exact' || m.match === 'alias') {
            const first = foldWord(m.matched.match(/[\p{L}\p{N}]/u)?.[0] ?? '');
            expect(foldWord(span)).toContain(first);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
