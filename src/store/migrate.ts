import { BUILT_IN_PACK_ID } from '../model/pack';
import { type Database, STORE_SCHEMA, type StoredDoc, writing } from './db';

/*
 * Documents written by an older version of Dossier are brought up to the current schema when the store opens,
 * one step per version, each step a pure function of one document. A document of a newer schema (written by a
 * newer Dossier, or replicated from a teammate's) is left alone and read as far as it can be.
 */

type Doc = StoredDoc & Record<string, unknown>;

/** Migration steps: `steps[n]` turns a schema-n document into a schema-(n + 1) one. */
const steps: Record<number, (doc: Doc) => Doc> = {
  1: (doc) => {
    if (doc.type === 'card') return { ...doc, edited: false, trashed: null, updated: null };
    if (doc.type === 'pack') return { ...doc, builtIn: doc.packId === BUILT_IN_PACK_ID };
    return doc;
  },
};

/** Brings one document to the current schema (unchanged when it is current or newer). */
export function migrateDoc(doc: Doc): Doc {
  let current = doc;
  const from = typeof doc.schema === 'number' && Number.isInteger(doc.schema) ? doc.schema : 1;
  for (let version = from; version < STORE_SCHEMA; version++) {
    const step = steps[version];
    if (step) current = step(current);
  }
  return from < STORE_SCHEMA ? { ...current, schema: STORE_SCHEMA } : current;
}

const MARK = '_local/schema';

/** Migrates every older document of a database; returns how many were rewritten. Cheap when nothing is old. */
export async function migrate(db: Database): Promise<number> {
  const mark = (await db.get(MARK).catch(() => null)) as (StoredDoc & { version?: number }) | null;
  if (mark?.version === STORE_SCHEMA) return 0;
  const all = await db.allDocs({ include_docs: true });
  const changed: Doc[] = [];
  for (const row of all.rows) {
    const doc = row.doc as Doc | undefined;
    if (!doc || row.id.startsWith('_')) continue;
    if (typeof doc.schema === 'number' && doc.schema >= STORE_SCHEMA) continue;
    changed.push(migrateDoc(doc));
  }
  await writing(async () => {
    for (let i = 0; i < changed.length; i += 500) {
      const results = await db.bulkDocs(changed.slice(i, i + 500));
      const failed = results.find((r) => 'error' in r && r.error);
      if (failed) throw new Error(`Could not migrate the store: ${(failed as { message?: string }).message}`);
    }
    await db.put({
      _id: MARK,
      ...(mark?._rev ? { _rev: mark._rev } : {}),
      type: 'mark',
      schema: STORE_SCHEMA,
      version: STORE_SCHEMA,
    } as StoredDoc);
  });
  return changed.length;
}
