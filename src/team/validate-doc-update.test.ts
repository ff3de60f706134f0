import { createContext, runInContext } from 'node:vm';
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';
import { MAX_ALIASES, MAX_CARD_BYTES } from '../model/card';
import { sharedCaseId } from '../model/case';
import { type CustodyEntry, custodyDocId, GENESIS } from '../model/custody';
import { sharedAnnotationId, sharedClipId, sharedDocProblem, sharedSignalId } from '../model/team-docs';
import { deviceRole, memberRole, ownerOfDevice, readerRole, teamDbName } from './names';
import { teamSecurity, userDocFor } from './security';
import { TEAM_DESIGN_ID, teamDesignDoc, validateSource } from './team-design';
import { type CouchDoc, type UserCtx, validateTeamDoc } from './validate-doc-update';

const TEAM = 'demo';
const alice: UserCtx = { name: 'alice', roles: [memberRole(TEAM)] };
const bob: UserCtx = { name: 'bob', roles: [memberRole(TEAM)] };
const carol: UserCtx = { name: 'carol', roles: [readerRole(TEAM)] };
const admin: UserCtx = { name: 'admin', roles: ['_admin'] };

const card = (by = 'alice', fields: CouchDoc = {}): CouchDoc => ({
  _id: 'card:china',
  type: 'card',
  schema: 2,
  cardId: 'china',
  name: 'China',
  kind: 'country',
  aliases: ['PRC'],
  summary: 'A country.',
  signals: [{ text: 'export controls' }],
  context: { require: [], exclude: ['porcelain'] },
  trashed: null,
  createdBy: by,
  updatedBy: by,
  ...fields,
});

const annotation = (by = 'alice', fields: CouchDoc = {}): CouchDoc => ({
  _id: `anno:0123456789abcdef:0f8fad5b-d9cb-469f-a165-70867728950e:${by}`,
  type: 'annotation',
  schema: 2,
  annotation: {
    id: 'urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e',
    type: 'Annotation',
    motivation: 'commenting',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    body: [{ type: 'TextualBody', value: 'A note', format: 'text/plain', purpose: 'commenting' }],
    target: {
      source: 'https://news.example/a',
      selector: [
        { type: 'TextQuoteSelector', exact: 'quoted', prefix: 'the ', suffix: ' text' },
        { type: 'TextPositionSelector', start: 4, end: 10 },
      ],
    },
  },
  createdBy: by,
  updatedBy: by,
  ...fields,
});

const clip = (by = 'alice', fields: CouchDoc = {}): CouchDoc => ({
  _id: `clip:0123456789abcdef:${by}`,
  type: 'clip',
  schema: 2,
  clipId: '0123456789abcdef',
  url: 'https://news.example/a',
  canonicalUrl: 'https://news.example/a',
  title: 'A',
  byline: null,
  html: '<p>Text</p>',
  text: 'Text',
  tags: ['x'],
  note: '',
  mentions: [{ cardId: 'china', name: 'China', exact: 'China', prefix: '', suffix: '', start: 0, end: 5 }],
  createdBy: by,
  updatedBy: by,
  ...fields,
});

const signalHit = (by = 'alice', fields: CouchDoc = {}): CouchDoc => ({
  _id: `signal:0123456789abcdef:${by}`,
  type: 'signal',
  schema: 2,
  hitId: '0123456789abcdef',
  url: 'https://news.example/a',
  title: 'A',
  time: '2026-01-01T00:00:00.000Z',
  cardId: 'nvidia',
  cardName: 'Nvidia',
  signal: 'Enforcement news on GPU rentals',
  terms: ['Nvidia', 'rented'],
  evidence: 'Nvidia chips were rented.',
  updated: '2026-01-01T00:00:00.000Z',
  createdBy: by,
  updatedBy: by,
  ...fields,
});

const pack = (by = 'alice'): CouchDoc => ({
  _id: 'pack:team',
  type: 'pack',
  packId: 'team',
  name: 'Team cards',
  cardIds: ['china'],
  enabled: true,
  createdBy: by,
  updatedBy: by,
});

const CASE = '0123456789abcdef';
const sharedCase = (by = 'alice', fields: CouchDoc = {}): CouchDoc => ({
  _id: sharedCaseId(CASE, by),
  type: 'case',
  schema: 2,
  caseId: CASE,
  name: 'Port of Rotterdam',
  description: 'Shipments, 2026.',
  status: 'open',
  created: '2026-12-07T10:00:00.000Z',
  updated: '2026-12-07T10:00:00.000Z',
  evidenceAlways: false,
  createdBy: by,
  updatedBy: by,
  ...fields,
});

