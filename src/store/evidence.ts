import type { Evidence } from '../model/evidence';
import { type Database, isConflict, isNotFound, openDatabase, STORE_SCHEMA, type StoredDoc, writing } from './db';

/*
 * Evidence captures: one document `evidence:<captureId>` each, with its files as attachments, in a database of
 * their own (a backup restore or a sync never rewrites them). The rule: a capture is written once and never
 * changed. This store has no update; `create` refuses an id that exists; a capture is deleted only with the whole
 * clip or case it belongs to (`removeForClip`, `removeForCase`, called when the user deletes that explicitly).
 */

/** The database of evidence captures. */
export const EVIDENCE_DB = 'dossier-evidence';

/** A captured file's content. */
export interface EvidenceContent {
  type: string;
  bytes: Uint8Array;
}

interface EvidenceDoc extends StoredDoc, Evidence {
  type: 'evidence';
  _attachments?: Record<string, { content_type: string; data: string | Blob; stub?: boolean }>;
}

const docId = (captureId: string) => `evidence:${captureId}`;

function toEvidence(doc: EvidenceDoc): Evidence {
  const { _id, _rev, _attachments, type, schema, ...evidence } = doc as EvidenceDoc & { _rev?: string };
  return evidence;
}

/** The evidence captures of the user's browser. */
export class EvidenceStore {
  constructor(private readonly db: Database = openDatabase(EVIDENCE_DB)) {}

  /** Stores a capture with its files, once; a capture with the same id is never overwritten. */
  async create(evidence: Evidence, files: ReadonlyMap<string, EvidenceContent>): Promise<Evidence> {
    const listed = new Set(evidence.files.map((file) => file.name));
    if (listed.size !== files.size || [...files.keys()].some((name) => !listed.has(name))) {
      throw new Error('A capture must list exactly the files it stores.');
    }
    const attachments: NonNullable<EvidenceDoc['_attachments']> = {};
    for (const [name, file] of files) attachments[name] = { content_type: file.type, data: toBase64(file.bytes) };
    const doc: EvidenceDoc = {
      ...evidence,
      _id: docId(evidence.captureId),
      type: 'evidence',
      schema: STORE_SCHEMA,
      _attachments: attachments,
    };
    try {
      await writing(() => this.db.put(doc));
    } catch (error) {
      if (isConflict(error))
        throw new Error(`Capture ${evidence.captureId} exists already: evidence is never replaced.`);
      throw error;
    }
    return evidence;
  }

  /** One capture's record, or null. */
  async get(captureId: string): Promise<Evidence | null> {
    try {
      return toEvidence((await this.db.get(docId(captureId))) as EvidenceDoc);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /** One file of a capture, as stored. */
  async file(captureId: string, name: string): Promise<EvidenceContent> {
    const evidence = await this.get(captureId);
    const listed = evidence?.files.find((file) => file.name === name);
    if (!evidence || !listed) throw new Error(`Capture ${captureId} has no file ${name}.`);
    const data = (await this.db.getAttachment(docId(captureId), name)) as Blob | Uint8Array;
    const bytes = data instanceof Uint8Array ? new Uint8Array(data) : new Uint8Array(await data.arrayBuffer());
    return { type: listed.type, bytes };
  }

  /** Every capture, oldest first (of one clip or one case when asked). */
  async list(filter: { clipId?: string; caseId?: string } = {}): Promise<Evidence[]> {
    const all = await this.db.allDocs({ include_docs: true, startkey: 'evidence:', endkey: 'evidence:\uffff' });
    return all.rows
      .flatMap((row) =>
        row.doc && (row.doc as EvidenceDoc).type === 'evidence' ? [toEvidence(row.doc as EvidenceDoc)] : [],
      )
      .filter(
        (e) =>
          (filter.clipId === undefined || e.clipId === filter.clipId) &&
          (filter.caseId === undefined || e.caseId === filter.caseId),
      )
      .sort((a, b) => a.capturedAt.localeCompare(b.capturedAt));
  }

  /** Deletes every capture of a clip: only when the user deletes the clip itself for good. */
  removeForClip(clipId: string): Promise<number> {
    return this.remove({ clipId });
  }

  /** Deletes every capture of a case: only when the user deletes the whole case. */
  removeForCase(caseId: string): Promise<number> {
    return this.remove({ caseId });
  }

  private async remove(filter: { clipId?: string; caseId?: string }): Promise<number> {
    const found = await this.list(filter);
    if (found.length === 0) return 0;
    const docs = await Promise.all(found.map((e) => this.db.get(docId(e.captureId))));
    await writing(() => this.db.bulkDocs(docs.map((doc) => ({ ...doc, _deleted: true }))));
    return found.length;
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}
