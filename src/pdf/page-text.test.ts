import { describe, expect, it } from 'vitest';
import { documentText, locatePoint, pageAt, pageText, type TextItem, textItems } from './page-text';

const line = (str: string, hasEOL = true): TextItem => ({ str, hasEOL });

/** The text of the items between two points, read back through the map (as the reader's ranges do). */
function spanned(items: TextItem[], start: number, end: number, text = pageText(items)): string {
  const a = locatePoint(text, start, false)!;
  const b = locatePoint(text, end, true)!;
  if (a.item === b.item) return items[a.item]!.str.slice(a.offset, b.offset);
  let out = items[a.item]!.str.slice(a.offset);
  for (let i = a.item + 1; i < b.item; i++) out += `|${items[i]!.str}`;
  return `${out}|${items[b.item]!.str.slice(0, b.offset)}`;
}

describe('pageText', () => {
  it('joins lines with a space', () => {
    const items = [line('the European'), line('Commission said')];
    expect(pageText(items).text).toBe('the European Commission said');
  });

  it('makes a word hyphenated across lines whole and maps it back to both lines', () => {
    const items = [line('the Semi-'), line('conductor Industry')];
    const text = pageText(items);
    expect(text.text).toBe('the Semiconductor Industry');
    const at = text.text.indexOf('Semiconductor');
    // The range on the text layer runs from "Semi" to "conductor", over the hyphen printed between them.
    expect(spanned(items, at, at + 'Semiconductor'.length, text)).toBe('Semi-|conductor');
  });

  it('keeps a real hyphen: before a capital, a digit, or a compound the page also writes whole', () => {
    expect(pageText([line('Franco-'), line('German talks')]).text).toBe('Franco-German talks');
    expect(pageText([line('COVID-'), line('19 cases')]).text).toBe('COVID-19 cases');
    expect(pageText([line('a state-'), line('owned bank and a state-owned mine')]).text).toBe(
      'a state-owned bank and a state-owned mine',
    );
  });

  it('drops a soft hyphen at a line end', () => {
    expect(pageText([line('Nvi\u00ad'), line('dia shares')]).text).toBe('Nvidia shares');
  });

  it('reads an empty item as a block end or a gap, never as text', () => {
    const items = [
      line('in the tens of thousands,', false),
      line(''),
      line('Gun control', false),
      line('', false),
      line('laws'),
    ];
    expect(pageText(items).text).toBe('in the tens of thousands,\nGun control laws');
  });

  it('maps every character of the text back to the same character of its item', () => {
    const items = [line('  Alpha beta-'), line('gamma', false), line(' Delta'), line('Epsilon')];
    const text = pageText(items);
    for (const piece of text.pieces) {
      expect(text.text.slice(piece.start, piece.start + piece.length)).toBe(
        items[piece.item]!.str.slice(piece.offset, piece.offset + piece.length),
      );
    }
    const at = text.text.indexOf('Delta');
    expect(spanned(items, at, text.text.length, text)).toBe('Delta|Epsilon');
  });

  it('keeps only the items that have text (marked-content markers are not spans)', () => {
    expect(textItems([{ type: 'beginMarkedContent' }, { str: 'a', hasEOL: true }, null, { str: 'b' }])).toEqual([
      line('a'),
      line('b', false),
    ]);
  });
});

describe('documentText', () => {
  it('joins pages and finds the page of any offset', () => {
    const doc = documentText(['one', '', 'three']);
    expect(doc.text).toBe('one\n\n\n\nthree');
    expect(doc.starts).toEqual([0, 5, 7]);
    expect(pageAt(doc, 0)).toBe(1);
    expect(pageAt(doc, 4)).toBe(1);
    expect(pageAt(doc, 7)).toBe(3);
    expect(pageAt(doc, 12)).toBe(3);
  });
});