/** A custody entry as the extension writes it into a team's database (src/store/custody.ts). */
const custody = (by = 'alice', fields: Partial<CustodyEntry> = {}, extra: CouchDoc = {}): CouchDoc => {
  const entry: CustodyEntry = {
    caseId: CASE,
    seq: 1,
    at: '2026-12-07T10:00:00.000Z',
    user: by,
    device: `${by}~0123456789abcdef`,
    event: 'viewed',
    item: '0123456789abcdef',
    detail: { title: 'A', url: 'https://news.example/a' },
    prev: GENESIS,
    ...fields,
  };
  return { _id: custodyDocId(entry), type: 'custody', schema: 2, ...entry, createdBy: by, updatedBy: by, ...extra };
};

/** The reason a write is refused, or 'ok'. */
function verdict(newDoc: CouchDoc, oldDoc: CouchDoc | null, user: UserCtx, validate = validateTeamDoc): string {
  try {
    validate(newDoc, oldDoc, user, teamSecurity(TEAM), TEAM);
    return 'ok';
  } catch (error) {
    const e = error as { forbidden?: string; unauthorized?: string };
    if (e.forbidden) return `forbidden: ${e.forbidden}`;
    if (e.unauthorized) return `unauthorized: ${e.unauthorized}`;
    throw error;
  }
}

const deletion = (id: string, fields: CouchDoc = {}): CouchDoc => ({ _id: id, _rev: '2-x', _deleted: true, ...fields });

describe('validateTeamDoc: who writes', () => {
  it('lets a member create each type of document as themselves', () => {
    for (const doc of [card(), pack(), clip(), annotation()]) expect(verdict(doc, null, alice)).toBe('ok');
  });

  it('lets a member share a PDF’s annotation (its page selector) and a PDF’s clip (its pages and hash)', () => {
    const note = annotation().annotation as { target: { selector: object[] } };
    const onPdf = annotation('alice', {
      annotation: {
        ...note,
        target: {
          source: 'urn:x-pdf:0123456789abcdef0123456789abcdef',
          selector: [
            ...note.target.selector,
            { type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: 'page=2' },
          ],
        },
      },
    });
    expect(verdict(onPdf, null, alice)).toBe('ok');
    const pdf = {
      fingerprint: '0123456789abcdef0123456789abcdef',
      pages: 2,
      sha256: 'a'.repeat(64),
      bytes: 10,
      pageStarts: [0, 5],
    };
    const mentions = [{ cardId: 'c', name: 'C', exact: 'x', prefix: '', suffix: '', start: 6, end: 7, page: 2 }];
    expect(verdict(clip('alice', { pdf, mentions }), null, alice)).toBe('ok');
    // The file stays with its owner: a clip naming it kept is refused.
    expect(verdict(clip('alice', { pdf: { ...pdf, kept: true } }), null, alice)).toBe(
      'forbidden: clip.pdf.kept is not a known field.',
    );
  });

  it('refuses every write from a reader, even of their own authorship', () => {
    expect(verdict(card('carol'), null, carol)).toMatch(/^forbidden: carol reads team demo/);
    expect(verdict(deletion('card:china'), card(), carol)).toMatch(/^forbidden: carol reads/);
  });

  it('refuses a reader who also holds the member role (the reader role wins)', () => {
    expect(verdict(card('carol'), null, { name: 'carol', roles: [memberRole(TEAM), readerRole(TEAM)] })).toMatch(
      /^forbidden: carol reads/,
    );
  });

  it('refuses a signed-in non-member, and a member of another team', () => {
    expect(verdict(card('mallory'), null, { name: 'mallory', roles: [] })).toMatch(/not a member of team demo/);
    expect(verdict(card('mallory'), null, { name: 'mallory', roles: [memberRole('other')] })).toMatch(
      /not a member of team demo/,
    );
    expect(verdict(card('mallory'), null, { name: 'mallory', roles: ['dossier-member:demo-2'] })).toMatch(
      /not a member/,
    );
  });

  it('refuses an anonymous write as unauthorized (401)', () => {
    expect(verdict(card(), null, { name: null, roles: [] })).toMatch(/^unauthorized: Sign in/);
  });

  it('lets a server admin write anything', () => {
    expect(verdict({ _id: 'whatever', anything: 1 }, null, admin)).toBe('ok');
  });
});

