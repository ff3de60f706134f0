import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ALIASES, MAX_CARD_BYTES } from '../../src/model/card';
import { type CustodyEntry, custodyDocId, GENESIS } from '../../src/model/custody';
import { sharedAnnotationId, sharedClipId } from '../../src/model/team-docs';
import { deviceRole, memberRole } from '../../src/team/names';
import { MAX_DOCUMENT_BYTES, MAX_REQUEST_BYTES } from './access';
import { type RawReply, rawRequest } from './raw-http';
import { adminAuth, type SyncServer, startSyncServer } from './server';
import { basicAuth, type Credentials, setupTeam } from './setup';

/*
 * The sync server as an attacker on this machine meets it: every request below is refused, with the status
 * CouchDB 3 would give (401 anonymous, 403 signed in without the right, 404 not served, 405, 413, 421…), and
 * the team's data (every database's documents with all their revisions, _security, design documents,
 * checkpoints, _users) is exactly as it was before. Requests are sent raw (raw-http.ts), paths byte for byte.
 */

let server: SyncServer;
const alice: Credentials = { name: 'alice', password: 'alice-password' };
const bob: Credentials = { name: 'bob', password: 'bob-password' };
const carol: Credentials = { name: 'carol', password: 'carol-password' };
const mallory: Credentials = { name: 'mallory', password: 'mallory-password' };
let device: Credentials;
const DB = '/dossier-team-demo';
const CLIP = '0123456789abcdef';
const ALICES_CLIP = sharedClipId(CLIP, 'alice');
let alicesClipRev = '';
const ANNOTATION = {
  id: 'urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e',
  type: 'Annotation',
  motivation: 'commenting',
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  body: [{ type: 'TextualBody', value: 'A note', format: 'text/plain', purpose: 'commenting' }],
  target: { source: 'https://news.example/a', selector: [{ type: 'TextQuoteSelector', exact: 'a' }] },
};
const ALICES_NOTE = sharedAnnotationId(
  { id: ANNOTATION.id, target: ANNOTATION.target } as Parameters<typeof sharedAnnotationId>[0],
  'alice',
);

const CASE = 'fedcba9876543210';
/** A custody entry as the extension writes it into a team's database (src/store/custody.ts). */
const custody = (by: string, fields: Partial<CustodyEntry> = {}) => {
  const entry: CustodyEntry = {
    caseId: CASE,
    seq: 1,
    at: '2026-12-07T10:00:00.000Z',
    user: by,
    device: 'laptop',
    event: 'created',
    item: CASE,
    detail: { name: 'Port of Rotterdam' },
    prev: GENESIS,
    ...fields,
  };
  return { _id: custodyDocId(entry), type: 'custody', schema: 2, ...entry, createdBy: by, updatedBy: by };
};
const ALICES_ENTRY = custodyDocId({ caseId: CASE, device: 'laptop', seq: 1, user: 'alice' });
let alicesEntryRev = '';

const card = (by: string, fields: Record<string, unknown> = {}) => ({
  type: 'card',
  schema: 2,
  cardId: 'acme',
  name: 'Acme Corp',
  kind: 'company',
  summary: 'Makes anvils.',
  createdBy: by,
  updatedBy: by,
  ...fields,
});
const clip = (by: string, fields: Record<string, unknown> = {}) => ({
  type: 'clip',
  schema: 2,
  clipId: CLIP,
  url: 'https://news.example/a',
  title: 'A',
  note: 'mine',
  createdBy: by,
  updatedBy: by,
  ...fields,
});

/** Headers that sign in as `who` (Basic auth), or none. */
const as = (who: Credentials | null): Record<string, string> =>
  who ? { authorization: basicAuth(who), accept: 'application/json' } : { accept: 'application/json' };
const json = { 'content-type': 'application/json' };

/** Everything an attack could change, read as the server admin. */
async function dump(): Promise<unknown> {
  const admin = { authorization: adminAuth(server), accept: 'application/json' };
  const read = async (path: string) => {
    const reply = await rawRequest(server.url, { path, headers: admin });
    return { status: reply.status, body: reply.body };
  };
  const database = async (db: string) => ({
    info: await read(db),
    changes: await read(`${db}/_changes?style=all_docs&include_docs=true&conflicts=true`),
    security: await read(`${db}/_security`),
    design: await read(`${db}/_design/dossier`),
    checkpoint: await read(`${db}/_local/seed-checkpoint`),
  });
  return {
    dbs: await read('/_all_dbs'),
    demo: await database(DB),
    other: await database('/dossier-team-other'),
    users: await read('/_users/_all_docs?include_docs=true'),
    usersInfo: await read('/_users'),
  };
}

/** One attack: a request, the status it must meet, and (for a bulk write) the refusal in its answer. */
interface Attack {
  name: string;
  as?: Credentials | null | (() => Credentials);
  method?: string;
  path: string | (() => string);
  headers?: Record<string, string>;
  body?: unknown | (() => unknown);
  status: number;
  /** For _bulk_docs, answered 201 with a refusal per document: the error each document must carry. */
  eachDoc?: string;
}

