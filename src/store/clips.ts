import type { Brief } from '../model/brief';
import { type Article, type Clip, type ClipMention, clipIdOf, type PdfFacts } from '../model/clip';
import { type Database, isNotFound, openDatabase, PRIVATE_DB, STORE_SCHEMA, type StoredDoc, writing } from './db';

/*
 * Clips: one document per article, filed under its canonical URL, so that clipping the same article again
 * updates it and keeps what the user wrote (tags, note) and when it was first clipped.
 */

/** A clip as stored. */
export interface ClipDoc extends StoredDoc, Clip {
  type: 'clip';
  /** When the user deleted it (ISO time): kept until the next deletion, so that it can be brought back. */
  trashed?: string | null;
}

const docId = (id: string) => `clip:${id}`;

function toClip(doc: ClipDoc): Clip {
  const { _id, _rev, type, schema, trashed, ...clip } = doc as ClipDoc & { _rev?: string };
  return clip;
}

/** The clips of the user's store. */
export class ClipStore {
  constructor(private readonly db: Database = openDatabase(PRIVATE_DB)) {}

  /**
   * Stores a clip of an article, with the page's brief when given; an earlier clip of the same canonical URL is
   * updated, its tags and note kept (its brief goes: it was the brief of the article as it was then). `caseId`
   * files it into a case; left out, an earlier clip stays in its case.
   */
  async save(
    article: Article,
    mentions: ClipMention[],
    now = new Date().toISOString(),
    brief: Brief | null = null,
    pdf: PdfFacts | null = null,
    caseId: string | null = null,
  ): Promise<Clip> {
    const clipId = clipIdOf(article.canonicalUrl);
    const found = await this.doc(clipId);
    // A deleted clip clipped again starts afresh.
    const before = found && !found.trashed ? found : null;
    const doc: ClipDoc = {
      ...article,
      _id: docId(clipId),
      ...(found?._rev ? { _rev: found._rev } : {}),
      type: 'clip',
      schema: STORE_SCHEMA,
      clipId,
      clipped: before?.clipped ?? now,
      updated: now,
      tags: before?.tags ?? [],
      note: before?.note ?? '',
      mentions,
      ...(brief ? { brief } : {}),
      ...(pdf ? { pdf } : {}),
      ...((caseId ?? before?.caseId) ? { caseId: (caseId ?? before?.caseId) as string } : {}),
      trashed: null,
    };
    await writing(() => this.db.put(doc));
    return toClip(doc);
  }

  /** One clip, or null. */
  async get(clipId: string): Promise<Clip | null> {
    const doc = await this.doc(clipId);
    return doc && !doc.trashed ? toClip(doc) : null;
  }

  /** Sets what the user wrote on a clip (tags and note, already normalised). */
  async update(clipId: string, tags: string[], note: string): Promise<Clip> {
    const doc = await this.doc(clipId);
    if (!doc || doc.trashed) throw new Error('This clip no longer exists.');
    const next: ClipDoc = { ...doc, tags, note };
    await writing(() => this.db.put(next));
    return toClip(next);
  }

  /** Files a clip into a case, or takes it out of its case (null). */
  async setCase(clipId: string, caseId: string | null): Promise<Clip> {
    const doc = await this.doc(clipId);
    if (!doc || doc.trashed) throw new Error('This clip no longer exists.');
    const { caseId: _before, ...rest } = doc;
    const next: ClipDoc = caseId ? { ...rest, caseId } : rest;
    await writing(() => this.db.put(next));
    return toClip(next);
  }

  /**
   * Deletes a clip so that `restore` can bring it back; a clip deleted before is then removed for good (one
   * Undo at a time, and no deleted article lingers in the store).
   */
  async trash(clipId: string, now = new Date().toISOString()): Promise<Clip> {
    const doc = await this.doc(clipId);
    if (!doc || doc.trashed) throw new Error('This clip no longer exists.');
    const earlier = (await this.docs()).filter((d) => d.trashed);
    await writing(() =>
      this.db.bulkDocs([{ ...doc, trashed: now }, ...earlier.map((d) => ({ ...d, _deleted: true }))]),
    );
    return toClip(doc);
  }

  /** Brings back a deleted clip. */
  async restore(clipId: string): Promise<Clip> {
    const doc = await this.doc(clipId);
    if (!doc?.trashed) throw new Error('This clip can no longer be brought back.');
    const next: ClipDoc = { ...doc, trashed: null };
    await writing(() => this.db.put(next));
    return toClip(next);
  }

  /** Every clip, most recently clipped first. */
  async list(): Promise<Clip[]> {
    return (await this.docs())
      .flatMap((doc) => (doc.trashed ? [] : [toClip(doc)]))
      .sort((a, b) => b.updated.localeCompare(a.updated));
  }

  private async docs(): Promise<Array<ClipDoc & { _rev?: string }>> {
    const all = await this.db.allDocs({ include_docs: true, startkey: 'clip:', endkey: 'clip:\uffff' });
    return all.rows.flatMap((row) =>
      row.doc && (row.doc as ClipDoc).type === 'clip' ? [row.doc as ClipDoc & { _rev?: string }] : [],
    );
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