describe('validateTeamDoc: authorship', () => {
  it('refuses a forged createdBy on create', () => {
    expect(verdict(card('bob'), null, alice)).toBe('forbidden: createdBy must be the signed-in user (alice).');
    expect(verdict(card(undefined, { createdBy: undefined }), null, alice)).toMatch(/createdBy must be/);
  });

  it('refuses a forged or missing updatedBy', () => {
    expect(verdict(card('alice', { updatedBy: 'bob' }), null, alice)).toBe(
      'forbidden: updatedBy must be the signed-in user (alice).',
    );
    expect(verdict(card('alice', { updatedBy: 'alice' }), card(), bob)).toMatch(/updatedBy must be .*\(bob\)/);
    expect(verdict(card('alice', { updatedBy: undefined }), null, alice)).toMatch(/updatedBy must be/);
  });

  it('keeps createdBy as it was: a co-editor cannot take a card over', () => {
    expect(verdict(card('bob', { updatedBy: 'bob' }), card(), bob)).toBe(
      'forbidden: createdBy cannot change (it is alice).',
    );
  });

  it('lets any member co-edit a card or a pack, keeping its author', () => {
    expect(verdict(card('alice', { updatedBy: 'bob', summary: 'Edited' }), card(), bob)).toBe('ok');
    expect(verdict({ ...pack(), updatedBy: 'bob', cardIds: [] }, pack(), bob)).toBe('ok');
    expect(verdict(deletion('card:china'), card(), bob)).toBe('ok');
  });

  it("refuses an edit or delete of another member's annotation or clip", () => {
    expect(verdict(annotation('alice', { updatedBy: 'bob' }), annotation(), bob)).toBe(
      'forbidden: Only its author (alice) may change this annotation.',
    );
    expect(verdict(clip('alice', { updatedBy: 'bob', note: 'mine now' }), clip(), bob)).toBe(
      'forbidden: Only its author (alice) may change this clip.',
    );
    expect(verdict(deletion(String(annotation()._id)), annotation(), bob)).toBe(
      'forbidden: Only its author (alice) may delete this annotation.',
    );
    expect(verdict(deletion(String(clip()._id), { updatedBy: 'bob' }), clip(), bob)).toBe(
      'forbidden: Only its author (alice) may delete this clip.',
    );
  });

  it('lets the author change and delete their annotation and clip', () => {
    expect(verdict(annotation('alice', { schema: 3 }), annotation(), alice)).toBe('ok');
    expect(verdict(clip('alice', { note: 'later' }), clip(), alice)).toBe('ok');
    expect(verdict(deletion(String(annotation()._id)), annotation(), alice)).toBe('ok');
  });

  it("treats a deleted document as gone: a card anyone may create anew under its id, an author's only its author", () => {
    expect(verdict(card('bob'), { ...card(), _deleted: true }, bob)).toBe('ok');
    expect(verdict(annotation('alice'), { ...annotation(), _deleted: true }, alice)).toBe('ok');
    expect(
      verdict({ ...annotation('alice'), createdBy: 'bob', updatedBy: 'bob' }, { ...annotation(), _deleted: true }, bob),
    ).toMatch(/Only its author \(alice\)/);
  });

  it('takes a deletion as a stub or as the document with _deleted, within the schema', () => {
    expect(verdict(deletion('card:china', { type: 'card', updatedBy: 'bob' }), card(), bob)).toBe('ok');
    // pouchdb-server's DELETE and PouchDB's put({...doc, _deleted: true}) keep the fields and names it had.
    expect(verdict({ ...card(), _rev: '2-x', _deleted: true }, card(), bob)).toBe('ok');
    expect(verdict(deletion('card:china', { updatedBy: 'carol' }), card(), bob)).toMatch(/updatedBy must be/);
    expect(verdict(deletion('card:china', { createdBy: 'bob' }), card(), bob)).toMatch(/createdBy cannot change/);
    expect(verdict(deletion('card:china', { notes: 'x'.repeat(100_001) }), card(), bob)).toMatch(
      /card.notes must be at most/,
    );
    expect(verdict(deletion('card:china', { script: 'x' }), card(), bob)).toMatch(/card.script is not a field/);
    expect(verdict(deletion('card:gone', { type: 'virus' }), null, bob)).toMatch(/type must be one of/);
    expect(verdict({ ...card(), _deleted: 'yes' }, null, alice)).toMatch(/_deleted must be true or false/);
  });
});

