/**
 * Custody entries are appended once and never changed: validate_doc_update refuses every revision written over
 * one it is shown (src/team/validate-doc-update.ts), but CouchDB shows it none for a revision with no ancestor on
 * disk (`new_edits: false`, a fresh history or another first revision): that write would add a second branch,
 * an edit by its author that the rule cannot see. The sync server refuses it here, with the database in hand:
 * a write of a custody entry that exists passes only when it is one of the entry's own revisions again (a
 * replication sending what the server has, a no-op).
 */
import type { Refusal } from './access';

/** The revisions (leaves) a document has in a database, or null when it has none (or was deleted). */
export type LeavesOf = (database: string, id: string) => Promise<string[] | null>;

const CUSTODY = 'custody:';

/** The documents a write names: a `_bulk_docs` body's, a `PUT /db/id`'s, a `POST /db`'s. */
function writtenDocs(method: string, segments: readonly string[], body: unknown): Array<{ id: string; rev: unknown }> {
  const record = (body ?? {}) as Record<string, unknown>;
  if (method === 'POST' && segments.length === 2 && segments[1] === '_bulk_docs') {
    const docs = Array.isArray(record.docs) ? record.docs : [];
    return docs.flatMap((doc) => {
      const d = (doc ?? {}) as Record<string, unknown>;
      return typeof d._id === 'string' ? [{ id: d._id, rev: d._rev }] : [];
    });
  }
  if (method === 'PUT' && segments.length === 2) return [{ id: segments[1] as string, rev: record._rev }];
  if (method === 'POST' && segments.length === 1 && typeof record._id === 'string') {
    return [{ id: record._id, rev: record._rev }];
  }
  return [];
}

/** The refusal of a write over an existing custody entry, or null. */
export async function appendOnlyRefusal(
  method: string,
  segments: readonly string[],
  body: unknown,
  newEdits: boolean,
  leavesOf: LeavesOf,
): Promise<Refusal | null> {
  const database = segments[0];
  if (!database) return null;
  for (const { id, rev } of writtenDocs(method, segments, body)) {
    if (!id.startsWith(CUSTODY)) continue;
    const leaves = await leavesOf(database, id);
    if (!leaves) continue;
    if (!newEdits && typeof rev === 'string' && leaves.includes(rev)) continue;
    return { status: 403, error: 'forbidden', reason: `A custody entry is never changed (${id.slice(0, 200)}).` };
  }
  return null;
}
