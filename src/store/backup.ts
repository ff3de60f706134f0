import { BACKUP_FORMAT, MAX_BACKUP_BYTES, type RestoreReport } from '../model/backup';
import { canonicalJson } from '../model/custody';
import { type Database, isNotFound, STORE_SCHEMA, type StoredDoc, writing } from './db';
import { storedDocProblem } from './doc-schemas';
import { migrateDoc } from './migrate';

/*
 * "Export everything", "Restore" and "Wipe everything" on the options page. A backup is every document of the
 * user's store (cards, packs, settings, clips, annotations, signal hits), without PouchDB's revisions and
 * without the PDF files clips keep (a restored clip says its file is not kept). A
 * restore is validated whole (its size and nesting before it is parsed, then every document with the store's
 * own schemas, doc-schemas.ts), then written under a journal (like a pack import), so that a restore cut short
 * is completed at the next start. One wrong document and nothing is written.
 */

const BACKUP_VERSION = 1;
const JOURNAL = '_local/restore';

type Doc = StoredDoc & Record<string, unknown>;

/** Every document of the store, as a backup file's text. */
export async function exportAll(db: Database): Promise<string> {
  const all = await db.allDocs({ include_docs: true });
  const docs = all.rows.flatMap((row) => {
    if (!row.doc || row.id.startsWith('_')) return [];
    const { _rev, _attachments, ...doc } = row.doc as Doc & { _rev?: string; _attachments?: unknown };
    // A PDF file a clip keeps is left out of a backup (it is not text, and can be 50 MB): the clip is backed up
    // with its SHA-256 and size, saying the file is not kept.
    const pdf = doc.type === 'clip' ? (doc.pdf as { kept?: boolean } | undefined) : undefined;
    return [pdf?.kept ? { ...doc, pdf: { ...pdf, kept: false } } : doc];
  });
  return `${JSON.stringify({ format: BACKUP_FORMAT, formatVersion: BACKUP_VERSION, exported: new Date().toISOString(), docs }, null, 1)}\n`;
}

/** Deepest nesting of objects and lists a backup may have: the store's deepest document is far shallower. */
export const MAX_BACKUP_DEPTH = 32;

/**
 * Where a JSON text nests deeper than `max` (its character offset), or -1: read once, character by character,
 * before the text is parsed, so that a file nested 100,000 deep is refused without a parser or a validator
 * recursing into it.
 */
export function tooDeepAt(text: string, max: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      // A backslash escapes the next character; a quote ends the string.
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return -1;
}

/** A document of a backup, named for a message: its place, type and id. */
function nameOf(doc: unknown, i: number): string {
  const { type, _id } = (typeof doc === 'object' && doc !== null ? doc : {}) as { type?: unknown; _id?: unknown };
  const words = [typeof type === 'string' ? type.slice(0, 20) : '', typeof _id === 'string' ? _id.slice(0, 80) : '']
    .filter(Boolean)
    .join(' ');
  return words ? `docs.${i} (${words})` : `docs.${i}`;
}

/** Reads a backup file whole; throws with the document and the reason when any part of it is wrong. */
export function parseBackup(text: string): Doc[] {
  const bytes = text.length * 3 <= MAX_BACKUP_BYTES ? text.length : new TextEncoder().encode(text).length;
  if (bytes > MAX_BACKUP_BYTES) {
    throw new Error(`The backup is larger than ${MAX_BACKUP_BYTES / 1024 / 1024} MB; nothing was restored.`);
  }
  const deep = tooDeepAt(text, MAX_BACKUP_DEPTH);
  if (deep >= 0) {
    throw new Error(
      `The backup nests deeper than ${MAX_BACKUP_DEPTH} levels (at character ${deep.toLocaleString('en')}), which no Dossier backup does; nothing was restored.`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`The file is not valid JSON (is it complete?): ${(error as Error).message}`);
  }
  const head = data as Record<string, unknown> | null;
  if (typeof head !== 'object' || head === null || head.format !== BACKUP_FORMAT)
    throw new Error('The file is not a Dossier backup ("format" must be "dossier-backup").');
  if (head.formatVersion !== BACKUP_VERSION) {
    throw new Error(
      `The backup's format version ${String(head.formatVersion)} is not one this Dossier reads (${BACKUP_VERSION}).`,
    );
  }
  const extra = Object.keys(head).find((key) => !['format', 'formatVersion', 'exported', 'docs'].includes(key));
  if (extra !== undefined)
    throw new Error(`The backup has a field "${extra.slice(0, 40)}" no Dossier backup has; nothing was restored.`);
  if (!Array.isArray(head.docs)) throw new Error('The backup holds no "docs" list.');
  const docs: Doc[] = [];
  const ids = new Map<string, number>();
  for (const [i, value] of (head.docs as unknown[]).entries()) {
    const refuse = (why: string) => new Error(`${nameOf(value, i)}: ${why}; nothing was restored.`);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw refuse('is not an object');
    const doc = value as Doc;
    if (typeof doc._id !== 'string' || doc._id === '' || doc._id.startsWith('_'))
      throw refuse('_id: is not a valid id');
    const current = migrateDoc(doc);
    const why = storedDocProblem(current);
    if (why) throw refuse(why);
    const same = ids.get(doc._id);
    if (same !== undefined) throw refuse(`_id: is also the id of docs.${same}`);
    ids.set(doc._id, i);
    docs.push(current);
  }
  return docs;
}