describe('validateTeamDoc: authorship bound to the id', () => {
  // CouchDB validates a replicated revision that has no ancestor on disk (new_edits:false, a fresh history) with
  // oldDoc null: each of these arrives so, and only the id can say whose it is.
  it("refuses another member's clip, annotation or signal hit written as a new branch (oldDoc null)", () => {
    for (const doc of [clip('alice'), annotation('alice'), signalHit('alice')]) {
      const forged = { ...doc, _rev: '99-f00d', createdBy: 'bob', updatedBy: 'bob' };
      expect(verdict(forged, null, bob)).toMatch(/^forbidden: Only its author \(alice\) may write this/);
    }
  });

  it("refuses a deletion stub of another member's document, with or without an ancestor", () => {
    for (const doc of [clip('alice'), annotation('alice'), signalHit('alice')]) {
      expect(verdict(deletion(String(doc._id)), null, bob)).toMatch(/Only its author \(alice\) may delete/);
      expect(verdict(deletion(String(doc._id)), doc, bob)).toMatch(/Only its author \(alice\) may delete/);
    }
  });

  it("refuses pre-claiming a member's future id, and an id naming no author", () => {
    expect(verdict(clip('alice', { _id: 'clip:0123456789abcdef:bob' }), null, alice)).toBe(
      'forbidden: Only its author (bob) may write this clip.',
    );
    expect(verdict(clip('alice', { _id: 'clip:0123456789abcdef:bob' }), null, bob)).toBe(
      'forbidden: createdBy must be bob, whom the _id names.',
    );
    expect(verdict(clip('alice', { _id: 'clip:0123456789abcdef' }), null, alice)).toMatch(/ends with :<its author>/);
    expect(verdict(annotation('alice', { _id: 'anno:' }), null, alice)).toMatch(/ends with :<its author>/);
    // The id decides, whatever type the write claims: a card under a clip's id is still alice's.
    expect(verdict(card('bob', { _id: 'clip:x:alice' }), null, bob)).toMatch(/Only its author \(alice\)/);
  });

  it("lets a device write its owner's documents, under the ids the extension builds", () => {
    const device: UserCtx = { name: 'alice~0123456789abcdef', roles: [memberRole(TEAM), deviceRole('alice')] };
    const note = annotation('alice').annotation as Parameters<typeof sharedAnnotationId>[0];
    expect(verdict(clip('alice', { _id: sharedClipId('0123456789abcdef', 'alice') }), null, device)).toBe('ok');
    expect(verdict(annotation('alice', { _id: sharedAnnotationId(note, 'alice') }), null, device)).toBe('ok');
    expect(verdict(signalHit('alice', { _id: sharedSignalId('0123456789abcdef', 'alice') }), null, device)).toBe('ok');
    expect(verdict(deletion(String(signalHit('alice')._id)), null, device)).toBe('ok');
    expect(verdict(clip('bob'), null, device)).toMatch(/Only its author \(bob\)/);
  });
});

describe('validateTeamDoc: card limits', () => {
  it(`holds a card to ${MAX_ALIASES} aliases (the limit of src/model/card.ts)`, () => {
    const aliases = Array.from({ length: MAX_ALIASES }, (_, i) => `alias ${i}`);
    expect(verdict(card('alice', { aliases }), null, alice)).toBe('ok');
    expect(verdict(card('alice', { aliases: [...aliases, 'one more'] }), null, alice)).toBe(
      `forbidden: A card holds at most ${MAX_ALIASES} aliases.`,
    );
  });

  it(`holds a card to ${MAX_CARD_BYTES} bytes of UTF-8 JSON, counting multi-byte characters as such`, () => {
    const size = (doc: CouchDoc) =>
      Buffer.byteLength(JSON.stringify(Object.fromEntries(Object.entries(doc).filter(([k]) => !k.startsWith('_')))));
    const base = card('alice', { notes: '' });
    // Notes of 3-byte characters and one 4-byte pair filling the card to its limit exactly.
    const room = MAX_CARD_BYTES - size(base);
    const notes = `😀${'中'.repeat(Math.floor((room - 4) / 3))}${'x'.repeat((room - 4) % 3)}`;
    expect(size(card('alice', { notes }))).toBe(MAX_CARD_BYTES);
    expect(verdict(card('alice', { notes }), null, alice)).toBe('ok');
    expect(verdict(card('alice', { notes: `${notes}x` }), null, alice)).toBe(
      `forbidden: A card is at most ${MAX_CARD_BYTES} bytes (UTF-8 JSON).`,
    );
    // A pack or a clip is not a card: the card limits are not theirs.
    expect(verdict(clip('alice', { text: '中'.repeat(200_000) }), null, alice)).toBe('ok');
  });
});

