import { describe, expect, it } from 'vitest';
import { likeCouchDB } from './like-couchdb';

/** A database as the server's wrappers see it, holding one document whose winner is `2-b` and parent `1-a`. */
function database() {
  const winner = { _id: 'card:x', _rev: '2-b', summary: 'The winner.' };
  const db: Record<string, unknown> = {
    async get(id: string, options?: { rev?: string; open_revs?: unknown }) {
      if (options?.rev === '1-a') return { _id: id, _rev: '1-a', summary: 'The parent.' };
      if (options?.rev) throw Object.assign(new Error('missing'), { status: 404 });
      if (options?.open_revs) return [{ ok: winner }];
      return winner;
    },
    changes: () => ({ cancel() {}, listeners: () => [], listenerCount: () => 0 }),
    bulkDocs: { _handlers: [] },
    put: { _handlers: [] },
  };
  likeCouchDB(db);
  const [first] = (
    db.bulkDocs as { _handlers: Array<(next: () => Promise<unknown>, args: unknown) => Promise<unknown>> }
  )._handlers;
  const get = db.get as (id: string, options?: object) => Promise<{ _rev: string } | Array<{ ok: { _rev: string } }>>;
  return { first: first as NonNullable<typeof first>, get };
}

/** A replicated write of a revision `3-c` of card:x whose parent `2-z` the database lacks, and `1-a` it has. */
const replicated = {
  docs: [{ _id: 'card:x', _rev: '3-c', _revisions: { start: 3, ids: ['c', 'z', 'a'] } }],
  options: { new_edits: false },
};

describe('the sync server’s parent of a replicated revision', () => {
  it('is what the write’s own validation reads as oldDoc: the nearest ancestor on disk, once', async () => {
    const { first, get } = database();
    const seen = await first(
      async () => [await get('card:x', { revs: true }), await get('card:x', { revs: true })],
      replicated,
    );
    expect(seen).toMatchObject([{ _rev: '1-a' }, { _rev: '2-b' }]);
  });

  it('is never handed to a read of another request, even one made while the write is being checked', async () => {
    const { first, get } = database();
    // Reads started by other requests: a plain read of the document, and a pull's _bulk_get of its revisions.
    let release = () => {};
    const elsewhere = new Promise<void>((done) => {
      release = done;
    }).then(() => Promise.all([get('card:x', { revs: true }), get('card:x', { revs: true, open_revs: ['2-b'] })]));
    const own = await first(async () => {
      release();
      const others = await elsewhere;
      return { others, old: await get('card:x', { revs: true }) };
    }, replicated);
    expect(own).toMatchObject({ others: [{ _rev: '2-b' }, [{ ok: { _rev: '2-b' } }]], old: { _rev: '1-a' } });
  });

  it('is not looked for in a write that is not a replication (new_edits true)', async () => {
    const { first, get } = database();
    const seen = await first(() => get('card:x', { revs: true }), { ...replicated, options: {} });
    expect(seen).toMatchObject({ _rev: '2-b' });
  });
});
