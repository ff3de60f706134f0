import { describe, expect, it } from 'vitest';
import { isSafeLink, safeLink } from './safe-url';

describe('safeLink', () => {
  it('lets absolute http, https and mailto URLs through, as the URL parser writes them', () => {
    expect(safeLink('https://example.com/a?b=1#c')).toBe('https://example.com/a?b=1#c');
    expect(safeLink('HTTP://Example.COM')).toBe('http://example.com/');
    expect(safeLink('mailto:someone@example.com')).toBe('mailto:someone@example.com');
    expect(safeLink('https://例え.jp/パス')).toBe('https://xn--r8jz45g.jp/%E3%83%91%E3%82%B9');
    // What a browser reads the same way: written out the way it reads it.
    expect(safeLink('https://news.example/a (b)')).toBe('https://news.example/a%20(b)');
    expect(safeLink('https:/example.com')).toBe('https://example.com/');
  });

  it.each([
    ['javascript:alert(1)'],
    ['JavaScript:alert(1)'],
    ['javascript://example.com/%0aalert(1)'],
    [' javascript:alert(1)'],
    ['javascript:alert(1) '],
    ['java\tscript:alert(1)'],
    ['java\nscript:alert(1)'],
    ['java\rscript:alert(1)'],
    ['\u0000javascript:alert(1)'],
    ['\u0001https://example.com'],
    ['https://example.com/\u0000'],
    ['\u00a0https://example.com'],
    ['\ufeffhttps://example.com'],
    ['\u2028https://example.com'],
    ['https://example.com\u3000'],
    ['https://exa\u0085mple.com'],
    ['java script:alert(1)'],
    ['vbscript:msgbox(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['blob:https://example.com/0d1c2b3a'],
    ['file:///etc/passwd'],
    ['ftp://example.com/file'],
    ['chrome-extension://abcdef/page.html'],
    ['about:blank'],
    ['/relative/path'],
    ['relative/path'],
    ['//example.com/protocol-relative'],
    ['#fragment'],
    ['?query'],
    ['http://'],
    ['https://user:pass@example.com/'],
    ['https://example.com@evil.example/'],
    [''],
    [`https://example.com/${'a'.repeat(9000)}`],
  ])('refuses %j', (url) => {
    expect(safeLink(url)).toBeNull();
    expect(isSafeLink(url)).toBe(false);
  });

  it('refuses what is not a string', () => {
    for (const value of [null, undefined, 42, {}, ['https://example.com'], { toString: () => 'https://example.com' }]) {
      expect(safeLink(value)).toBeNull();
    }
  });
});
