import type { Annotation } from '../model/annotation';
import { clipIdOf } from '../model/clip';
import { type Database, isNotFound, openDatabase, PRIVATE_DB, STORE_SCHEMA, type StoredDoc, writing } from './db';

/*
 * The user's highlights and notes: one document per annotation, filed under its page (the canonical URL's
 * id) so that a page's annotations are one range read.
 */

/** An annotation as stored. */
export interface AnnotationDoc extends StoredDoc {
  type: 'annotation';
  annotation: Annotation;
}

const UUID = /^urn:uuid:[0-9a-f-]{36}$/;
const pagePrefix = (source: string) => `anno:${clipIdOf(source)}:`;
/** The id of an annotation's document: its page's id, then its uuid. */
export const annotationDocId = (annotation: Pick<Annotation, 'id' | 'target'>) =>
  `${pagePrefix(annotation.target.source)}${annotation.id.slice('urn:uuid:'.length)}`;
const docId = annotationDocId;

/** Whether a stored id is an annotation's. */
export function isAnnotationId(id: string): boolean {
  return /^anno:[0-9a-f]{16}:[0-9a-f-]{36}$/.test(id);
}

/** The annotations of the user's store. */
export class AnnotationStore {
  constructor(private readonly db: Database = openDatabase(PRIVATE_DB)) {}

  /** Stores an annotation (a new one, or a newer version of one: same id). */
  async put(annotation: Annotation): Promise<Annotation> {
    if (!UUID.test(annotation.id)) throw new Error('An annotation id must be a urn:uuid.');
    const _id = docId(annotation);
    const before = await this.doc(_id);
    const stored: Annotation = { ...annotation, created: before?.annotation.created ?? annotation.created };
    const doc: AnnotationDoc = {
      _id,
      ...(before?._rev ? { _rev: before._rev } : {}),
      type: 'annotation',
      schema: STORE_SCHEMA,
      annotation: stored,
    };
    await writing(() => this.db.put(doc));
    return stored;
  }

  /** Stores many annotations in one write (an import): all of them, or none when the write fails. */
  async putAll(annotations: readonly Annotation[]): Promise<void> {
    for (const annotation of annotations) {
      if (!UUID.test(annotation.id)) throw new Error('An annotation id must be a urn:uuid.');
    }
    const ids = annotations.map(docId);
    const existing = await this.db.allDocs({ keys: ids, include_docs: true });
    const docs: AnnotationDoc[] = annotations.map((annotation, i) => {
      const row = existing.rows[i] as { doc?: AnnotationDoc } | undefined;
      const before = row?.doc ?? null;
      return {
        _id: ids[i]!,
        ...(before?._rev ? { _rev: before._rev } : {}),
        type: 'annotation',
        schema: STORE_SCHEMA,
        annotation: { ...annotation, created: before?.annotation.created ?? annotation.created },
      };
    });
    const results = await writing(() => this.db.bulkDocs(docs));
    const failed = results.find((r) => 'error' in r && r.error);
    if (failed) throw new Error(`An annotation could not be stored: ${(failed as { message?: string }).message}`);
  }

  /** Deletes an annotation; false when there was none. */
  async remove(source: string, id: string): Promise<boolean> {
    const doc = await this.doc(docId({ id, target: { source } as Annotation['target'] }));
    if (!doc?._rev) return false;
    await writing(() => this.db.remove(doc._id, doc._rev as string));
    return true;
  }

  /** The annotations of a page (its canonical URL), oldest first. */
  async forPage(source: string): Promise<Annotation[]> {
    const prefix = pagePrefix(source);
    return this.range(prefix, (a) => a.target.source === source);
  }

  /** Every annotation, oldest first. */
  async list(): Promise<Annotation[]> {
    return this.range('anno:', () => true);
  }

  private async range(prefix: string, keep: (a: Annotation) => boolean): Promise<Annotation[]> {
    const all = await this.db.allDocs({ include_docs: true, startkey: prefix, endkey: `${prefix}\uffff` });
    return all.rows
      .flatMap((row) => {
        const doc = row.doc as AnnotationDoc | undefined;
        if (doc?.type !== 'annotation') return [];
        const annotation = doc.annotation;
        return keep(annotation) ? [annotation] : [];
      })
      .sort((a, b) => a.created.localeCompare(b.created));
  }

  private async doc(id: string): Promise<AnnotationDoc | null> {
    try {
      return (await this.db.get(id)) as AnnotationDoc;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }
}