describe('validateTeamDoc: device accounts', () => {
  const DEVICE = 'alice~0123456789abcdef';
  const alicesDevice: UserCtx = { name: DEVICE, roles: [memberRole(TEAM), deviceRole('alice')] };

  it('lets a device write as its owner, and as nobody else', () => {
    expect(verdict(card('alice'), null, alicesDevice)).toBe('ok');
    expect(verdict(card('alice', { updatedBy: 'alice', summary: 'x' }), card('bob'), alicesDevice)).toBe(
      'forbidden: createdBy cannot change (it is bob).',
    );
    expect(verdict(card('bob', { updatedBy: 'alice', summary: 'x' }), card('bob'), alicesDevice)).toBe('ok');
    // Its own name is not an author it may write either.
    expect(verdict(card(DEVICE), null, alicesDevice)).toBe('forbidden: createdBy must be the signed-in user (alice).');
    expect(verdict(card('bob'), null, alicesDevice)).toBe('forbidden: createdBy must be the signed-in user (alice).');
    // The owner's annotations and clips are the device's to change and delete; another's are not.
    expect(verdict(deletion(String(annotation()._id)), annotation('alice'), alicesDevice)).toBe('ok');
    expect(verdict(deletion(String(clip()._id)), clip('bob'), alicesDevice)).toBe(
      'forbidden: Only its author (bob) may delete this clip.',
    );
  });

  it('refuses a device role that does not match the name, or names two owners', () => {
    // A device of alice's cannot claim to be bob's: the role is given by an admin, the name's prefix must agree.
    expect(verdict(card('bob'), null, { name: DEVICE, roles: [memberRole(TEAM), deviceRole('bob')] })).toBe(
      `forbidden: ${DEVICE} is not a device of bob.`,
    );
    expect(verdict(card('ali'), null, { name: DEVICE, roles: [memberRole(TEAM), deviceRole('ali')] })).toMatch(
      /is not a device of ali\./,
    );
    expect(verdict(card('bob'), null, { name: 'bob', roles: [memberRole(TEAM), deviceRole('')] })).toMatch(
      /bob is not a device of \./,
    );
    expect(
      verdict(card('alice'), null, { name: DEVICE, roles: [memberRole(TEAM), deviceRole('alice'), deviceRole('bob')] }),
    ).toMatch(/is a device of more than one user/);
  });

  it('refuses a device of a reader, of a removed member, or of another team', () => {
    expect(
      verdict(card('carol'), null, { name: 'carol~0123456789abcdef', roles: [readerRole(TEAM), deviceRole('carol')] }),
    ).toBe('forbidden: carol reads team demo and cannot write to it.');
    expect(verdict(card('alice'), null, { name: DEVICE, roles: [deviceRole('alice')] })).toBe(
      'forbidden: alice is not a member of team demo.',
    );
    expect(verdict(card('alice'), null, { name: DEVICE, roles: [memberRole('other'), deviceRole('alice')] })).toMatch(
      /not a member of team demo/,
    );
  });

  it('runs the same from the design document’s source', () => {
    const validate = runInContext(`(${validateSource(TEAM)})`, createContext({})) as (...args: unknown[]) => void;
    const viaSource = (n: CouchDoc, o: CouchDoc | null, u: UserCtx) => validate(n, o, u, {});
    expect(verdict(card('alice'), null, alicesDevice, viaSource)).toBe('ok');
    expect(verdict(card('bob'), null, alicesDevice, viaSource)).toMatch(
      /createdBy must be the signed-in user \(alice\)/,
    );
  });

  it('names devices so that no user name team:setup accepts is one', () => {
    expect(ownerOfDevice(DEVICE)).toBe('alice');
    expect(ownerOfDevice('alice')).toBeNull();
    expect(ownerOfDevice('alice~')).toBeNull();
    expect(ownerOfDevice('alice~not-hex')).toBeNull();
    expect(ownerOfDevice('_admin~0123456789abcdef')).toBeNull();
    expect(deviceRole('alice')).toBe('dossier-device-of:alice');
  });
});

