import { describe, expect, it } from 'vitest';
import { pageUrlOf } from './page-url';

const READER = 'chrome-extension://abc/pdf.html';

describe('pageUrlOf', () => {
  it('is the PDF’s address for the reader, the tab’s own address for any other page', () => {
    const pdf = 'https://reports.example/a b.pdf?x=1';
    expect(pageUrlOf(`${READER}?file=${encodeURIComponent(pdf)}`, READER)).toBe(pdf);
    expect(pageUrlOf(`${READER}?file=${encodeURIComponent('file:///tmp/r.pdf')}`, READER)).toBe('file:///tmp/r.pdf');
    expect(pageUrlOf('https://news.example/story', READER)).toBe('https://news.example/story');
    expect(pageUrlOf(undefined, READER)).toBeUndefined();
  });

  it('is no address for a kept copy, a dropped file, or a file parameter that is not a page’s address', () => {
    expect(pageUrlOf(`${READER}?clip=0123456789abcdef`, READER)).toBeUndefined();
    expect(pageUrlOf(READER, READER)).toBeUndefined();
    expect(pageUrlOf(`${READER}?file=${encodeURIComponent('javascript:alert(1)')}`, READER)).toBeUndefined();
    expect(pageUrlOf(`${READER}?file=${encodeURIComponent('chrome-extension://abc/x.pdf')}`, READER)).toBeUndefined();
    expect(pageUrlOf(`${READER}?file=not%20a%20url`, READER)).toBeUndefined();
  });
});
