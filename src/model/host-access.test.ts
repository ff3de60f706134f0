import { describe, expect, it } from 'vitest';
import { sitePattern, typedSitePattern } from './host-access';

describe('sitePattern', () => {
  it('grants a page its own scheme and host, any path', () => {
    expect(sitePattern('https://news.example.com/a/b?c#d')).toBe('https://news.example.com/*');
    expect(sitePattern('http://127.0.0.1:8080/demo/')).toBe('http://127.0.0.1/*');
  });
  it('has no pattern for pages no host permission covers', () => {
    for (const url of ['file:///tmp/a.html', 'about:blank', 'moz-extension://x/y.html', 'not a url', undefined]) {
      expect(sitePattern(url)).toBeNull();
    }
  });
});

describe('typedSitePattern', () => {
  it('reads a host name or an address as the site over https unless a scheme is given', () => {
    expect(typedSitePattern(' example.org ')).toBe('https://example.org/*');
    expect(typedSitePattern('https://www.example.org/page')).toBe('https://www.example.org/*');
    expect(typedSitePattern('http://localhost:3000')).toBe('http://localhost/*');
  });
  it('refuses what is not one site', () => {
    for (const typed of ['', 'news', '*.example.org', 'ftp://example.org', 'exa mple.org']) {
      expect(typedSitePattern(typed)).toBeNull();
    }
  });
});