const bulk = (docs: unknown[], newEdits = true) => ({ docs, ...(newEdits ? {} : { new_edits: false }) });
/** A revision history with no ancestor on the server: a forged branch. */
const freshHistory = (start = 99) => ({ start, ids: Array.from({ length: 3 }, (_, i) => `f0${i}d`.padEnd(32, '0')) });

const attacks: Attack[] = [
  // Anonymous: nothing of any database, on any endpoint.
  { name: 'anonymous _find dumps the team', method: 'POST', path: `${DB}/_find`, body: { selector: {} }, status: 401 },
  {
    name: 'anonymous _bulk_get reads documents',
    method: 'POST',
    path: `${DB}/_bulk_get`,
    body: { docs: [{ id: 'card:acme' }] },
    status: 401,
  },
  {
    name: 'anonymous _index writes a design document',
    method: 'POST',
    path: `${DB}/_index`,
    body: { index: { fields: ['name'] }, ddoc: 'dossier' },
    status: 401,
  },
  { name: 'anonymous _explain', method: 'POST', path: `${DB}/_explain`, body: { selector: {} }, status: 401 },
  { name: 'anonymous _all_docs', path: `${DB}/_all_docs?include_docs=true`, status: 401 },
  { name: 'anonymous _changes', path: `${DB}/_changes?include_docs=true`, status: 401 },
  { name: 'anonymous _design_docs', path: `${DB}/_design_docs`, status: 401 },
  { name: 'anonymous reads a checkpoint', path: `${DB}/_local/seed-checkpoint`, status: 401 },
  { name: 'anonymous reads an attachment', path: `${DB}/card:acme/logo.png`, status: 401 },
  {
    name: "anonymous rewrites _design/dossier's rules",
    method: 'PUT',
    path: `${DB}/_design/dossier`,
    body: { language: 'javascript', validate_doc_update: 'function(){}' },
    status: 401,
  },
  { name: 'anonymous _purge', method: 'POST', path: `${DB}/_purge`, body: { 'card:acme': ['1-x'] }, status: 401 },
  { name: 'anonymous _compact', method: 'POST', path: `${DB}/_compact`, body: {}, status: 401 },
  { name: 'anonymous _revs_limit', method: 'PUT', path: `${DB}/_revs_limit`, body: 1, status: 401 },
  { name: 'anonymous creates a database', method: 'PUT', path: '/dossier-team-evil', status: 401 },
  { name: 'anonymous deletes the team', method: 'DELETE', path: DB, status: 401 },
  { name: 'anonymous probes a team that does not exist', path: '/dossier-team-nope/_all_docs', status: 401 },
  { name: 'anonymous _all_dbs', path: '/_all_dbs', status: 401 },
  // _users, however its name is spelled.
  {
    name: '/%5Fusers/_find dumps salts and keys',
    method: 'POST',
    path: '/%5Fusers/_find',
    body: { selector: {} },
    status: 401,
  },
  {
    name: '/%5fusers/_bulk_get (lower-case escape)',
    method: 'POST',
    path: '/%5fusers/_bulk_get',
    body: { docs: [{ id: 'org.couchdb.user:alice' }] },
    status: 401,
  },
  { name: 'anonymous _users/_all_docs', path: '/_users/_all_docs?include_docs=true', status: 401 },
  {
    name: 'anonymous signs up',
    method: 'PUT',
    path: '/_users/org.couchdb.user:eve',
    body: { _id: 'org.couchdb.user:eve', name: 'eve', type: 'user', roles: [memberRole('demo')], password: 'x' },
    status: 401,
  },
  {
    name: 'signed-in _find on /%5Fusers',
    as: mallory,
    method: 'POST',
    path: '/%5Fusers/_find',
    body: { selector: {} },
    status: 403,
  },
  { name: "a user reads another's _users document", as: mallory, path: '/_users/org.couchdb.user:alice', status: 403 },
  { name: 'a user lists _users', as: mallory, path: '/%5Fusers/_all_docs', status: 403 },
  { name: 'a user reads _users changes', as: alice, path: '/_users/_changes?include_docs=true', status: 403 },
  {
    name: 'a user gives themselves a team role',
    as: mallory,
    method: 'PUT',
    path: '/_users/org.couchdb.user:mallory',
    body: { _id: 'org.couchdb.user:mallory', name: 'mallory', type: 'user', roles: [memberRole('demo')] },
    status: 403,
  },
  {
    name: 'a user changes their own password',
    as: mallory,
    method: 'PUT',
    path: '/_users/org.couchdb.user%3Amallory',
    body: { _id: 'org.couchdb.user:mallory', name: 'mallory', type: 'user', roles: [], password: 'new-one' },
    status: 403,
  },
  {
    name: "a user creates a name in the device namespace (~), as alice's device",
    as: mallory,
    method: 'PUT',
    path: '/_users/org.couchdb.user:alice~0123456789abcdef',
    body: {
      name: 'alice~0123456789abcdef',
      type: 'user',
      roles: [memberRole('demo'), deviceRole('alice')],
      password: 'x',
    },
    status: 403,
  },
  {
    name: 'a user writes _users through _bulk_docs',
    as: mallory,
    method: 'POST',
    path: '/_users/_bulk_docs',
    body: bulk([{ _id: 'org.couchdb.user:mallory', name: 'mallory', type: 'user', roles: ['_admin'] }]),
    status: 403,
  },
  { name: 'a member lists the databases', as: alice, path: '/_all_dbs', status: 403 },
  // A signed-in user outside the team, by every spelling of its path.
  { name: 'non-member _find', as: mallory, method: 'POST', path: `${DB}/_find`, body: { selector: {} }, status: 403 },
  {
    name: 'non-member _bulk_get, the database name percent-encoded',
    as: mallory,
    method: 'POST',
    path: '/%64ossier-team-demo/_bulk_get',
    body: { docs: [{ id: 'card:acme' }] },
    status: 403,
  },
  {
    name: 'non-member _all_docs through // and a trailing slash',
    as: mallory,
    path: `/${DB}//_all_docs/`,
    status: 403,
  },
  { name: 'non-member _changes through /./ and %2e', as: mallory, path: `/.${DB}/%2e/_changes`, status: 403 },
  {
    name: 'non-member through /../ from their own team',
    as: mallory,
    path: `/dossier-team-other/..${DB}/card:acme`,
    status: 403,
  },
  { name: 'non-member _design_docs', as: mallory, path: `${DB}/_design_docs`, status: 403 },
  { name: 'non-member reads a checkpoint', as: mallory, path: `${DB}/_local/seed-checkpoint`, status: 403 },
  {
    name: 'non-member writes a checkpoint',
    as: mallory,
    method: 'PUT',
    path: `${DB}/_local/seed-checkpoint`,
    body: { last_seq: 0 },
    status: 403,
  },
  {
    name: 'non-member writes a card',
    as: mallory,
    method: 'PUT',
    path: `${DB}/card:m`,
    body: card('mallory'),
    status: 403,
  },
  // Members: the admins' parts of the team, and endpoints nobody is served.
  {
    name: 'a member writes the rules through _design%2Fdossier',
    as: alice,
    method: 'PUT',
    path: `${DB}/_design%2Fdossier`,
    body: { language: 'javascript', validate_doc_update: 'function(){}' },
    status: 403,
  },
  {
    name: 'a member writes a design document through %5Fdesign',
    as: alice,
    method: 'PUT',
    path: `${DB}/%5Fdesign/evil`,
    body: { views: { all: { map: 'function(doc){emit(doc._id)}' } } },
    status: 403,
  },
  {
    name: 'a member deletes the rules',
    as: alice,
    method: 'DELETE',
    path: `${DB}/_design/dossier?rev=1-x`,
    status: 403,
  },
  {
    name: 'a member creates an index (a design document) with _index',
    as: alice,
    method: 'POST',
    path: `${DB}/%5Findex`,
    body: { index: { fields: ['name'] }, ddoc: 'dossier' },
    status: 404,
  },
  { name: 'a member _find', as: alice, method: 'POST', path: `${DB}/_find`, body: { selector: {} }, status: 404 },
  {
    name: 'a member writes a design document through _bulk_docs',
    as: alice,
    method: 'POST',
    path: `${DB}/_bulk_docs`,
    body: bulk([{ _id: '_design/dossier', validate_doc_update: 'function(){}' }]),
    status: 403,
  },
  {
    name: 'a member posts a design document to the database',
    as: alice,
    method: 'POST',
    path: DB,
    body: { _id: '_design/evil', validate_doc_update: 'function(){}' },
    status: 403,
  },
  {
    name: 'a member rewrites _security',
    as: alice,
    method: 'PUT',
    path: `${DB}/_security`,
    body: { admins: { names: ['alice'], roles: [] }, members: { names: ['alice'], roles: [] } },
    status: 403,
  },
  {
    name: 'a member rewrites _security where it is kept (_local/_security)',
    as: alice,
    method: 'PUT',
    path: `${DB}/_local/_security`,
    body: { security: { admins: { names: ['alice'] }, members: {} } },
    status: 404,
  },
  {
    name: 'a member writes _local%2F_security',
    as: alice,
    method: 'PUT',
    path: `${DB}/_local%2F_security`,
    body: { security: { admins: { names: ['alice'] }, members: {} } },
    status: 404,
  },
  {
    name: 'a member PUTs a card whose body names _local/_security',
    as: alice,
    method: 'PUT',
    path: `${DB}/card:innocent`,
    body: { _id: '_local/_security', security: { admins: { names: ['alice'] }, members: {} } },
    status: 400,
  },
  {
    name: 'a member PUTs a checkpoint whose body names _design/dossier',
    as: alice,
    method: 'PUT',
    path: `${DB}/_local/mine`,
    body: { _id: '_design/dossier', validate_doc_update: 'function(){}' },
    status: 400,
  },
  {
    name: 'a member names the rules with ?id=',
    as: alice,
    method: 'PUT',
    path: `${DB}/card:innocent?id=_design/dossier`,
    body: { validate_doc_update: 'function(){}' },
    status: 400,
  },
  {
    name: 'a member writes _local/_security through _bulk_docs',
    as: alice,
    method: 'POST',
    path: `${DB}/_bulk_docs`,
    body: bulk([{ _id: '_local/_security', security: { admins: { names: ['alice'] } } }]),
    status: 400,
  },
  {
    name: 'a member _purge',
    as: alice,
    method: 'POST',
    path: `${DB}/_purge`,
    body: { 'card:acme': ['1-x'] },
    status: 404,
  },
  { name: 'a member _compact', as: alice, method: 'POST', path: `${DB}/_compact`, body: {}, status: 404 },
  { name: 'a member _view_cleanup', as: alice, method: 'POST', path: `${DB}/_view_cleanup`, body: {}, status: 404 },
  { name: 'a member sets _revs_limit', as: alice, method: 'PUT', path: `${DB}/_revs_limit`, body: 1, status: 404 },
  { name: 'a member _local_docs', as: alice, path: `${DB}/_local_docs`, status: 404 },
  { name: 'a member _design_docs', as: alice, path: `${DB}/_design_docs`, status: 404 },
  {
    name: 'a member runs a view of the rules',
    as: alice,
    path: `${DB}/_design/dossier/_view/all`,
    status: 404,
  },
  {
    name: 'a member calls an update handler',
    as: alice,
    method: 'POST',
    path: `${DB}/_design/dossier/_update/x/card:acme`,
    body: {},
    status: 404,
  },
  {
    name: 'a member _replicate (the server fetching any URL)',
    as: alice,
    method: 'POST',
    path: '/_replicate',
    body: { source: 'http://169.254.169.254/', target: 'x' },
    status: 404,
  },
  { name: 'a member reads _config', as: alice, path: '/_config', status: 404 },
  { name: 'a member _uuids', as: alice, path: '/_uuids', status: 404 },
  {
    name: 'a member uploads an attachment',
    as: alice,
    method: 'PUT',
    path: `${DB}/card:acme/evil.html?rev=1-x`,
    headers: { 'content-type': 'text/html' },
    body: '<script>alert(1)</script>',
    status: 404,
  },
  {
    name: 'a member writes an inline attachment',
    as: bob,
    method: 'PUT',
    path: `${DB}/card:with-attachment`,
    body: card('bob', { _attachments: { 'x.html': { content_type: 'text/html', data: 'PHNjcmlwdD4=' } } }),
    status: 403,
  },
  {
    name: 'a member COPYs a document',
    as: alice,
    method: 'COPY',
    path: `${DB}/card:acme`,
    headers: { destination: 'card:copy' },
    status: 405,
  },
  // One member against another's clip or note, however the write arrives.
  {
    name: "a member edits another's clip",
    as: bob,
    method: 'PUT',
    path: () => `${DB}/${ALICES_CLIP}`,
    body: () => clip('alice', { _rev: alicesClipRev, note: 'his', updatedBy: 'bob' }),
    status: 403,
  },
  {
    name: "a member deletes another's clip",
    as: bob,
    method: 'DELETE',
    path: () => `${DB}/${ALICES_CLIP}?rev=${alicesClipRev}`,
    status: 403,
  },
  {
    name: "a member takes another's clip over with new_edits:false and a fresh history (no ancestor)",
    as: bob,
    method: 'POST',
    path: `${DB}/_bulk_docs`,
    body: () => bulk([{ ...clip('bob'), _id: ALICES_CLIP, _rev: '99-f00d', _revisions: freshHistory() }], false),
    status: 201,
    eachDoc: 'forbidden',
  },
  {
    name: "the same takeover keeping alice's name as its author",
    as: bob,
    method: 'POST',
    path: `${DB}/_bulk_docs`,
    body: () =>
      bulk(
        [
          {
            ...clip('alice', { updatedBy: 'bob', note: 'his' }),
            _id: ALICES_CLIP,
            _rev: '99-f00d',
            _revisions: freshHistory(),
          },
        ],
        false,
      ),
    status: 201,
    eachDoc: 'forbidden',
  },
  {
    name: "a deletion stub of another's clip as a new branch",
    as: bob,
    method: 'POST',
    path: `${DB}/_bulk_docs`,
    body: () => bulk([{ _id: ALICES_CLIP, _rev: '99-f00d', _deleted: true, _revisions: freshHistory() }], false),
    status: 201,
    eachDoc: 'forbidden',
  },
  {
    name: "a deletion stub of another's clip descending from its revision",
    as: bob,
    method: 'POST',
    path: `${DB}/_bulk_docs`,
    body: () => {
      const [pos, hash] = alicesClipRev.split('-');
      const next = '9'.repeat(32);
      return bulk(
        [
          {
            _id: ALICES_CLIP,
            _rev: `${Number(pos) + 1}-${next}`,
            _deleted: true,
            _revisions: { start: Number(pos) + 1, ids: [next, hash] },
          },
        ],
        false,
      );
    },
    status: 201,
    eachDoc: 'forbidden',
  },
  // A custody entry is written once and stays: not its author, not another member changes or deletes it.
  {
    name: 'the author edits their own custody entry',
    as: alice,
    method: 'PUT',
    path: () => `${DB}/${ALICES_ENTRY}`,
    body: () => ({ ...custody('alice', { event: 'viewed' }), _rev: alicesEntryRev }),
    status: 403,
  },
  {
    name: 'the author deletes their own custody entry',
    as: alice,
    method: 'DELETE',
    path: () => `${DB}/${ALICES_ENTRY}?rev=${alicesEntryRev}`,
    status: 403,
  },
  {
    name: "the author's device deletes their custody entry in a bulk write",
    as: () => device,
    method: 'POST',
    path: `${DB}/_bulk_docs`,
    body: () => bulk([{ _id: ALICES_ENTRY, _rev: alicesEntryRev, _deleted: true }]),
    status: 403,
  },
  {
    name: "a member edits another's custody entry",
    as: bob,
    method: 'PUT',
    path: () => `${DB}/${ALICES_ENTRY}`,
    body: () => ({ ...custody('alice', { event: 'deleted' }), updatedBy: 'bob', _rev: alicesEntryRev }),
    status: 403,
  },
  {
    name: "a member deletes another's custody entry",
    as: bob,
    method: 'DELETE',
    path: () => `${DB}/${ALICES_ENTRY}?rev=${alicesEntryRev}`,
    status: 403,
  },
  {
    name: "a member replaces another's custody entry with a fresh history (no ancestor)",
    as: bob,
    method: 'POST',
    path: `${DB}/_bulk_docs`,
    body: () =>
      bulk([{ ...custody('alice', { event: 'deleted' }), _rev: '99-f00d', _revisions: freshHistory() }], false),
    status: 403,
  },
  {
    name: 'the author replaces their custody entry with a fresh history (no ancestor)',
    as: alice,
    method: 'POST',
    path: `${DB}/_bulk_docs`,
    body: () =>
      bulk([{ ...custody('alice', { event: 'deleted' }), _rev: '99-f00d', _revisions: freshHistory() }], false),
    status: 403,
  },
  {
    name: 'the author adds a conflicting first revision of their custody entry',
    as: alice,
    method: 'POST',
    path: `${DB}/_bulk_docs`,
    body: () =>
      bulk(
        [
          {
            ...custody('alice', { event: 'deleted' }),
            _rev: `1-${'e'.repeat(32)}`,
            _revisions: { start: 1, ids: ['e'.repeat(32)] },
          },
        ],
        false,
      ),
    status: 403,
  },
  {
    name: 'a member writes a custody entry as another member',
    as: bob,
    method: 'PUT',
    path: () => `${DB}/${custodyDocId({ caseId: CASE, device: 'laptop', seq: 2, user: 'bob' })}`,
    body: () => ({
      ...custody('alice', { seq: 2 }),
      _id: custodyDocId({ caseId: CASE, device: 'laptop', seq: 2, user: 'bob' }),
      createdBy: 'bob',
      updatedBy: 'bob',
    }),
    status: 403,
  },
  {
    name: "a member writes the next entry of another's chain",
    as: bob,
    method: 'PUT',
    path: () => `${DB}/${custodyDocId({ caseId: CASE, device: 'laptop', seq: 2, user: 'alice' })}`,
    body: () => ({ ...custody('alice', { seq: 2 }), createdBy: 'bob', updatedBy: 'bob' }),
    status: 403,
  },
  {
    name: "a member takes another's annotation over with PUT ?new_edits=false",
    as: bob,
    method: 'PUT',
    path: `${DB}/${encodeURIComponent(ALICES_NOTE)}?new_edits=false`,
    body: {
      _id: ALICES_NOTE,
      _rev: '50-abc',
      type: 'annotation',
      schema: 2,
      annotation: { ...ANNOTATION, body: [] },
      createdBy: 'bob',
      updatedBy: 'bob',
    },
    status: 403,
  },
  {
    name: "a member pre-claims another's future clip id",
    as: alice,
    method: 'PUT',
    path: `${DB}/${sharedClipId('fedcba9876543210', 'bob')}`,
    body: clip('alice', { clipId: 'fedcba9876543210' }),
    status: 403,
  },
  {
    name: 'a member writes a clip whose id names no author',
    as: alice,
    method: 'PUT',
    path: `${DB}/clip:fedcba9876543210`,
    body: clip('alice', { clipId: 'fedcba9876543210' }),
    status: 403,
  },
  {
    name: "a device writes its owner's teammate's clip",
    as: () => device,
    method: 'PUT',
    path: `${DB}/${sharedClipId('fedcba9876543210', 'bob')}`,
    body: clip('bob', { clipId: 'fedcba9876543210' }),
    status: 403,
  },
  {
    name: 'a device makes another device',
    as: () => device,
    method: 'POST',
    path: '/_dossier/devices',
    headers: json,
    body: { team: 'demo' },
    status: 403,
  },
  {
    name: "a device reads its owner's _users document",
    as: () => device,
    path: '/_users/org.couchdb.user:alice',
    status: 403,
  },
  // Readers read.
  {
    name: 'a reader writes a card',
    as: carol,
    method: 'PUT',
    path: `${DB}/card:carols`,
    body: card('carol', { cardId: 'carols' }),
    status: 403,
  },
  {
    name: 'a reader writes through _bulk_docs',
    as: carol,
    method: 'POST',
    path: `${DB}/_bulk_docs`,
    body: bulk([{ _id: 'card:carols', ...card('carol', { cardId: 'carols' }) }]),
    status: 201,
    eachDoc: 'forbidden',
  },
  {
    name: 'a reader writes a design document',
    as: carol,
    method: 'PUT',
    path: `${DB}/_design/x`,
    body: {},
    status: 403,
  },
  // Card limits, on the server.
  {
    name: `a card of ${MAX_ALIASES + 1} aliases`,
    as: bob,
    method: 'PUT',
    path: `${DB}/card:many`,
    body: card('bob', { cardId: 'many', aliases: Array.from({ length: MAX_ALIASES + 1 }, (_, i) => `a${i}`) }),
    status: 403,
  },
  {
    name: `a card over ${MAX_CARD_BYTES} bytes`,
    as: bob,
    method: 'PUT',
    path: `${DB}/card:big`,
    body: card('bob', {
      cardId: 'big',
      notes: 'x'.repeat(90_000),
      summary: 'y'.repeat(90_000),
      aliases: ['z'.repeat(90_000)],
    }),
    status: 403,
  },
  // Sizes: 413, from the declared length before a byte is read.
  {
    name: `a document over ${MAX_DOCUMENT_BYTES} bytes`,
    as: bob,
    method: 'PUT',
    path: `${DB}/clip:x:bob`,
    body: clip('bob', { text: 'x'.repeat(MAX_DOCUMENT_BYTES) }),
    status: 413,
  },
  {
    name: 'a document over the limit inside _bulk_docs',
    as: bob,
    method: 'POST',
    path: `${DB}/_bulk_docs`,
    body: bulk([{ _id: 'clip:x:bob', ...clip('bob', { text: 'x'.repeat(MAX_DOCUMENT_BYTES) }) }]),
    status: 413,
  },
  {
    name: 'a card 100,000 objects deep',
    as: bob,
    method: 'PUT',
    path: `${DB}/card:deep`,
    headers: json,
    body: `${JSON.stringify(card('bob', { cardId: 'deep' })).slice(0, -1)},"context":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`,
    status: 403,
  },
  // Host and Origin: DNS rebinding, web pages, a proxy's absolute URL, malformed paths.
  {
    name: 'a rebound host name (DNS rebinding) with valid credentials',
    as: alice,
    path: `${DB}/_all_docs`,
    headers: { host: 'attacker.example' },
    status: 421,
  },
  {
    name: "the server's port on a rebound name",
    as: alice,
    path: `${DB}/_all_docs`,
    headers: { host: 'localhost.attacker.example' },
    status: 421,
  },
  {
    name: 'a web page with credentials',
    as: alice,
    path: `${DB}/_all_docs`,
    headers: { origin: 'https://evil.example' },
    status: 403,
  },
  {
    name: "a rebound page whose origin names the server's port",
    as: alice,
    path: `${DB}/_all_docs`,
    headers: { origin: 'http://localhost.attacker.example:5984' },
    status: 403,
  },
  {
    name: 'a sandboxed page (Origin: null)',
    as: alice,
    path: `${DB}/_all_docs`,
    headers: { origin: 'null' },
    status: 403,
  },
  {
    name: "a web page's sign-in form (CSRF)",
    method: 'POST',
    path: '/_session',
    headers: { origin: 'http://127.0.0.1:1', 'content-type': 'application/x-www-form-urlencoded' },
    body: 'name=alice&password=alice-password',
    status: 403,
  },
  {
    name: 'a sign-in as a form, from no page',
    method: 'POST',
    path: '/_session',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'name=alice&password=alice-password',
    status: 415,
  },
  {
    name: "a proxy's absolute request target",
    as: alice,
    path: 'http://127.0.0.1/dossier-team-demo/_all_docs',
    status: 400,
  },
  { name: 'a malformed percent escape', as: alice, path: `${DB}/%ZZ`, status: 400 },
  { name: 'a NUL in the path', as: alice, path: `${DB}/card%00acme`, status: 400 },
  { name: 'a CORS preflight (no CORS is served)', method: 'OPTIONS', path: '/_session', status: 405 },
  { name: 'an anonymous CORS preflight of a database', method: 'OPTIONS', path: `${DB}/_all_docs`, status: 401 },
];