describe('validateTeamDoc: schema', () => {
  it('refuses an unknown type, and a type that does not match the id', () => {
    expect(verdict({ ...card(), type: 'script' }, null, alice)).toMatch(/type must be one of card, pack/);
    expect(verdict({ ...card(), type: undefined }, null, alice)).toMatch(/type must be one of/);
    expect(verdict({ ...card(), _id: 'clip:china:alice' }, null, alice)).toBe(
      'forbidden: The _id of a card starts with card:.',
    );
    expect(verdict(card('alice', { _id: 'x'.repeat(301) }), null, alice)).toMatch(
      /_id must be a string of at most 300/,
    );
  });

  it('refuses a change of type', () => {
    const asPack = { ...pack(), _id: 'card:china' };
    expect(verdict({ ...asPack, _id: 'pack:team' }, { ...card(), _id: 'pack:team' }, alice)).toMatch(
      /cannot change its type \(it is a card\)/,
    );
  });

  it('refuses an unknown field, at the top and inside', () => {
    expect(verdict(card('alice', { script: 'x' }), null, alice)).toBe(
      'forbidden: card.script is not a field of a card.',
    );
    expect(verdict(card('alice', { signals: [{ text: 'a', trigger: 'b' }] }), null, alice)).toBe(
      'forbidden: card.signals[0].trigger is not a known field.',
    );
    expect(verdict(card('alice', { _attachments: {} }), null, alice)).toMatch(/_attachments is not a field/);
  });

  it("accepts a signal's rule, and refuses one of the wrong shape", () => {
    const rule = { all: ['Nvidia'], any: [['rental', 'smuggling']], none: [], scope: 'paragraph' };
    expect(verdict(card('alice', { signals: [{ text: 'a', rule }] }), null, alice)).toBe('ok');
    expect(
      verdict(card('alice', { signals: [{ text: 'a', rule: { ...rule, any: ['rental'] } }] }), null, alice),
    ).toMatch(/card\.signals\[0\]\.rule\.any\[0\]/);
  });

  it('accepts a shared signal hit; only its author changes or deletes it; its fields are checked', () => {
    expect(verdict(signalHit(), null, alice)).toBe('ok');
    expect(verdict(signalHit('alice', { evidence: 'later' }), signalHit(), alice)).toBe('ok');
    expect(verdict(signalHit('alice', { updatedBy: 'bob', evidence: 'mine' }), signalHit(), bob)).toBe(
      'forbidden: Only its author (alice) may change this signal.',
    );
    expect(verdict(signalHit('alice', { reader: 'who read it' }), null, alice)).toBe(
      'forbidden: signal.reader is not a field of a signal.',
    );
    expect(verdict(signalHit('alice', { url: undefined }), null, alice)).toBe('forbidden: signal.url is required.');
    expect(verdict({ ...signalHit(), _id: 'card:x' }, null, alice)).toMatch(/_id of a signal starts with signal:/);
    expect(verdict(signalHit('carol'), null, carol)).toMatch(/reads team demo/);
  });

  it('refuses a missing required field', () => {
    expect(verdict(card('alice', { name: undefined }), null, alice)).toBe('forbidden: card.name is required.');
    expect(verdict({ ...annotation(), annotation: undefined }, null, alice)).toMatch(
      /annotation.annotation is required/,
    );
  });

  it('refuses a wrong type: a number for text, text for a list, a list for an object, null where not allowed', () => {
    expect(verdict(card('alice', { name: 42 }), null, alice)).toBe('forbidden: card.name must be a string.');
    expect(verdict(card('alice', { aliases: 'PRC' }), null, alice)).toBe('forbidden: card.aliases must be a list.');
    expect(verdict(card('alice', { context: [] }), null, alice)).toBe('forbidden: card.context must be an object.');
    expect(verdict(card('alice', { summary: null }), null, alice)).toBe('forbidden: card.summary must be a string.');
    expect(verdict(card('alice', { edited: 'yes' }), null, alice)).toBe(
      'forbidden: card.edited must be true or false.',
    );
    expect(verdict(card('alice', { trashed: '1' }), null, alice)).toBe('forbidden: card.trashed must be a number.');
    expect(verdict(card('alice', { schema: '2' }), null, alice)).toBe('forbidden: card.schema must be a number.');
    const bad = annotation();
    (bad.annotation as { target: { selector: unknown[] } }).target.selector[1] = {
      type: 'TextPositionSelector',
      start: '4',
    };
    expect(verdict(bad, null, alice)).toBe(
      'forbidden: annotation.annotation.target.selector[1].start must be a number.',
    );
  });

  it('accepts HTML in a text field as text (rendering it as text is the client’s job)', () => {
    const payload = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    expect(verdict(card('alice', { summary: payload, aliases: [payload] }), null, alice)).toBe('ok');
  });

  it('refuses a huge field, and accepts one at the limit', () => {
    expect(verdict(card('alice', { notes: 'x'.repeat(100_000) }), null, alice)).toBe('ok');
    expect(verdict(card('alice', { notes: 'x'.repeat(100_001) }), null, alice)).toBe(
      'forbidden: card.notes must be at most 100000 characters long.',
    );
    expect(verdict(clip('alice', { html: 'x'.repeat(500_000) }), null, alice)).toBe('ok');
    expect(verdict(clip('alice', { text: 'x'.repeat(1_000_001) }), null, alice)).toMatch(/clip.text must be at most/);
    expect(verdict({ ...pack('alice'), cardIds: new Array(100_001).fill('t') }, null, alice)).toMatch(
      /pack.cardIds must hold at most 100000 items/,
    );
  });
});

