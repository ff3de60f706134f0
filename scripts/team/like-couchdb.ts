import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Where the sync server (express-pouchdb over PouchDB 7) differs from CouchDB on replication, and the fix of
 * each, installed on every database it opens before any of its own handlers run.
 */

/** A document as it arrives in a write. */
type Incoming = { _id?: unknown; _revisions?: { start: number; ids: string[] } };
/** What pouchdb-wrappers hands each handler of a wrapped method. */
type Args = { base: Db; doc?: Incoming; docs?: Incoming[]; options?: { new_edits?: boolean } };
/** A database method wrapped by pouchdb-wrappers: its handlers run first to last, each calling the next. */
type Wrapped = { _handlers?: Array<(next: () => Promise<unknown>, args: Args) => unknown> };
type Get = (id: unknown, options?: unknown, ...rest: unknown[]) => Promise<unknown>;
/** A database as the server's wrappers see it. */
type Db = Record<string, unknown> & { get: Get; changes?: (...args: unknown[]) => Feed };
/** A changes feed as the wrappers hand it back: an event emitter that can be cancelled. */
type Feed = {
  cancel(): void;
  listeners(event: string): Array<(...args: unknown[]) => void>;
  listenerCount(event: string): number;
};
/** A leaf as `get(id, {open_revs: 'all', revs: true})` answers it. */
type Leaf = { ok?: { _rev: string; _revisions?: { start: number; ids: string[] } } };

/**
 * 1. pouchdb-validation sets every incoming document's `_revisions` to the stored winner's before validating it,
 *    and writes it so: a replicated edit then carries the wrong history, PouchDB takes it for a revision it
 *    already has and drops it. Edits and deletes of a shared document never reached the server, and concurrent
 *    edits never became a conflict. CouchDB keeps the history the replicator sent: so does this server, each
 *    document's `_revisions` pinned before validation runs (its assignment is ignored).
 * 2. pouchdb-validation hands validate_doc_update the stored winner as `oldDoc`; CouchDB hands a replicated
 *    revision its parent, the nearest ancestor it has on disk. They differ when the winner is deleted: an edit a
 *    member made while a teammate deleted the card was validated as a creation, and refused (its `createdBy` is
 *    not the writer). Here too, `oldDoc` is the parent, handed only to the validation of the write that
 *    brought it (a pull's _bulk_get of the same document, with `revs` and `open_revs`, answered with it instead
 *    of its list of revisions, never answered at all).
 * 3. A read with `latest` (as the replicator's `_bulk_get` asks) of a revision the document's tree does not
 *    hold throws inside PouchDB 7's LevelDB adapter while it holds the database's read lock: the request never
 *    answers, and every later read and write of that database waits forever (one such read during a teammate's
 *    write left a team's database stuck). CouchDB answers `missing`. Here, `latest` is resolved before the
 *    read, from the document's leaves, and an unknown revision is read as it is (a `missing` error).
 * 4. pouchdb-changeslike-wrapper's feed drops every listener when it is cancelled, so express-pouchdb's
 *    `_changes` never hears that a long-poll feed whose client went away is complete, and its heartbeat
 *    interval runs on for good: a process that ran the server never exits. Here a cancelled feed tells the
 *    listeners it dropped that it is complete, as PouchDB's own feed does.
 */
