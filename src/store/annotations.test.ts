import { describe, expect, it } from 'vitest';
import type { Annotation } from '../model/annotation';
import { AnnotationStore } from './annotations';
import { memoryDb } from './memory-db';

const annotation = (id: string, source: string, note = ''): Annotation => ({
  id: `urn:uuid:${id}`,
  type: 'Annotation',
  motivation: note ? 'commenting' : 'highlighting',
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  body: note ? [{ type: 'TextualBody', value: note, format: 'text/plain', purpose: 'commenting' }] : [],
  target: {
    source,
    selector: [
      { type: 'TextQuoteSelector', exact: 'export controls', prefix: 'the ', suffix: ' that' },
      { type: 'TextPositionSelector', start: 10, end: 25 },
    ],
  },
});

const A = '00000000-0000-4000-8000-000000000001';
const B = '00000000-0000-4000-8000-000000000002';
const C = '00000000-0000-4000-8000-000000000003';

describe('the annotation store', () => {
  it('files annotations under their page and lists a page’s own only', async () => {
    const store = new AnnotationStore(memoryDb());
    await store.put(annotation(A, 'https://news.example/a'));
    await store.put(annotation(B, 'https://news.example/b', 'note'));
    expect((await store.forPage('https://news.example/a')).map((a) => a.id)).toEqual([`urn:uuid:${A}`]);
    expect(await store.list()).toHaveLength(2);
  });

  it('a newer version keeps when the annotation was created; delete removes it', async () => {
    const store = new AnnotationStore(memoryDb());
    await store.put(annotation(A, 'https://news.example/a'));
    const edited = { ...annotation(A, 'https://news.example/a', 'later'), created: '2027-01-01T00:00:00.000Z' };
    const saved = await store.put(edited);
    expect(saved.created).toBe('2026-01-01T00:00:00.000Z');
    expect((await store.forPage('https://news.example/a'))[0]?.body[0]?.value).toBe('later');
    expect(await store.remove('https://news.example/a', `urn:uuid:${A}`)).toBe(true);
    expect(await store.remove('https://news.example/a', `urn:uuid:${A}`)).toBe(false);
    expect(await store.list()).toEqual([]);
  });

  it('an import writes many at once, updating those already there', async () => {
    const store = new AnnotationStore(memoryDb());
    await store.put(annotation(A, 'https://news.example/a'));
    await store.putAll([annotation(A, 'https://news.example/a', 'imported'), annotation(C, 'https://news.example/c')]);
    const all = await store.list();
    expect(all).toHaveLength(2);
    expect(all.find((a) => a.id === `urn:uuid:${A}`)?.body[0]?.value).toBe('imported');
  });

  it('refuses an id that is not a urn:uuid', async () => {
    const store = new AnnotationStore(memoryDb());
    await expect(store.put({ ...annotation(A, 'https://news.example/a'), id: 'x' })).rejects.toThrow('urn:uuid');
  });
});