beforeAll(async () => {
  server = await startSyncServer();
  await setupTeam({ url: server.url, admin: server.admin, team: 'demo', members: [alice, bob], readers: [carol] });
  await setupTeam({ url: server.url, admin: server.admin, team: 'other', members: [mallory], readers: [] });
  const write = async (who: Credentials, path: string, body: unknown) => {
    const reply = await rawRequest(server.url, {
      method: 'PUT',
      path,
      headers: { ...as(who), ...json },
      body: JSON.stringify(body),
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return (reply.body as { rev: string }).rev;
  };
  await write(alice, `${DB}/card:acme`, card('alice'));
  alicesClipRev = await write(alice, `${DB}/${ALICES_CLIP}`, clip('alice'));
  alicesEntryRev = await write(alice, `${DB}/${ALICES_ENTRY}`, custody('alice'));
  await write(alice, `${DB}/${encodeURIComponent(ALICES_NOTE)}`, {
    type: 'annotation',
    schema: 2,
    annotation: ANNOTATION,
    createdBy: 'alice',
    updatedBy: 'alice',
  });
  await write(alice, `${DB}/_local/seed-checkpoint`, { last_seq: 3 });
  const made = await rawRequest(server.url, {
    method: 'POST',
    path: '/_dossier/devices',
    headers: { ...as(alice), ...json },
    body: JSON.stringify({ team: 'demo', label: 'Chromium on Linux' }),
  });
  expect(made.status).toBe(201);
  const { name, password } = made.body as Credentials;
  device = { name, password };
  // Sign everyone in once, so that nothing a first sign-in might keep changes the data under a test.
  for (const who of [alice, bob, carol, mallory, device]) {
    expect((await rawRequest(server.url, { path: '/_session', headers: as(who) })).status).toBe(200);
  }
});

afterAll(async () => {
  await server?.close();
  await new Promise((settle) => setTimeout(settle, 500));
});

describe('the sync server under attack', () => {
  it('is attacked by at least 40 distinct requests', () => {
    expect(new Set(attacks.map((a) => a.name)).size).toBe(attacks.length);
    expect(attacks.length).toBeGreaterThanOrEqual(40);
  });

  it.each(attacks)('refuses $name ($status), and the team is unchanged', async (attack) => {
    const before = await dump();
    const who = typeof attack.as === 'function' ? attack.as() : (attack.as ?? null);
    const body = typeof attack.body === 'function' ? (attack.body as () => unknown)() : attack.body;
    const reply: RawReply = await rawRequest(server.url, {
      method: attack.method ?? 'GET',
      path: typeof attack.path === 'function' ? attack.path() : attack.path,
      headers: { ...as(who), ...(body !== undefined && typeof body !== 'string' ? json : {}), ...attack.headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    expect(reply.status, JSON.stringify(reply.body).slice(0, 300)).toBe(attack.status);
    if (attack.eachDoc) {
      expect(Array.isArray(reply.body) && reply.body.length > 0, JSON.stringify(reply.body)).toBe(true);
      for (const result of reply.body as { error?: string }[]) expect(result.error).toBe(attack.eachDoc);
    }
    expect(await dump()).toEqual(before);
  });
});

describe('bodies are not read before the caller may send them', () => {
  /** Streams up to `total` bytes of a JSON-looking body in 1 MB chunks, stopping once the server has answered. */
  async function upload(who: Credentials | null, path: string, total: number, declare: boolean) {
    let sent = 0;
    let answered = false;
    const chunk = new Uint8Array(1024 * 1024).fill(0x20);
    async function* body() {
      while (sent < total && !answered) {
        sent += chunk.length;
        yield chunk;
        await new Promise((settle) => setTimeout(settle, 1));
      }
    }
    const outcome = await rawRequest(server.url, {
      method: 'POST',
      path,
      headers: { ...as(who), ...json, ...(declare ? { 'content-length': String(total) } : {}) },
      body: body(),
    }).then(
      (reply) => ({ reply, status: String(reply.status) }),
      (error: NodeJS.ErrnoException) => ({ reply: null, status: String(error.code) }),
    );
    answered = true;
    return { ...outcome, sent };
  }

  it('answers an anonymous 50 MB upload 401 before it is sent', async () => {
    const before = await dump();
    const { reply, sent } = await upload(null, `${DB}/_bulk_docs`, 50 * 1024 * 1024, true);
    expect(reply?.status).toBe(401);
    expect(sent).toBeLessThan(50 * 1024 * 1024);
    expect(await dump()).toEqual(before);
  });

  it("answers a member's declared 50 MB upload 413 before it is sent", async () => {
    const before = await dump();
    const { reply, sent } = await upload(bob, `${DB}/_bulk_docs`, 50 * 1024 * 1024, true);
    expect(reply).toMatchObject({ status: 413, body: { error: 'too_large' } });
    expect(sent).toBeLessThan(50 * 1024 * 1024);
    expect(await dump()).toEqual(before);
  });

  it(`stops reading a member's undeclared (chunked) upload past ${MAX_REQUEST_BYTES} bytes`, async () => {
    const before = await dump();
    // The server answers 413 and Node closes the connection under the rest of the upload: a client still writing
    // may see the closed connection (EPIPE) before the answer. Either way the upload stopped short of 50 MB.
    const { status, sent } = await upload(bob, `${DB}/_bulk_docs`, 50 * 1024 * 1024, false);
    expect(['413', 'EPIPE', 'ECONNRESET']).toContain(status);
    expect(sent).toBeGreaterThan(MAX_REQUEST_BYTES);
    expect(sent).toBeLessThan(50 * 1024 * 1024);
    expect(await dump()).toEqual(before);
  });
});

describe('what the team still does', () => {
  it('serves replication, checkpoints and its own documents to its members, by any spelling of the path', async () => {
    const ok = async (who: Credentials, method: string, path: string, body?: unknown) => {
      const reply = await rawRequest(server.url, {
        method,
        path,
        headers: { ...as(who), ...(body === undefined ? {} : json) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      expect(reply.status, `${method} ${path}: ${JSON.stringify(reply.body).slice(0, 200)}`).toBeLessThan(300);
      return reply.body;
    };
    await ok(carol, 'GET', `/${DB}//_all_docs/`);
    await ok(carol, 'POST', `${DB}/_bulk_get?revs=true`, { docs: [{ id: 'card:acme' }] });
    await ok(carol, 'POST', `${DB}/_revs_diff`, { 'card:acme': ['1-x'] });
    await ok(carol, 'GET', `${DB}/_changes?style=all_docs&since=0&limit=10`);
    await ok(carol, 'GET', '/');
    await ok(carol, 'GET', `/%64ossier-team-demo/card%3Aacme`);
    await ok(carol, 'PUT', `${DB}/_local/carols-checkpoint`, { last_seq: 1 });
    // PouchDB's replication ids are an MD5 in base64 with / and + made . and _: they may start with either.
    for (const checkpoint of ['_2F0m9WQk1k3S4c2Yp0Xgw==', '.Qm1bD7sI0eB5x9l2kY3aA==']) {
      await ok(bob, 'PUT', `${DB}/_local/${checkpoint}`, { last_seq: 1 });
      expect(await ok(bob, 'GET', `${DB}/_local/${checkpoint}`)).toMatchObject({ last_seq: 1 });
    }
    await ok(bob, 'POST', `${DB}/_bulk_docs`, bulk([{ _id: 'card:bobs', ...card('bob', { cardId: 'bobs' }) }]));
    // Each member appends their own custody entries, directly or as a replication pushes them.
    await ok(bob, 'PUT', `${DB}/${custodyDocId({ caseId: CASE, device: 'desk', seq: 1, user: 'bob' })}`, {
      ...custody('bob', { device: 'desk', event: 'viewed' }),
    });
    await ok(
      alice,
      'POST',
      `${DB}/_bulk_docs`,
      bulk(
        [
          {
            ...custody('alice', { seq: 2, event: 'viewed' }),
            _rev: `1-${'a'.repeat(32)}`,
            _revisions: { start: 1, ids: ['a'.repeat(32)] },
          },
        ],
        false,
      ),
    );
    const mine = (await ok(alice, 'GET', `${DB}/${ALICES_CLIP}`)) as { _rev: string };
    await ok(alice, 'PUT', `${DB}/${ALICES_CLIP}`, clip('alice', { _rev: mine._rev, note: 'later' }));
    expect(await ok(alice, 'GET', `/_users/org.couchdb.user:alice`)).toMatchObject({ name: 'alice' });
    expect(await ok(device, 'GET', `${DB}/card:acme`)).toMatchObject({ createdBy: 'alice' });
    await ok(alice, 'GET', DB);
    // The server's own origin (a page it does not serve, but its owner may put there) passes.
    const own = await rawRequest(server.url, {
      path: `${DB}/card:acme`,
      headers: { ...as(alice), origin: server.url },
    });
    expect(own.status).toBe(200);
    // The extension's own origin passes.
    const extension = await rawRequest(server.url, {
      path: `${DB}/card:acme`,
      headers: { ...as(alice), origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' },
    });
    expect(extension.status).toBe(200);
  });
});