export function likeCouchDB(db: Record<string, unknown>): void {
  const base = db as Db;
  // The parent of each replicated revision being validated (null: none on disk), by document id in the order
  // the write lists them, each read once, kept for the write that asked: two teammates' pushes of one document
  // arrive together when the server comes back, and a pull's _bulk_get may read the document meanwhile; none
  // may read (and use up) another write's parent.
  const parentsOfWrite = new AsyncLocalStorage<Map<string, unknown[]>>();
  const get = base.get;

  /** The leaf that descends from `rev`, or `rev` itself when no leaf does (or the document is unknown). */
  const latestOf = async (self: unknown, id: unknown, rev: string): Promise<string> => {
    const pos = Number.parseInt(rev, 10);
    const hash = rev.slice(rev.indexOf('-') + 1);
    let leaves: Leaf[] = [];
    try {
      leaves = (await get.call(self, id, { open_revs: 'all', revs: true })) as Leaf[];
    } catch {
      return rev;
    }
    for (const leaf of leaves) {
      const history = leaf.ok?._revisions;
      if (leaf.ok && history && history.ids[history.start - pos] === hash) return leaf.ok._rev;
    }
    return rev;
  };

  base.get = function (this: unknown, id, options, ...rest) {
    const asked = options as { revs?: unknown; rev?: unknown; latest?: unknown } | undefined;
    // pouchdb-validation reads oldDoc as get(id, {revs: true}), inside the write being validated.
    const queued = typeof id === 'string' ? parentsOfWrite.getStore()?.get(id) : undefined;
    if (queued && queued.length > 0 && asked?.revs === true && Object.keys(asked).length === 1) {
      const parent = queued.shift();
      return parent
        ? Promise.resolve(structuredClone(parent))
        : Promise.reject(Object.assign(new Error('missing'), { status: 404, name: 'not_found' }));
    }
    if (asked?.latest && typeof asked.rev === 'string') {
      const { latest: _latest, ...plain } = asked;
      const callback = rest.find((arg) => typeof arg === 'function') as
        | ((error: unknown, doc?: unknown) => void)
        | undefined;
      const read = latestOf(this, id, asked.rev).then((rev) => get.call(this, id, { ...plain, rev }));
      if (callback)
        read.then(
          (doc) => callback(null, doc),
          (error: unknown) => callback(error),
        );
      return read;
    }
    return get.call(this, id, options, ...rest);
  } as Get;

  /** The nearest ancestor of a replicated revision that the database holds, or null. */
  const parentOf = async (doc: Incoming): Promise<unknown> => {
    const { start, ids } = doc._revisions ?? { start: 0, ids: [] };
    for (let i = 1; i < ids.length; i++) {
      try {
        return await get.call(base, doc._id, { rev: `${start - i}-${ids[i]}`, revs: true });
      } catch {
        // Not on disk (never seen, or compacted): its own parent, then.
      }
    }
    return null;
  };

  const pin = (doc: Incoming) => {
    const history = doc._revisions;
    Object.defineProperty(doc, '_revisions', {
      configurable: true,
      enumerable: true,
      get: () => history,
      set: () => undefined,
    });
  };

  const first = async (next: () => Promise<unknown>, args: Args) => {
    const docs = [...(args.doc ? [args.doc] : []), ...(args.docs ?? [])].filter(
      (doc) => typeof doc._id === 'string' && doc._revisions !== undefined,
    );
    if (args.options?.new_edits !== false || docs.length === 0) return next();
    const parents = new Map<string, unknown[]>();
    for (const doc of docs) {
      pin(doc);
      const parent = await parentOf(doc);
      const queue = parents.get(doc._id as string);
      if (queue) queue.push(parent);
      else parents.set(doc._id as string, [parent]);
    }
    return parentsOfWrite.run(parents, next);
  };
  const changes = base.changes;
  if (!changes) throw new Error('The sync server expected a database with a changes feed.');
  base.changes = function (this: unknown, ...args: unknown[]) {
    const feed = changes.apply(this, args);
    const cancel = feed.cancel;
    feed.cancel = function (this: Feed) {
      const complete = feed.listeners('complete');
      cancel.call(this);
      if (feed.listenerCount('complete') > 0) return;
      for (const listener of complete) listener({ status: 'cancelled' });
    };
    return feed;
  };

  for (const method of ['bulkDocs', 'put']) {
    const handlers = (db[method] as Wrapped | undefined)?._handlers;
    if (!handlers) throw new Error(`The sync server expected validation to wrap ${method}.`);
    handlers.unshift(first);
  }
}
