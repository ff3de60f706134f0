import { describe, expect, it } from 'vitest';
import type { Annotation } from './annotation';
import {
  activityOf,
  type SharedDoc,
  sharedAnnotationId,
  sharedClipId,
  sharedSignalId,
  validAnnotation,
} from './team-docs';

const annotation: Annotation = {
  id: 'urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e',
  type: 'Annotation',
  motivation: 'commenting',
  created: '2026-12-01T10:00:00.000Z',
  modified: '2026-12-01T11:00:00.000Z',
  body: [{ type: 'TextualBody', value: 'Watch this.', format: 'text/plain', purpose: 'commenting' }],
  target: {
    source: 'https://news.example/a',
    selector: [
      { type: 'TextQuoteSelector', exact: 'export controls', prefix: 'new ', suffix: ' on' },
      { type: 'TextPositionSelector', start: 10, end: 25 },
    ],
  },
};

const doc = (fields: Partial<SharedDoc> & Record<string, unknown>): SharedDoc => ({
  _id: 'card:x',
  _rev: '1-a',
  type: 'card',
  schema: 2,
  createdBy: 'alice',
  updatedBy: 'alice',
  ...fields,
});

describe('team documents', () => {
  it('file a shared annotation under its page like the private store, and a clip under its author', () => {
    expect(sharedAnnotationId(annotation, 'alice')).toMatch(
      /^anno:[0-9a-f]{16}:0f8fad5b-d9cb-469f-a165-70867728950e:alice$/,
    );
    expect(sharedClipId('00ff00ff00ff00ff', 'bob')).toBe('clip:00ff00ff00ff00ff:bob');
  });

  it('read an annotation only when it has the shape to anchor and show', () => {
    expect(validAnnotation(annotation)).toEqual(annotation);
    expect(validAnnotation(null)).toBeNull();
    expect(validAnnotation({ ...annotation, target: { source: 'https://x', selector: [] } })).toBeNull();
    const quoteless = { ...annotation.target.selector[0], exact: '' };
    expect(validAnnotation({ ...annotation, target: { ...annotation.target, selector: [quoteless] } })).toBeNull();
    // A body that is not text is dropped, the rest kept.
    const odd = { ...annotation, body: [{ value: 42 }, annotation.body[0]] };
    expect(validAnnotation(odd)?.body).toEqual(annotation.body);
  });

  it('tell who shared or changed what, and when', () => {
    expect(
      activityOf(doc({ name: 'Nvidia', cardId: 'nvidia', updated: '2026-12-01T09:00:00Z' }), 'research', 'bob'),
    ).toEqual({
      team: 'research',
      kind: 'card',
      title: 'Nvidia',
      ref: 'nvidia',
      by: 'alice',
      createdBy: 'alice',
      at: '2026-12-01T09:00:00Z',
      action: 'shared',
      mine: false,
    });
    const edited = activityOf(
      doc({ _id: 'anno:1', _rev: '2-b', type: 'annotation', updatedBy: 'alice', annotation }),
      'research',
      'alice',
    );
    expect(edited).toMatchObject({
      kind: 'annotation',
      title: 'export controls',
      ref: 'https://news.example/a',
      at: '2026-12-01T11:00:00.000Z',
      action: 'changed',
      mine: true,
    });
    const clip = activityOf(doc({ _id: 'clip:1:bob', type: 'clip', title: '', url: 'https://n.example/' }), 't', 'x');
    expect(clip).toMatchObject({ kind: 'clip', title: 'https://n.example/' });
  });

  it('leave out deletions, design documents, unknown types and documents without their authors', () => {
    expect(activityOf(doc({ _deleted: true }), 't', 'x')).toBeNull();
    expect(activityOf(doc({ _id: '_design/dossier' }), 't', 'x')).toBeNull();
    expect(activityOf(doc({ type: 'script' as never }), 't', 'x')).toBeNull();
    expect(activityOf(doc({ updatedBy: 42 as never }), 't', 'x')).toBeNull();
    expect(activityOf(doc({ type: 'annotation', annotation: { id: 'x' } }), 't', 'x')).toBeNull();
    // Long names are cut.
    expect(activityOf(doc({ name: 'n'.repeat(5000) }), 't', 'x')?.title).toHaveLength(200);
  });

  it('file a shared signal hit under its author, and list it as the card and signal that fired on a page', () => {
    expect(sharedSignalId('00ff00ff00ff00ff', 'bob')).toBe('signal:00ff00ff00ff00ff:bob');
    const hit = doc({
      _id: sharedSignalId('00ff00ff00ff00ff', 'bob'),
      type: 'signal',
      createdBy: 'bob',
      updatedBy: 'bob',
      cardName: 'Nvidia',
      signal: 'Enforcement news',
      url: 'https://news.example/a',
      updated: '2026-12-01T12:00:00.000Z',
    });
    expect(activityOf(hit, 't', 'alice')).toEqual({
      team: 't',
      kind: 'signal',
      title: 'Nvidia: Enforcement news',
      ref: 'https://news.example/a',
      by: 'bob',
      createdBy: 'bob',
      at: '2026-12-01T12:00:00.000Z',
      action: 'shared',
      mine: false,
    });
  });
});
