import { describe, expect, it } from 'vitest';
import { factsOf, unobserved } from './http-facts';

describe('factsOf', () => {
  it('gives the final URL, the redirect chain and the final response Date', () => {
    const facts = factsOf(
      [
        { url: 'http://a.example/s', status: 301, date: 'Mon, 07 Dec 2026 10:00:00 GMT' },
        { url: 'https://a.example/s', status: 302, date: null },
        { url: 'https://a.example/story', status: 200, date: 'Mon, 07 Dec 2026 10:00:01 GMT' },
      ],
      'https://a.example/story#top',
    );
    expect(facts).toEqual({
      finalUrl: { available: true, value: 'https://a.example/story' },
      redirects: { available: true, value: ['301 http://a.example/s', '302 https://a.example/s'] },
      httpDate: { available: true, value: 'Mon, 07 Dec 2026 10:00:01 GMT' },
      status: { available: true, value: 200 },
    });
  });

  it('claims nothing for a navigation that is not the page the tab shows, or a response without Date', () => {
    expect(
      factsOf([{ url: 'https://a.example/other', status: 200, date: null }], 'https://a.example/story'),
    ).toBeNull();
    expect(factsOf(null, 'https://a.example/story')).toBeNull();
    const noDate = factsOf([{ url: 'https://a.example/story', status: 200, date: null }], 'https://a.example/story');
    expect(noDate?.httpDate).toEqual({ available: false, reason: 'the response had no Date header' });
    expect(unobserved(false).httpDate).toMatchObject({ available: false, reason: expect.stringMatching(/webRequest/) });
  });
});
