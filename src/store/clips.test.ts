import { describe, expect, it } from 'vitest';
import type { Brief } from '../model/brief';
import type { Article, ClipMention } from '../model/clip';
import { ClipStore } from './clips';
import { memoryDb } from './memory-db';

const article = (canonicalUrl: string, title = 'A story'): Article => ({
  url: canonicalUrl,
  canonicalUrl,
  title,
  byline: null,
  siteName: null,
  published: null,
  excerpt: null,
  lang: 'en',
  html: '<p>Officials in Japan.</p>',
  text: 'Officials in Japan.',
});
const mention: ClipMention = {
  cardId: 'japan',
  name: 'Japan',
  exact: 'Japan',
  prefix: 'in ',
  suffix: '.',
  start: 13,
  end: 18,
};

const brief: Brief = {
  title: 'A story',
  url: 'https://a.example/b',
  summary: ['Officials in Japan.'],
  entities: [{ cardId: 'japan', name: 'Japan', kind: 'country', count: 1 }],
  topics: [],
  implications: [],
  signals: [],
  related: { cards: [], clips: [] },
  mentions: 1,
};

describe('ClipStore', () => {
  it('keeps a brief with the clip it came with; a clip made without one, or an older clip, has none', async () => {
    const db = memoryDb();
    const store = new ClipStore(db);
    const withBrief = await store.save(article('https://a.example/b'), [mention], '2026-01-01T00:00:00.000Z', brief);
    expect(withBrief.brief).toEqual(brief);
    expect((await store.get(withBrief.clipId))?.brief).toEqual(brief);
    // Clipped again without its brief: the brief of the article as it was goes.
    const again = await store.save(article('https://a.example/b'), [mention], '2026-01-02T00:00:00.000Z');
    expect(again).not.toHaveProperty('brief');
    expect(await store.get(again.clipId)).not.toHaveProperty('brief');
    // A clip stored before briefs existed reads as it was.
    const old = await store.save(article('https://a.example/old'), [mention], '2026-01-01T00:00:00.000Z');
    const raw = (await db.get(`clip:${old.clipId}`)) as Record<string, unknown>;
    expect(Object.keys(raw)).not.toContain('brief');
    expect((await store.list()).find((c) => c.clipId === old.clipId)?.brief).toBeUndefined();
  });

  it('keeps the tags and note the user set when the page is clipped again', async () => {
    const store = new ClipStore(memoryDb());
    const first = await store.save(article('https://a.example/s'), [], '2026-01-01T00:00:00.000Z');
    await store.update(first.clipId, ['china', 'chips'], 'Follow the inquiry.');
    const again = await store.save(
      article('https://a.example/s', 'A story, updated'),
      [mention],
      '2026-01-02T00:00:00.000Z',
    );
    expect(again).toMatchObject({
      title: 'A story, updated',
      tags: ['china', 'chips'],
      note: 'Follow the inquiry.',
      clipped: '2026-01-01T00:00:00.000Z',
      updated: '2026-01-02T00:00:00.000Z',
    });
    expect(await store.get(first.clipId)).toEqual(again);
  });

  it('deletes a clip so that it can be brought back, once', async () => {
    const store = new ClipStore(memoryDb());
    const a = await store.save(article('https://a.example/a'), []);
    const b = await store.save(article('https://a.example/b'), []);
    await store.update(a.clipId, ['kept'], 'a note');
    await store.trash(a.clipId);
    expect((await store.list()).map((c) => c.clipId)).toEqual([b.clipId]);
    expect(await store.get(a.clipId)).toBeNull();
    await expect(store.update(a.clipId, [], '')).rejects.toThrow('no longer exists');
    expect(await store.restore(a.clipId)).toMatchObject({ tags: ['kept'], note: 'a note' });
    expect(await store.list()).toHaveLength(2);

    // Deleting another clip removes the one deleted before for good.
    await store.trash(a.clipId);
    await store.trash(b.clipId);
    await expect(store.restore(a.clipId)).rejects.toThrow('can no longer be brought back');
    expect((await store.restore(b.clipId)).clipId).toBe(b.clipId);
  });

  it('a deleted page clipped again starts afresh', async () => {
    const store = new ClipStore(memoryDb());
    const a = await store.save(article('https://a.example/a'), [], '2026-01-01T00:00:00.000Z');
    await store.update(a.clipId, ['old'], 'old note');
    await store.trash(a.clipId);
    const again = await store.save(article('https://a.example/a'), [], '2026-02-01T00:00:00.000Z');
    expect(again).toMatchObject({ tags: [], note: '', clipped: '2026-02-01T00:00:00.000Z' });
    expect(await store.list()).toHaveLength(1);
  });
});