/** A custody log's entry: appended once, never changed or deleted (a restore or a wipe keeps them). */
const isCustody = (id: string) => id.startsWith('custody:');

/**
 * Refuses a backup holding a custody entry that differs from the one the store holds under its id: a restore
 * never changes an entry (one it does not hold is added).
 */
async function refuseCustodyChanges(db: Database, docs: Doc[]): Promise<void> {
  const entries = docs.filter((doc) => isCustody(doc._id));
  if (entries.length === 0) return;
  const held = await db.allDocs({ keys: entries.map((doc) => doc._id), include_docs: true });
  entries.forEach((doc, i) => {
    const row = held.rows[i] as { doc?: (Doc & { _rev?: string }) | null } | undefined;
    if (!row?.doc) return;
    const { _rev, ...stored } = row.doc;
    if (canonicalJson(stored) !== canonicalJson(doc)) {
      throw new Error(
        `${doc._id.slice(0, 120)}: differs from the custody entry this browser holds; entries are never changed, nothing was restored.`,
      );
    }
  });
}

/**
 * Replaces every document of the store with `docs` (none: wipes it), but for custody entries: those held are
 * kept as they are, those of the backup not held are added.
 */
async function replaceAll(db: Database, docs: Doc[]): Promise<void> {
  const current = await db.allDocs();
  const revs = new Map(current.rows.filter((r) => !r.id.startsWith('_')).map((r) => [r.id, r.value.rev]));
  const writes: Doc[] = docs.flatMap((doc) => {
    const rev = revs.get(doc._id);
    revs.delete(doc._id);
    if (rev && isCustody(doc._id)) return [];
    return [{ ...doc, ...(rev ? { _rev: rev } : {}) }];
  });
  for (const id of [...revs.keys()]) if (isCustody(id)) revs.delete(id);
  for (const [id, rev] of revs) writes.push({ _id: id, _rev: rev, _deleted: true } as unknown as Doc);
  for (let i = 0; i < writes.length; i += 2000) {
    const results = await db.bulkDocs(writes.slice(i, i + 2000));
    const failed = results.find((r) => 'error' in r && r.error) as { name?: string; message?: string } | undefined;
    if (failed) throw Object.assign(new Error(`Could not write the store: ${failed.message}`), { name: failed.name });
  }
}

/** Restores a backup: validated whole, then every current document is replaced by the backup's. */
export async function restoreAll(db: Database, text: string): Promise<RestoreReport> {
  const docs = parseBackup(text);
  await refuseCustodyChanges(db, docs);
  await writing(async () => {
    await putJournal(db, docs);
    await replaceAll(db, docs);
    await db.remove(await db.get(JOURNAL));
  });
  return {
    cards: docs.filter((d) => d.type === 'card').length,
    packs: docs.filter((d) => d.type === 'pack').length,
    settings: docs.filter((d) => d.type === 'settings').length,
  };
}

/** Deletes every document of the store but custody entries (never deleted). */
export async function wipeAll(db: Database): Promise<void> {
  await writing(async () => {
    await putJournal(db, []);
    await replaceAll(db, []);
    await db.remove(await db.get(JOURNAL));
  });
}

async function putJournal(db: Database, docs: Doc[]): Promise<void> {
  const existing = await db.get(JOURNAL).catch((error: unknown) => {
    if (isNotFound(error)) return null;
    throw error;
  });
  await db.put({
    _id: JOURNAL,
    ...(existing ? { _rev: existing._rev } : {}),
    type: 'journal',
    schema: STORE_SCHEMA,
    docs,
  } as StoredDoc);
}

/** Completes a restore or wipe that was cut short; true when there was one. */
export async function resumeRestore(db: Database): Promise<boolean> {
  const journal = (await db.get(JOURNAL).catch(() => null)) as (StoredDoc & { docs?: unknown }) | null;
  if (!journal) return false;
  if (Array.isArray(journal.docs)) await replaceAll(db, journal.docs as Doc[]);
  await db.remove(journal as PouchDB.Core.RemoveDocument);
  return true;
}
