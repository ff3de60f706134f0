import type { Article, Clip, ClipMention } from '../model/clip';
import { type Database, isNotFound, openDatabase, PRIVATE_DB, STORE_SCHEMA, type StoredDoc, writing } from './db';

/*
 * Clips: one document per article, filed under its canonical URL, so that clipping the same article again
 * updates it and keeps what the user wrote (tags, note) and when it was first clipped.
 */

/** A clip as stored. */
export interface ClipDoc extends StoredDoc, Clip {
  type: 'clip';
}

/** A stable id for a canonical URL (FNV-1a, 64 bits as two 32-bit halves). */
export function clipIdOf(canonicalUrl: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < canonicalUrl.length; i++) {
    const c = canonicalUrl.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x811c9dc5) >>> 0;
  }
  return `${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}

const docId = (id: string) => `clip:${id}`;

function toClip(doc: ClipDoc): Clip {
  const { _id, _rev, type, schema, ...clip } = doc as ClipDoc & { _rev?: string };
  return clip;
}

/** The clips of the user's store. */
export class ClipStore {
  constructor(private readonly db: Database = openDatabase(PRIVATE_DB)) {}

  /** Stores a clip of an article; an earlier clip of the same canonical URL is updated, its tags and note kept. */
  async save(article: Article, mentions: ClipMention[], now = new Date().toISOString()): Promise<Clip> {
    const clipId = clipIdOf(article.canonicalUrl);
    const before = await this.doc(clipId);
    const doc: ClipDoc = {
      ...article,
      _id: docId(clipId),
      ...(before?._rev ? { _rev: before._rev } : {}),
      type: 'clip',
      schema: STORE_SCHEMA,
      clipId,
      clipped: before?.clipped ?? now,
      updated: now,
      tags: before?.tags ?? [],
      note: before?.note ?? '',
      mentions,
    };
    await writing(() => this.db.put(doc));
    return toClip(doc);
  }

  /** One clip, or null. */
  async get(clipId: string): Promise<Clip | null> {
    const doc = await this.doc(clipId);
    return doc ? toClip(doc) : null;
  }

  /** Every clip, most recently clipped first. */
  async list(): Promise<Clip[]> {
    const all = await this.db.allDocs({ include_docs: true, startkey: 'clip:', endkey: 'clip:\uffff' });
    return all.rows
      .flatMap((row) => (row.doc && (row.doc as ClipDoc).type === 'clip' ? [toClip(row.doc as ClipDoc)] : []))
      .sort((a, b) => b.updated.localeCompare(a.updated));
  }

  private async doc(clipId: string): Promise<(ClipDoc & { _rev?: string }) | null> {
    try {
      return (await this.db.get(docId(clipId))) as ClipDoc & { _rev?: string };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }
}
