import { describe, expect, it } from 'vitest';
import type { Brief } from '../model/brief';
import { type Article, type ClipMention, MAX_KEPT_PDF_BYTES, type PdfFacts } from '../model/clip';
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

  describe('a PDF’s file', () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x25, 0x25, 0x45, 0x4f, 0x46]);
    const facts: PdfFacts = {
      fingerprint: '0123456789abcdef0123456789abcdef',
      pages: 1,
      sha256: 'a'.repeat(64),
      bytes: bytes.byteLength,
      pageStarts: [0],
    };
    const pdf = () => article('https://a.example/report.pdf', 'A report');
    const read = async (file: Blob | Uint8Array | null) =>
      file === null ? null : new Uint8Array(file instanceof Uint8Array ? file : await file.arrayBuffer());

    it('is kept with the clip when given, and read back whole', async () => {
      const store = new ClipStore(memoryDb());
      const clip = await store.save(pdf(), [], undefined, null, facts, bytes);
      expect(clip.pdf).toEqual({ ...facts, kept: true });
      expect(await read(await store.file(clip.clipId))).toEqual(bytes);
      // The listed clip says so, and carries none of PouchDB's attachment fields.
      const [listed] = await store.list();
      expect(listed?.pdf?.kept).toBe(true);
      expect(listed).not.toHaveProperty('_attachments');
      // Tags and a note leave the file where it is.
      await store.update(clip.clipId, ['report'], 'Read page 3.');
      expect(await read(await store.file(clip.clipId))).toEqual(bytes);
    });

    it('is not kept when the user did not choose it, or when the clip is made again without it', async () => {
      const store = new ClipStore(memoryDb());
      const without = await store.save(pdf(), [], undefined, null, facts);
      expect(without.pdf?.kept).toBe(false);
      expect(await store.file(without.clipId)).toBeNull();
      await store.save(pdf(), [], undefined, null, facts, bytes);
      const again = await store.save(pdf(), [], undefined, null, facts);
      expect(again.pdf?.kept).toBe(false);
      expect(await store.file(again.clipId)).toBeNull();
    });

    it('goes when the clip is deleted; Undo brings back the clip without it', async () => {
      const db = memoryDb();
      const store = new ClipStore(db);
      const clip = await store.save(pdf(), [], undefined, null, facts, bytes);
      await store.trash(clip.clipId);
      expect(await store.file(clip.clipId)).toBeNull();
      const raw = (await db.get(`clip:${clip.clipId}`, { attachments: true })) as Record<string, unknown>;
      expect(raw._attachments).toBeUndefined();
      const back = await store.restore(clip.clipId);
      expect(back.pdf?.kept).toBe(false);
      expect(await store.file(clip.clipId)).toBeNull();
    });

    it('is refused over the cap, or when it is not the file that was read, and nothing is stored', async () => {
      const store = new ClipStore(memoryDb());
      const big = { size: MAX_KEPT_PDF_BYTES + 1 } as Blob;
      await expect(store.save(pdf(), [], undefined, null, { ...facts, bytes: big.size }, big)).rejects.toThrow(
        'larger than 50 MB',
      );
      await expect(store.save(pdf(), [], undefined, null, { ...facts, bytes: 99 }, bytes)).rejects.toThrow(
        'not the one that was read',
      );
      await expect(store.save(article('https://a.example/page'), [], undefined, null, null, bytes)).rejects.toThrow(
        'Only a PDF',
      );
      expect(await store.list()).toEqual([]);
    });
  });
});
