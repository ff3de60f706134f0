import * as v from 'valibot';
import { AnnotationSchema } from '../model/annotation';
import { BACKUP_FORMAT, type RestoreReport } from '../model/backup';
import { PackSchema } from '../model/pack';
import { isAnnotationId } from './annotations';
import { type CardDoc, toCard } from './card-docs';
import { type Database, isNotFound, STORE_SCHEMA, type StoredDoc, writing } from './db';
import { migrateDoc } from './migrate';
import { SiteSettingsSchema } from './settings';

/*
 * "Export everything", "Restore" and "Wipe everything" on the options page. A backup is every document of the
 * user's store (cards, packs, settings), without PouchDB's revisions. A restore is validated whole, then written
 * under a journal (like a pack import), so that a restore cut short is completed at the next start.
 */

const BACKUP_VERSION = 1;
const JOURNAL = '_local/restore';

type Doc = StoredDoc & Record<string, unknown>;

/** Every document of the store, as a backup file's text. */
export async function exportAll(db: Database): Promise<string> {
  const all = await db.allDocs({ include_docs: true });
  const docs = all.rows.flatMap((row) => {
    if (!row.doc || row.id.startsWith('_')) return [];
    const { _rev, ...doc } = row.doc as Doc & { _rev?: string };
    return [doc];
  });
  return `${JSON.stringify({ format: BACKUP_FORMAT, formatVersion: BACKUP_VERSION, exported: new Date().toISOString(), docs }, null, 1)}\n`;
}

/** Checks one document of a backup; returns why it is refused, or null. */
function refuse(doc: Doc): string | null {
  if (typeof doc._id !== 'string' || doc._id.startsWith('_')) return 'has no valid _id';
  const current = migrateDoc(doc);
  if (current.type === 'card') {
    if (!current._id.startsWith('card:')) return 'is a card whose _id does not start with card:';
    return toCard(current as unknown as CardDoc) ? null : 'is not a valid card';
  }
  if (current.type === 'pack') {
    const ok =
      current._id === `pack:${String(current.packId)}` &&
      v.is(PackSchema.entries.id, current.packId) &&
      typeof current.name === 'string' &&
      typeof current.enabled === 'boolean' &&
      Array.isArray(current.cardIds);
    return ok ? null : 'is not a valid pack record';
  }
  if (current.type === 'settings') {
    const { paused, disabledSites, ignored, highlight, alerts } = current as Record<string, unknown>;
    return v.is(SiteSettingsSchema, { paused, disabledSites, ignored, highlight, alerts })
      ? null
      : 'holds invalid settings';
  }
  if (current.type === 'clip') {
    const ok =
      /^clip:[0-9a-f]{16}$/.test(current._id) &&
      typeof current.title === 'string' &&
      typeof current.html === 'string' &&
      typeof current.text === 'string' &&
      Array.isArray(current.mentions);
    return ok ? null : 'is not a valid clip';
  }
  if (current.type === 'annotation') {
    const annotation = (current as { annotation?: unknown }).annotation;
    return isAnnotationId(current._id) && v.is(AnnotationSchema, annotation) ? null : 'is not a valid annotation';
  }
  if (current.type === 'signal-hit') {
    const text = (key: string) => typeof current[key] === 'string';
    const ok =
      /^sighit:[0-9a-f]{16}$/.test(current._id) &&
      ['url', 'title', 'time', 'cardId', 'cardName', 'signal', 'evidence'].every(text) &&
      Array.isArray(current.terms);
    return ok ? null : 'is not a valid signal hit';
  }
  return `has an unknown type ${JSON.stringify(String(current.type)).slice(0, 40)}`;
}

/** Reads a backup file whole; throws with the reason when any part of it is wrong. */
export function parseBackup(text: string): Doc[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`The file is not valid JSON (is it complete?): ${(error as Error).message}`);
  }
  const head = data as { format?: unknown; formatVersion?: unknown; docs?: unknown } | null;
  if (head?.format !== BACKUP_FORMAT)
    throw new Error('The file is not a Dossier backup ("format" must be "dossier-backup").');
  if (head.formatVersion !== BACKUP_VERSION) {
    throw new Error(
      `The backup's format version ${String(head.formatVersion)} is not one this Dossier reads (${BACKUP_VERSION}).`,
    );
  }
  if (!Array.isArray(head.docs)) throw new Error('The backup holds no "docs" list.');
  const docs = head.docs as Doc[];
  const ids = new Set<string>();
  for (const [i, doc] of docs.entries()) {
    const why = typeof doc === 'object' && doc !== null ? refuse(doc) : 'is not an object';
    if (why) throw new Error(`docs.${i} ${why}; nothing was restored.`);
    if (ids.has(doc._id)) throw new Error(`docs.${i}: ${doc._id} appears twice; nothing was restored.`);
    ids.add(doc._id);
  }
  return docs.map((doc) => migrateDoc(doc));
}

/** Replaces every document of the store with `docs` (none: wipes it). */
async function replaceAll(db: Database, docs: Doc[]): Promise<void> {
  const current = await db.allDocs();
  const revs = new Map(current.rows.filter((r) => !r.id.startsWith('_')).map((r) => [r.id, r.value.rev]));
  const writes: Doc[] = docs.map((doc) => {
    const rev = revs.get(doc._id);
    revs.delete(doc._id);
    return { ...doc, ...(rev ? { _rev: rev } : {}) };
  });
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

/** Deletes every document of the store. */
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