describe('validateTeamDoc: cases and custody logs', () => {
  it('lets a member share their case and change it; refuses one written as, or over, another member', () => {
    expect(verdict(sharedCase(), null, alice)).toBe('ok');
    expect(verdict(sharedCase('alice', { name: 'Renamed', status: 'closed' }), sharedCase(), alice)).toBe('ok');
    expect(verdict(sharedCase('alice', { updatedBy: 'bob' }), sharedCase(), bob)).toMatch(/Only its author \(alice\)/);
    expect(verdict(sharedCase('bob', { _id: sharedCaseId(CASE, 'alice') }), null, bob)).toMatch(/Only its author/);
    expect(verdict(deletion(sharedCaseId(CASE, 'alice')), sharedCase(), bob)).toMatch(/Only its author/);
    expect(verdict(sharedCase('alice', { status: 1 }), null, alice)).toMatch(/case.status must be a string/);
  });

  it("lets each member append their own entries to a shared case's log, the extension's documents as written", () => {
    expect(sharedDocProblem(custody('alice'))).toBeNull();
    expect(sharedDocProblem(sharedCase('alice'))).toBeNull();
    expect(verdict(custody('alice'), null, alice)).toBe('ok');
    expect(verdict(custody('bob', { seq: 2, event: 'annotated', prev: 'a'.repeat(64) }), null, bob)).toBe('ok');
    const aliceDevice: UserCtx = { name: 'alice~0123456789abcdef', roles: [memberRole(TEAM), deviceRole('alice')] };
    expect(verdict(custody('alice', { seq: 3 }), null, aliceDevice)).toBe('ok');
  });

  it('refuses any change or deletion of an existing entry, by anyone, its author included', () => {
    const entry = custody('alice');
    const edited = { ...custody('alice', { event: 'captured' }), _rev: '1-x' };
    expect(verdict(edited, entry, alice)).toBe('forbidden: A custody entry is never changed.');
    expect(verdict({ ...entry, _rev: '1-x' }, entry, alice)).toBe('forbidden: A custody entry is never changed.');
    expect(verdict(deletion(String(entry._id)), entry, alice)).toBe('forbidden: A custody entry is never deleted.');
    expect(verdict({ ...entry, _deleted: true }, entry, alice)).toBe('forbidden: A custody entry is never deleted.');
    // A deletion stub with no ancestor on disk (oldDoc null), as a replicated branch arrives.
    expect(verdict(deletion(String(entry._id)), null, alice)).toBe('forbidden: A custody entry is never deleted.');
    expect(verdict(edited, entry, bob)).toMatch(/Only its author \(alice\) may change this custody/);
    expect(verdict(deletion(String(entry._id)), entry, bob)).toMatch(/Only its author \(alice\) may delete/);
    expect(verdict(edited, entry, admin)).toBe('ok');
  });

  it('refuses an entry written as another member, or whose id does not name its place and author', () => {
    // Bob writes an entry under his id that says Alice did it.
    const forged = custody('alice', {}, { createdBy: 'bob', updatedBy: 'bob' });
    const asBob = { ...forged, _id: String(forged._id).replace(/:alice$/, ':bob') };
    expect(verdict(asBob, null, bob)).toBe('forbidden: A custody entry names its writer (bob) as its user.');
    expect(verdict(custody('alice'), null, bob)).toMatch(/Only its author \(alice\) may write this custody/);
    const elsewhere = { ...custody('alice'), _id: `custody:${CASE}:other:00000001:alice` };
    expect(verdict(elsewhere, null, alice)).toMatch(/The _id of a custody entry is custody:<caseId>/);
    expect(verdict(custody('alice', { seq: 2 }, { _id: custody('alice')._id }), null, alice)).toMatch(
      /_id of a custody/,
    );
    expect(verdict(custody('alice', { seq: 1.5 }), null, alice)).toMatch(/custody.seq must be a whole number/);
    expect(verdict(custody('alice', { event: 'forged' as never }), null, alice)).toMatch(
      /custody.event must be one of/,
    );
    expect(verdict(custody('alice', { detail: { n: 1 } as never }), null, alice)).toMatch(
      /custody.detail.n must be a string/,
    );
    expect(verdict(custody('alice', { detail: [] as never }), null, alice)).toMatch(/custody.detail must be an object/);
    expect(verdict(custody('alice', {}, { extra: 'x' }), null, alice)).toMatch(/custody.extra is not a field/);
    expect(verdict(custody('alice', {}, { prev: undefined }), null, alice)).toMatch(/custody.prev is required/);
  });

  it('runs the same from its source in an empty context', () => {
    const validate = runInContext(`(${validateSource(TEAM)})`, createContext({})) as (...args: unknown[]) => void;
    const viaSource = (n: CouchDoc, o: CouchDoc | null, u: UserCtx) => validate(n, o, u, {});
    expect(verdict(custody('alice'), null, alice, viaSource)).toBe('ok');
    expect(verdict({ ...custody('alice'), _rev: '1-x' }, custody('alice'), alice, viaSource)).toMatch(/never changed/);
    expect(verdict(deletion(String(custody('alice')._id)), null, alice, viaSource)).toMatch(/never deleted/);
  });
});

