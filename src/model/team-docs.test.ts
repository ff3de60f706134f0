import { describe, expect, it } from 'vitest';
import type { Annotation } from './annotation';
import { sharedCaseId } from './case';
import { clipIdOf } from './clip';
import { type CustodyEntry, custodyDocId, GENESIS } from './custody';
import {
  activityOf,
  type SharedDoc,
  sharedAnnotationId,
  sharedClipId,
  sharedDocProblem,
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

describe('sharedDocProblem', () => {
  const authors = { schema: 2, createdBy: 'alice', updatedBy: 'alice' };
  const cardDoc = {
    _id: 'card:acme',
    _rev: '1-a',
    type: 'card',
    ...authors,
    cardId: 'acme',
    name: 'Acme',
    kind: 'company',
    aliases: ['Acme Corp'],
    summary: 'A company.',
    signals: [],
    implications: [],
    tags: [],
    related: [],
    sources: [],
    notes: '',
    pack: 'team:research',
    edited: false,
    trashed: null,
    updated: '2026-12-01T10:00:00.000Z',
  };
  const clipDoc = {
    _id: sharedClipId(clipIdOf('https://news.example/a'), 'alice'),
    type: 'clip',
    ...authors,
    url: 'https://news.example/a?ref=x',
    canonicalUrl: 'https://news.example/a',
    title: 'A story',
    byline: null,
    siteName: null,
    published: null,
    excerpt: null,
    lang: 'en',
    html: '<p>Acme.</p>',
    text: 'Acme.',
    clipId: clipIdOf('https://news.example/a'),
    clipped: '2026-12-01T10:00:00.000Z',
    updated: '2026-12-01T10:00:00.000Z',
    tags: ['chips'],
    note: '',
    mentions: [{ cardId: 'acme', name: 'Acme', exact: 'Acme', prefix: '', suffix: '.', start: 0, end: 4 }],
    trashed: null,
  };
  const annotationDoc = { _id: sharedAnnotationId(annotation, 'alice'), type: 'annotation', ...authors, annotation };
  const signalDoc = {
    _id: sharedSignalId('00ff00ff00ff00ff', 'alice'),
    type: 'signal',
    ...authors,
    hitId: '00ff00ff00ff00ff',
    url: 'https://news.example/a',
    title: 'A story',
    time: '2026-12-01T10:00:00.000Z',
    cardId: 'acme',
    cardName: 'Acme',
    signal: 'Acme moves',
    terms: ['acme'],
    evidence: 'Acme.',
    updated: '2026-12-01T10:00:00.000Z',
  };
  const packDoc = {
    _id: 'pack:chips',
    type: 'pack',
    ...authors,
    packId: 'chips',
    name: 'Chips',
    version: '1.0.0',
    description: '',
    enabled: true,
    builtIn: false,
    cardIds: ['acme'],
    updated: '2026-12-01T10:00:00.000Z',
  };

  it('passes every kind of document as sharing writes it', () => {
    for (const doc of [cardDoc, clipDoc, annotationDoc, signalDoc, packDoc]) expect(sharedDocProblem(doc)).toBeNull();
  });

  it('passes a case and a custody entry as sharing writes them; refuses an entry naming another user, or moved', () => {
    const caseDoc = {
      _id: sharedCaseId('0123456789abcdef', 'alice'),
      type: 'case',
      ...authors,
      caseId: '0123456789abcdef',
      name: 'Rotterdam',
      description: '',
      status: 'open',
      created: '2026-12-01T10:00:00.000Z',
      updated: '2026-12-01T10:00:00.000Z',
      evidenceAlways: false,
    };
    expect(sharedDocProblem(caseDoc)).toBeNull();
    expect(sharedDocProblem({ ...caseDoc, _id: sharedCaseId('0123456789abcdef', 'bob') })).toBe(
      '_id: must be case:<caseId>:<author>',
    );
    expect(sharedDocProblem({ ...caseDoc, status: 'lost' })).toMatch(/^status: /);
    const entry: CustodyEntry = {
      caseId: '0123456789abcdef',
      seq: 1,
      at: '2026-12-01T10:00:00.000Z',
      user: 'alice',
      device: 'alice~0011',
      event: 'viewed',
      item: 'x',
      detail: {},
      prev: GENESIS,
    };
    const entryDoc = { _id: custodyDocId(entry), type: 'custody', ...authors, ...entry };
    expect(sharedDocProblem(entryDoc)).toBeNull();
    expect(sharedDocProblem({ ...entryDoc, user: 'bob', _id: custodyDocId({ ...entry, user: 'bob' }) })).toBe(
      'user: must be its author',
    );
    expect(sharedDocProblem({ ...entryDoc, seq: 2 })).toMatch(/^_id: must be custody:/);
    expect(sharedDocProblem({ ...entryDoc, detail: { n: 1 } })).toMatch(/^detail/);
    // A shared case's clip names its case.
    expect(sharedDocProblem({ ...clipDoc, caseId: '0123456789abcdef' })).toBeNull();
    expect(sharedDocProblem({ ...clipDoc, caseId: '../x' })).toMatch(/^caseId/);
  });

  it('passes a card or a pack as a server admin may write it, with only what the server requires', () => {
    const card = { _id: 'card:first', type: 'card', cardId: 'first', name: 'First card', kind: 'topic' };
    expect(sharedDocProblem(card)).toBeNull();
    expect(sharedDocProblem({ _id: 'pack:p', type: 'pack', packId: 'p', name: 'P' })).toBeNull();
  });

  it.each([
    [
      'a card with 900,000 aliases',
      { ...cardDoc, aliases: Array.from({ length: 900_000 }, (_, i) => `A${i}`) },
      'aliases: must hold at most 1,000 aliases',
    ],
    [
      'a card over 256 KB',
      { ...cardDoc, sources: Array.from({ length: 140 }, (_, i) => `${i}${'s'.repeat(1990)}`) },
      'a card must be at most 256 KB as UTF-8 JSON',
    ],
    ['a card field of the wrong type', { ...cardDoc, name: 42 }, 'name: must be string, not 42'],
    ['an unknown field', { ...cardDoc, onclick: 'alert(1)' }, 'onclick: is not a field of this kind of document'],
    [
      'an attachment',
      { ...cardDoc, _attachments: { 'x.html': {} } },
      '_attachments: is not a field a shared document may have',
    ],
    ['a card filed under another id', { ...cardDoc, _id: 'card:other' }, '_id: must be card:<cardId>'],
    [
      'a clip that names no author',
      Object.fromEntries(Object.entries(clipDoc).filter(([k]) => k !== 'createdBy')),
      'createdBy: is missing',
    ],
    ["a javascript: URL as a clip's page", { ...clipDoc, url: 'javascript:alert(1)' }, "url: must be a page's address"],
    [
      'a clip filed under another author',
      { ...clipDoc, createdBy: 'bob', updatedBy: 'bob' },
      '_id: must be clip:<clipId>:<author>',
    ],
    ["a data: URL as a signal's page", { ...signalDoc, url: 'data:text/html,x' }, "url: must be a page's address"],
    [
      "a javascript: URL as an annotation's page",
      {
        ...annotationDoc,
        annotation: { ...annotation, target: { ...annotation.target, source: 'javascript:alert(1)' } },
      },
      'annotation.target.source:',
    ],
    ['a pack with an unknown field', { ...packDoc, script: 'x' }, 'script: is not a field of this kind of document'],
    ['an unknown kind', { ...cardDoc, _id: 'script:x' }, '_id: "script:x" is not a kind of document a team shares'],
    ['a type that is not its id’s', { ...clipDoc, type: 'card' }, 'type: must be "clip", not "card"'],
  ])('refuses %s', (_name, doc, reason) => {
    expect(sharedDocProblem(doc)).toContain(reason);
  });
});
