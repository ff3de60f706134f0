import { describe, expect, it } from 'vitest';
import { siteOf, siteStatus } from './site-rules';

describe('site settings', () => {
  it('names a page by its host', () => {
    expect(siteOf('https://www.example.com/a?b')).toBe('www.example.com');
    expect(siteOf('file:///home/x.html')).toBe('file');
    expect(siteOf('chrome://version')).toBeNull();
    expect(siteOf(undefined)).toBeNull();
  });
  it('is off on a disabled site and everywhere when paused', () => {
    const settings = { paused: false, disabledSites: ['news.example'] };
    expect(siteStatus(settings, 'https://news.example/x').enabled).toBe(false);
    expect(siteStatus(settings, 'https://other.example/x')).toEqual({ enabled: true, reason: null });
    expect(siteStatus({ ...settings, paused: true }, 'https://other.example/x').reason).toMatch(/paused/);
  });
});
