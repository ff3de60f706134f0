import { describe, expect, it } from 'vitest';
import { type Annotation, withNote } from './annotation';
import { parseAnnotations, toAnnotationCollection } from './annotation-io';

const note: Annotation = {
  id: 'urn:uuid:00000000-0000-4000-8000-000000000001',
  type: 'Annotation',
  motivation: 'commenting',
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-02T00:00:00.000Z',
  body: [{ type: 'TextualBody', value: 'Watch this.', format: 'text/plain', purpose: 'commenting' }],
  target: {
    source: 'https://news.example/story',
    selector: [
      { type: 'TextQuoteSelector', exact: 'export controls', prefix: 'the ', suffix: ' that' },
      { type: 'TextPositionSelector', start: 10, end: 25 },
    ],
  },
};

describe('annotation files', () => {
  it('round-trips a page’s annotations through a W3C AnnotationCollection', () => {
    const file = JSON.stringify(toAnnotationCollection('Notes', [note]));
    const parsed = JSON.parse(file);
    expect(parsed).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      total: 1,
    });
    expect(parsed.first.type).toBe('AnnotationPage');
    expect(parseAnnotations(file)).toEqual({ ok: true, value: { annotations: [note], skipped: 0 } });
  });

  it('keeps a PDF annotation’s page selector (the schema once dropped the third selector)', () => {
    const [quote, position] = note.target.selector;
    const onPdf: Annotation = {
      ...note,
      target: {
        source: 'urn:x-pdf:0123456789abcdef0123456789abcdef',
        selector: [
          quote,
          position,
          { type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: 'page=3' },
        ],
      },
    };
    const file = JSON.stringify(toAnnotationCollection('Notes', [onPdf]));
    expect(parseAnnotations(file)).toEqual({ ok: true, value: { annotations: [onPdf], skipped: 0 } });
    const extra = {
      ...onPdf,
      target: { ...onPdf.target, selector: [...onPdf.target.selector, note.target.selector[0]] },
    };
    expect(parseAnnotations(JSON.stringify(extra))).toMatchObject({ ok: false });
  });

  it('reads an AnnotationPage, a single annotation or a list', () => {
    for (const data of [{ type: 'AnnotationPage', items: [note] }, note, [note]]) {
      expect(parseAnnotations(JSON.stringify(data))).toEqual({ ok: true, value: { annotations: [note], skipped: 0 } });
    }
  });

  it('skips annotations that are not highlights or notes (a clip export’s mentions)', () => {
    const mention = { ...note, motivation: 'identifying', id: 'urn:uuid:00000000-0000-4000-8000-000000000002' };
    expect(parseAnnotations(JSON.stringify([mention, note]))).toEqual({
      ok: true,
      value: { annotations: [note], skipped: 1 },
    });
  });

  it('refuses a malformed file with its reason', () => {
    const html = { ...note, body: [{ ...note.body[0], format: 'text/html' }] };
    const cases: Array<[string, RegExp]> = [
      ['{', /not valid JSON/],
      ['"text"', /not an annotation file/],
      [JSON.stringify({ type: 'Thing' }), /not an annotation file/],
      [JSON.stringify([html]), /annotation 1: body\.0\.format/],
      [JSON.stringify([{ ...note, id: 'note-1' }]), /annotation 1: id/],
      [
        JSON.stringify([{ ...note, target: { ...note.target, source: 'javascript:alert(1)' } }]),
        /annotation 1: target\.source/,
      ],
      [JSON.stringify([{ ...note, extra: '<script>' }]), /annotation 1/],
      [
        JSON.stringify([
          {
            ...note,
            target: { ...note.target, selector: [note.target.selector[0], { ...note.target.selector[1], end: 99 }] },
          },
        ]),
        /does not span its quote/,
      ],
    ];
    for (const [text, reason] of cases) {
      const parsed = parseAnnotations(text);
      expect(parsed.ok, text).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(reason);
    }
  });

  it('sets a note (trimmed), or takes it away leaving a plain highlight', () => {
    const noted = withNote(note, '  Follow the customs inquiry.  ', '2026-02-01T00:00:00.000Z');
    expect(noted).toMatchObject({ motivation: 'commenting', modified: '2026-02-01T00:00:00.000Z' });
    expect(noted.body).toEqual([
      { type: 'TextualBody', value: 'Follow the customs inquiry.', format: 'text/plain', purpose: 'commenting' },
    ]);
    expect(withNote(note, '   ')).toMatchObject({ motivation: 'highlighting', body: [] });
  });
});
