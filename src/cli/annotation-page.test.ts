import { describe, expect, it } from 'vitest';
import { toAnnotationPage } from './annotation-page';

describe('toAnnotationPage', () => {
  it('writes entities as identifying and topics as tagging, with quote and position selectors', () => {
    const text = 'The U.S. imposed sanctions.';
    const page = toAnnotationPage(
      text,
      [
        { id: 'us', start: 4, end: 8, match: 'alias', confidence: 0.95, matched: 'U.S.' },
        { id: 's', start: 17, end: 26, match: 'keyword', confidence: 1, matched: 'sanctions' },
      ],
      new Map([
        ['us', { name: 'United States', topic: false }],
        ['s', { name: 'Economic sanctions', topic: true }],
      ]),
    );
    expect(page['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(page.type).toBe('AnnotationPage');
    expect(page.items[0]).toEqual({
      type: 'Annotation',
      motivation: 'identifying',
      body: { type: 'TextualBody', purpose: 'identifying', value: 'United States' },
      target: {
        selector: [
          { type: 'TextQuoteSelector', exact: 'U.S.', prefix: 'The ', suffix: ' imposed sanctions.' },
          { type: 'TextPositionSelector', start: 4, end: 8 },
        ],
      },
    });
    expect(page.items[1]).toMatchObject({
      motivation: 'tagging',
      body: { purpose: 'tagging', value: 'Economic sanctions' },
    });
  });
});
