import search from 'approx-string-match';
import fc from 'fast-check';
import { expect, describe as group, it } from 'vitest';
import { anchor, selectorsOf, substringErrors } from './quote';

const ARTICLE = [
  'Nvidia said on Tuesday that export controls would cut its sales in China.',
  'The Commerce Department tightened the rules in October, and Nvidia responded with new chips.',
  'Analysts expect export controls to widen next year, covering more data center equipment.',
].join('\n');

function spanOf(text: string, quote: string, from = 0) {
  const start = text.indexOf(quote, from);
  if (start < 0) throw new Error(`no ${quote}`);
  return { start, end: start + quote.length };
}

group('anchoring a quote', () => {
  it('describes a span with its quote, context and position', () => {
    const [quote, position] = selectorsOf(ARTICLE, spanOf(ARTICLE, 'tightened the rules'));
    expect(quote.exact).toBe('tightened the rules');
    expect(quote.prefix).toBe(ARTICLE.slice(position.start - 32, position.start));
    expect(quote.suffix).toBe(' in October, and Nvidia responde');
    expect(ARTICLE.slice(position.start, position.end)).toBe('tightened the rules');
  });

  it('finds an unchanged page at the recorded position', () => {
    const selectors = selectorsOf(ARTICLE, spanOf(ARTICLE, 'new chips'));
    expect(anchor(ARTICLE, selectors)).toEqual({ start: selectors[1].start, end: selectors[1].end, score: 1 });
  });

  it('follows the text when a paragraph is inserted before it', () => {
    const selectors = selectorsOf(ARTICLE, spanOf(ARTICLE, 'tightened the rules in October'));
    const changed = `An editor's note added at the top of the article.\n${ARTICLE}`;
    const found = anchor(changed, selectors);
    expect(found && changed.slice(found.start, found.end)).toBe('tightened the rules in October');
  });

  it('tells repeated quotes apart by their context', () => {
    const second = spanOf(ARTICLE, 'export controls', spanOf(ARTICLE, 'export controls').end);
    const selectors = selectorsOf(ARTICLE, second);
    const changed = `Breaking.\n${ARTICLE}`;
    const found = anchor(changed, selectors);
    expect(found?.start).toBe(changed.lastIndexOf('export controls'));
  });

  it('anchors approximately when the quote was edited a little', () => {
    const selectors = selectorsOf(ARTICLE, spanOf(ARTICLE, 'The Commerce Department tightened the rules in October'));
    const changed = ARTICLE.replace('tightened the rules', 'tightened its rules');
    const found = anchor(changed, selectors);
    expect(found && changed.slice(found.start, found.end)).toContain('tightened its rules in October');
    expect(found!.score).toBeLessThan(1);
  });

  it('finds an edited quote by its context, or anywhere when its ends and context changed too', () => {
    const quote = 'tightened the rules in October, and Nvidia responded';
    const selectors = selectorsOf(ARTICLE, spanOf(ARTICLE, quote));
    // Both ends of the quote edited, the context kept.
    const ends = ARTICLE.replace(quote, 'Tightened the rules in October, and Nvidia answered');
    const byContext = anchor(ends, selectors);
    expect(byContext && ends.slice(byContext.start, byContext.end)).toMatch(
      /ightened the rules in October, and Nvidia/,
    );
    // The context edited as well: found by a search of the whole text.
    const all = `Intro.\n${ARTICLE.replace(
      'The Commerce Department tightened',
      'Washington’s Commerce Department tightened',
    ).replace(', and Nvidia responded with new chips.', ', and Nvidia responded at once with chips.')}`;
    const anywhere = anchor(all, selectors);
    expect(anywhere && all.slice(anywhere.start, anywhere.end)).toMatch(
      /tightened the rules in October, and Nvidia respond/,
    );
  });

  it('leaves an annotation whose text is gone as an orphan', () => {
    const selectors = selectorsOf(ARTICLE, spanOf(ARTICLE, 'covering more data center equipment'));
    const changed = ARTICLE.replace('covering more data center equipment', 'as the spokesman said on Friday');
    expect(anchor(changed, selectors)).toBeNull();
    expect(anchor('', selectors)).toBeNull();
  });

  it('does not place a short quote approximately', () => {
    const selectors = selectorsOf(ARTICLE, spanOf(ARTICLE, 'chips'));
    expect(anchor(ARTICLE.replace('chips', 'chops'), selectors)).toBeNull();
  });

  it('scores context by the fewest edits to any part of the text, as approx-string-match does', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ minLength: 1, maxLength: 32 }), (text, wanted) => {
        const best = search(text, wanted, wanted.length).reduce((min, m) => Math.min(min, m.errors), wanted.length);
        expect(substringErrors(text, wanted)).toBe(best);
      }),
    );
  });

  it('always anchors an exact quote on its own text, wherever other text is inserted', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 20, maxLength: 300 }),
        fc.nat(),
        fc.nat(),
        fc.string({ maxLength: 50 }),
        fc.nat(),
        (text, a, b, inserted, at) => {
          const start = a % (text.length - 1);
          const end = start + 1 + (b % Math.min(40, text.length - start));
          const selectors = selectorsOf(text, { start, end });
          const place = at % (text.length + 1);
          // Insert outside the quote: the quote's own characters are still on the page.
          const where = place > start && place < end ? start : place;
          const changed = text.slice(0, where) + inserted + text.slice(where);
          const found = anchor(changed, selectors);
          expect(found).not.toBeNull();
          expect(changed.slice(found!.start, found!.end)).toBe(text.slice(start, end));
        },
      ),
    );
  });
});