describe('the design document', () => {
  const source = validateSource(TEAM);

  it('is one function expression that parses as ES5 (what CouchDB’s engine reads)', () => {
    expect(() => parse(`(${source})`, { ecmaVersion: 5 })).not.toThrow();
    expect(() => parse('var f = () => 1;', { ecmaVersion: 5 })).toThrow();
    expect(source).not.toMatch(/__name|=>|`/);
  });

  it('runs in an empty context with the same verdicts as the function itself', () => {
    const validate = runInContext(`(${source})`, createContext({})) as (
      newDoc: unknown,
      oldDoc: unknown,
      userCtx: unknown,
      secObj: unknown,
    ) => void;
    const viaSource = (n: CouchDoc, o: CouchDoc | null, u: UserCtx) => validate(n, o, u, {});
    expect(verdict(card(), null, alice, viaSource)).toBe('ok');
    expect(verdict(card('bob'), null, alice, viaSource)).toMatch(/createdBy must be/);
    expect(verdict(card('carol'), null, carol, viaSource)).toMatch(/carol reads team demo/);
    expect(verdict(card('alice', { name: 1 }), null, alice, viaSource)).toMatch(/card.name must be a string/);
    expect(verdict(deletion(String(clip()._id)), clip(), bob, viaSource)).toMatch(/Only its author/);
  });

  it('names its team, and only a valid one', () => {
    expect(teamDesignDoc(TEAM)).toMatchObject({ _id: TEAM_DESIGN_ID, team: TEAM, language: 'javascript' });
    expect(source).toContain('"demo"');
    expect(() => validateSource('Demo"; drop')).toThrow(/not a valid team name/);
  });
});

describe('team names and access', () => {
  it('names the database and refuses bad team names', () => {
    expect(teamDbName('demo')).toBe('dossier-team-demo');
    expect(teamDbName('a-1')).toBe('dossier-team-a-1');
    for (const bad of ['', 'Demo', 'a_b', '-a', 'a-', 'a b', 'x'.repeat(65)]) expect(() => teamDbName(bad)).toThrow();
  });

  it('lets members and readers read by role, and nobody but server admins administer', () => {
    expect(teamSecurity('demo')).toEqual({
      admins: { names: [], roles: [] },
      members: { names: [], roles: ['dossier-member:demo', 'dossier-reader:demo'] },
    });
  });

  it('gives a user their team role, swapping member and reader, keeping other teams', () => {
    expect(userDocFor(null, 'alice', 'demo', 'member', 'pw')).toEqual({
      _id: 'org.couchdb.user:alice',
      type: 'user',
      name: 'alice',
      roles: ['dossier-member:demo'],
      password: 'pw',
    });
    expect(() => userDocFor(null, 'alice', 'demo', 'member')).toThrow(/needs a password/);
    const existing = {
      _id: 'org.couchdb.user:carol',
      _rev: '1-a',
      type: 'user' as const,
      name: 'carol',
      roles: ['dossier-member:other', 'dossier-member:demo'],
    };
    expect(userDocFor(existing, 'carol', 'demo', 'reader')?.roles).toEqual([
      'dossier-member:other',
      'dossier-reader:demo',
    ]);
    expect(userDocFor(existing, 'carol', 'demo', 'member')).toBeNull();
    expect(userDocFor(existing, 'carol', 'demo', 'member', 'new')).toMatchObject({ _rev: '1-a', password: 'new' });
  });
});
