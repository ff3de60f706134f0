import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Annotation } from '../../model/annotation';
import { clipIdOf } from '../../model/clip';
import type { TeamConfig } from '../../model/team';
import { sharedAnnotationId, sharedClipId } from '../../model/team-docs';
import type { Database } from '../../store/db';
import { memoryDb } from '../../store/memory-db';
import { teamActivity, teammatesAnnotations } from './share';

/*
 * What a teammate shared reaches the page and the Team view only when it passes the extension's checks: a
 * document that fails them (listed as skipped in the team's status) is never painted or listed.
 */

const teams: TeamConfig[] = [{ team: 'research', url: 'http://127.0.0.1:5984', user: 'bob', joined: '2026-12-01' }];
const databases = new Map<string, Database>();
vi.mock('./teams', () => ({ joinedTeams: async () => teams }));
vi.mock('../../store/db', async (original) => ({
  ...(await original<typeof import('../../store/db')>()),
  openDatabase: (name: string) => {
    const db = databases.get(name) ?? memoryDb();
    databases.set(name, db);
    return db;
  },
}));
afterEach(async () => {
  await Promise.all([...databases.values()].map((db) => db.destroy()));
  databases.clear();
});

const PAGE = 'https://news.example/a';
const note = (uuid: string, value: string): Annotation => ({
  id: `urn:uuid:${uuid}`,
  type: 'Annotation',
  motivation: 'commenting',
  created: '2026-12-01T10:00:00.000Z',
  modified: '2026-12-01T10:00:00.000Z',
  body: [{ type: 'TextualBody', value, format: 'text/plain', purpose: 'commenting' }],
  target: {
    source: PAGE,
    selector: [
      { type: 'TextQuoteSelector', exact: 'Acme', prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start: 0, end: 4 },
    ],
  },
});
const authors = { schema: 2, createdBy: 'alice', updatedBy: 'alice' };
const annotationDoc = (annotation: Annotation, extra: Record<string, unknown> = {}) => ({
  _id: sharedAnnotationId(annotation, 'alice'),
  type: 'annotation',
  ...authors,
  annotation,
  ...extra,
});
const clipDoc = (url: string, title: string, author: string) => ({
  _id: sharedClipId(clipIdOf(url), author),
  type: 'clip',
  schema: 2,
  createdBy: author,
  updatedBy: author,
  url,
  canonicalUrl: url,
  title,
  byline: null,
  siteName: null,
  published: null,
  excerpt: null,
  lang: null,
  html: '<p>x</p>',
  text: 'x',
  clipId: clipIdOf(url),
  clipped: '2026-12-01T10:00:00.000Z',
  updated: '2026-12-01T10:00:00.000Z',
  tags: [],
  note: '',
  mentions: [],
  trashed: null,
});

describe("teammates' documents that fail the checks", () => {
  it('are never painted on their page', async () => {
    const db = (await import('../../store/db')).openDatabase('dossier-team-research');
    const good = note('0f8fad5b-d9cb-469f-a165-70867728950e', 'Fine.');
    const long = note('1f8fad5b-d9cb-469f-a165-70867728950e', 'x'.repeat(20_000));
    const odd = note('2f8fad5b-d9cb-469f-a165-70867728950e', 'Odd.');
    await db.bulkDocs([
      annotationDoc(good),
      annotationDoc(long),
      annotationDoc(odd, { _attachments: { 'a.html': { content_type: 'text/html', data: 'PGI+' } } }),
    ] as never);
    const found = await teammatesAnnotations(PAGE);
    expect(found.map((a) => a.id)).toEqual([good.id]);
    expect(found[0]?.creator).toEqual({ type: 'Person', name: 'alice', team: 'research' });
  });

  it('are never listed in the Team view', async () => {
    const db = (await import('../../store/db')).openDatabase('dossier-team-research');
    await db.bulkDocs([
      clipDoc('javascript:alert(document.cookie)', 'Trap', 'alice'),
      clipDoc(PAGE, 'Real', 'carol'),
    ] as never);
    const items = await teamActivity();
    expect(items.map((i) => [i.title, i.ref])).toEqual([['Real', PAGE]]);
  });
});
