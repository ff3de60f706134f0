/*
 * Runs in a page of the sync server's own origin (bundled as a classic script by bench/team.ts): the floors of
 * a team's sync, with the same PouchDB build and IndexedDB adapter as the extension's, signed in with a session
 * cookie, and nothing of Dossier around them (no cards read back, no dictionary, no page):
 *
 * - `teamFloor`: the team's database replicated once into a fresh local one;
 * - `liveFloor`: an edit written into one local database that pushes live to the server, until another local
 *   database pulling live from the server holds it (a block of edits of one document per call).
 */
import IndexedDbAdapter from 'pouchdb-adapter-indexeddb';
import PouchDB from 'pouchdb-browser';

PouchDB.plugin(IndexedDbAdapter);

declare global {
  interface Window {
    teamFloor?: (db: string, user: string, password: string, name: string, batchSize: number) => Promise<number>;
    liveFloor?: (db: string, user: string, password: string, edits: number, block: number) => Promise<number[]>;
  }
}

async function signIn(user: string, password: string): Promise<void> {
  const answer = await fetch('/_session', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ name: user, password }),
  });
  if (!answer.ok) throw new Error(`sign-in refused: ${answer.status}`);
}

window.teamFloor = async (db, user, password, name, batchSize) => {
  await signIn(user, password);
  const local = new PouchDB(name, { adapter: 'indexeddb' });
  const remote = new PouchDB(`${location.origin}/${db}`, { skip_setup: true });
  const start = performance.now();
  const result = await local.replicate.from(remote, { batch_size: batchSize });
  const ms = performance.now() - start;
  await local.destroy();
  if (result.docs_written === 0) throw new Error('The floor replicated nothing');
  return ms;
};

window.liveFloor = async (db, user, password, edits, block) => {
  await signIn(user, password);
  const remote = new PouchDB(`${location.origin}/${db}`, { skip_setup: true });
  const source = new PouchDB('live-floor-source', { adapter: 'indexeddb' });
  const sink = new PouchDB('live-floor-sink', { adapter: 'indexeddb' });
  const { update_seq } = await remote.info();
  const push = source.replicate.to(remote, { live: true, retry: true });
  // The sink follows the team from now on (the team's other documents are not the floor's business).
  const pull = sink.replicate.from(remote, { live: true, retry: true, since: update_seq });
  let waiting: { rev: string; done: () => void } | null = null;
  pull.on('change', (info) => {
    if (waiting && info.docs.some((doc) => doc._rev === waiting?.rev)) waiting.done();
  });
  const doc = {
    // A document of its own for each block of edits, so that blocks never make conflicting first revisions.
    _id: `card:live-floor-${block}`,
    type: 'card',
    schema: 2,
    cardId: `live-floor-${block}`,
    name: 'Live Floor',
    kind: 'person',
    aliases: [] as string[],
    pack: 'team:floor',
    edited: false,
    trashed: null,
    updated: new Date().toISOString(),
    createdBy: user,
    updatedBy: user,
  };
  const times: number[] = [];
  let rev: string | undefined;
  for (let i = 0; i <= edits; i++) {
    const start = performance.now();
    const written = await source.put({ ...doc, aliases: [`Floor ${i}`], ...(rev ? { _rev: rev } : {}) });
    rev = written.rev;
    await new Promise<void>((done) => {
      waiting = { rev: written.rev, done };
    });
    waiting = null;
    // The first write creates the document: not an edit.
    if (i > 0) times.push(performance.now() - start);
    await new Promise((wake) => setTimeout(wake, 250));
  }
  push.cancel();
  pull.cancel();
  await Promise.all([source.destroy(), sink.destroy()]);
  return times;
};
