import { describe, expect, it } from 'vitest';
import { locateQuote, locateQuotes } from './locate';

const quote = (text: string, exact: string, from = 0) => {
  const start = text.indexOf(exact, from);
  return {
    exact,
    start,
    prefix: text.slice(Math.max(0, start - 32), start),
    suffix: text.slice(start + exact.length, start + exact.length + 32),
  };
};

describe('finding a clip’s mentions in its rendered text', () => {
  const stored = 'Japan said. Officials in Japan are examining whether Nvidia chips reached China, Japan said.';

  it('finds a quote where its offsets say when the text is the same', () => {
    const q = quote(stored, 'Japan', 20);
    expect(locateQuote(stored, q)).toEqual({ start: 25, end: 30 });
  });

  it('finds each quote after the text drifted, by its context', () => {
    const rendered = `\n\n  ${stored.replace('Officials in', 'Officials    in').replace('examining', 'now examining')}`;
    const quotes = [
      quote(stored, 'China'),
      quote(stored, 'Japan', 20),
      quote(stored, 'Nvidia'),
      quote(stored, 'Japan', 60),
    ];
    const spans = locateQuotes(rendered, quotes);
    expect(spans.map((s) => (s ? rendered.slice(s.start, s.end) : null))).toEqual([
      'China',
      'Japan',
      'Nvidia',
      'Japan',
    ]);
    expect(spans[1]!.start).toBe(rendered.indexOf('Japan are'));
    expect(spans[3]!.start).toBe(rendered.lastIndexOf('Japan'));
    expect(spans[0]!.start).toBe(rendered.indexOf('China'));
  });

  it('gives null for a quote that is gone, and drops overlapping ones', () => {
    const text = 'Nvidia Corporation said';
    expect(locateQuote(text, { exact: 'Taiwan', prefix: '', suffix: '', start: 0 })).toBeNull();
    const spans = locateQuotes(text, [
      { exact: 'Nvidia Corporation', prefix: '', suffix: ' said', start: 0 },
      { exact: 'Nvidia', prefix: '', suffix: ' Corporation', start: 0 },
    ]);
    expect(spans.filter(Boolean)).toHaveLength(1);
  });
});
