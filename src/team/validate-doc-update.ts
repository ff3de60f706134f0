/*
 * The rules a team's server enforces on every write, as a CouchDB validate_doc_update function. The server runs
 * it, not the client: a modified client, a replication or a plain HTTP PUT all meet the same checks.
 *
 * validateTeamDoc is stored as source in the design document (team-design.ts), so it is written for CouchDB's
 * JavaScript engines (SpiderMonkey 1.8.5, or QuickJS in CouchDB 3.4): ES5 only (var, no arrow functions,
 * template literals or spread) and one self-contained function with no inner functions, because the script
 * runner's compiler adds a `__name(…)` helper call after every named inner function, which CouchDB would not
 * have. Tests call it directly, parse its source as ES5 and run that source in an empty context.
 * (biome.json turns off the ES2015+ style rules for this file.)
 */

/** A document as CouchDB hands it to validate_doc_update. */
export type CouchDoc = Record<string, unknown>;

/** The signed-in user as CouchDB describes them. */
export interface UserCtx {
  name: string | null;
  roles: string[];
  db?: string;
}

/** A field's shape: a scalar's name (`?` allows null), an array of one shape, or an object of known fields. */
type Shape = string | Shape[] | { [field: string]: Shape };

/**
 * Throws `{forbidden: reason}` (HTTP 403) or `{unauthorized: reason}` (401) unless `newDoc` may be written by
 * `userCtx` over `oldDoc` in `team`'s database. Server admins pass; readers and non-members never write;
 * `createdBy` is set once to its writer and never changes; `updatedBy` is always the writer; clips,
 * annotations and signal hits are written, changed and deleted by their author only, whose name ends their
 * `_id` (`clip:<clip>:<author>`), so that no replicated revision (a new branch, a deletion stub, `oldDoc`
 * null) passes for someone else's; a case is authored as a clip is; a custody entry (`custody:<case>:<device>:<seq>:<author>`,
 * its `user` the author) is written once by its author and never changed or deleted, by anyone but a server
 * admin, its author included; cards and packs are co-edited by any member, a card within its limits
 * (aliases and size, src/model/card.ts); every field is of a known name, type and size. A device account writes
 * as the user it belongs to. `secObj` is CouchDB's fourth argument, unused: pouchdb-server passes `{}` in
 * _bulk_docs, so membership is read from the user's roles.
 */
export function validateTeamDoc(
  newDoc: CouchDoc,
  oldDoc: CouchDoc | null,
  userCtx: UserCtx,
  _secObj: unknown,
  team: string,
): void {
  var roles = userCtx && userCtx.roles ? userCtx.roles : [];
  if (roles.indexOf('_admin') !== -1) return;
  var user = userCtx ? userCtx.name : null;
  if (!user) throw { unauthorized: 'Sign in to write to team ' + team + '.' };
  // A device account (alice~<id>, with the role dossier-device-of:alice, names.ts) writes as its owner. Only
  // server admins give roles, and no user name has a '~', so the role and the name's prefix must agree.
  var DEVICE_ROLE = 'dossier-device-of:';
  var owner: string | null = null;
  for (var d = 0; d < roles.length; d++) {
    var role = roles[d];
    if (typeof role !== 'string' || role.indexOf(DEVICE_ROLE) !== 0) continue;
    if (owner !== null) throw { forbidden: user + ' is a device of more than one user.' };
    owner = role.slice(DEVICE_ROLE.length);
  }
  if (owner !== null) {
    if (owner === '' || user.indexOf(owner + '~') !== 0) {
      throw { forbidden: user + ' is not a device of ' + owner + '.' };
    }
    user = owner;
  }
  if (roles.indexOf('dossier-reader:' + team) !== -1) {
    throw { forbidden: user + ' reads team ' + team + ' and cannot write to it.' };
  }
  if (roles.indexOf('dossier-member:' + team) === -1) {
    throw { forbidden: user + ' is not a member of team ' + team + '.' };
  }

  var MAX_TEXT = 100000;
  var MAX_ARTICLE = 1000000;
  var MAX_ITEMS = 100000;
  var MAX_ID = 300;
  // MAX_ALIASES and MAX_CARD_BYTES of src/model/card.ts (this function cannot import; a test holds them equal).
  var MAX_ALIASES = 1000;
  var MAX_CARD_BYTES = 262144;
  var PREFIX: Record<string, string> = {
    card: 'card:',
    pack: 'pack:',
    clip: 'clip:',
    annotation: 'anno:',
    signal: 'signal:',
    case: 'case:',
    custody: 'custody:',
  };
  var AUTHORED: Record<string, boolean> = { clip: true, annotation: true, signal: true, case: true, custody: true };
  // The events of src/model/custody.ts.
  var CUSTODY_EVENTS = [
    'created',
    'captured',
    'viewed',
    'annotated',
    'edited',
    'exported',
    'shared',
    'deleted',
    'closed',
    'reopened',
  ];
  var MAX_DETAILS = 64;
  var REQUIRED: Record<string, string[]> = {
    card: ['cardId', 'name', 'kind'],
    pack: ['packId', 'name'],
    clip: ['clipId', 'url'],
    annotation: ['annotation'],
    signal: ['hitId', 'url', 'cardId', 'signal'],
    case: ['caseId', 'name', 'status'],
    custody: ['caseId', 'seq', 'at', 'user', 'device', 'event', 'item', 'detail', 'prev'],
  };
  var SHAPES: Record<string, { [field: string]: Shape }> = {
    card: {
      cardId: 'text',
      pack: 'text',
      edited: 'boolean',
      trashed: 'number?',
      updated: 'text?',
      name: 'text',
      kind: 'text',
      aliases: ['text'],
      summary: 'text',
      signals: [{ text: 'text', rule: { all: ['text'], any: [['text']], none: ['text'], scope: 'text' } }],
      implications: ['text'],
      tags: ['text'],
      related: ['text'],
      sources: ['text'],
      notes: 'text',
      context: { require: ['text'], exclude: ['text'] },
    },
    pack: {
      packId: 'text',
      name: 'text',
      version: 'text',
      description: 'text',
      enabled: 'boolean',
      builtIn: 'boolean',
      cardIds: ['text'],
      updated: 'text?',
    },
    clip: {
      clipId: 'text',
      url: 'text',
      canonicalUrl: 'text',
      title: 'text',
      byline: 'text?',
      siteName: 'text?',
      published: 'text?',
      excerpt: 'text?',
      lang: 'text?',
      html: 'article',
      text: 'article',
      clipped: 'text',
      updated: 'text',
      tags: ['text'],
      note: 'text',
      mentions: [
        {
          cardId: 'text',
          name: 'text',
          exact: 'text',
          prefix: 'text',
          suffix: 'text',
          start: 'number',
          end: 'number',
          page: 'number',
        },
      ],
      trashed: 'text?',
      caseId: 'text',
      pdf: { fingerprint: 'text', pages: 'number', sha256: 'text', bytes: 'number', pageStarts: ['number'] },
    },
    case: {
      caseId: 'text',
      name: 'text',
      description: 'text',
      status: 'text',
      created: 'text',
      updated: 'text',
      evidenceAlways: 'boolean',
    },
    custody: {
      caseId: 'text',
      seq: 'number',
      at: 'text',
      user: 'text',
      device: 'text',
      event: 'text',
      item: 'text',
      detail: 'texts',
      prev: 'text',
    },
    signal: {
      hitId: 'text',
      url: 'text',
      title: 'text',
      time: 'text',
      cardId: 'text',
      cardName: 'text',
      signal: 'text',
      terms: ['text'],
      evidence: 'text',
      updated: 'text',
    },
    annotation: {
      annotation: {
        '@context': 'text',
        id: 'text',
        type: 'text',
        motivation: 'text',
        created: 'text',
        modified: 'text',
        body: [{ type: 'text', value: 'text', format: 'text', purpose: 'text' }],
        target: {
          source: 'text',
          // TextQuote, TextPosition and (on a PDF) the page's FragmentSelector.
          selector: [
            {
              type: 'text',
              exact: 'text',
              prefix: 'text',
              suffix: 'text',
              start: 'number',
              end: 'number',
              conformsTo: 'text',
              value: 'text',
            },
          ],
        },
      },
    },
  };
  // Fields of every document; _id, _rev and _revisions are CouchDB's and checked apart.
  var COMMON: { [field: string]: Shape } = { type: 'text', schema: 'number', createdBy: 'text', updatedBy: 'text' };
  var has = Object.prototype.hasOwnProperty;

  var id = newDoc._id;
  if (typeof id !== 'string' || id.length > MAX_ID) {
    throw { forbidden: '_id must be a string of at most ' + MAX_ID + ' characters.' };
  }
  var old = oldDoc && !oldDoc._deleted ? oldDoc : null;
  var key: string;

  var deleting = newDoc._deleted === true;
  if (newDoc._deleted !== undefined && typeof newDoc._deleted !== 'boolean') {
    throw { forbidden: '_deleted must be true or false.' };
  }
  // Authorship is bound into the id, which no replicated revision can change: CouchDB validates a revision
  // with no ancestor on disk (new_edits:false with a fresh history) with oldDoc null, as a creation, so the
  // stored document cannot be what proves who may write it.
  // Whatever type a write gives, an id with an author-owned type's prefix is that author's.
  for (var kind in AUTHORED) {
    if (!has.call(AUTHORED, kind) || id.indexOf(PREFIX[kind] as string) !== 0) continue;
    var cut = id.lastIndexOf(':');
    var author = cut > (PREFIX[kind] as string).length ? id.slice(cut + 1) : '';
    if (author === '') throw { forbidden: 'The _id of a shared ' + kind + ' ends with :<its author>.' };
    if (author !== user) {
      var verb = deleting ? 'delete' : old ? 'change' : 'write';
      throw { forbidden: 'Only its author (' + author + ') may ' + verb + ' this ' + kind + '.' };
    }
    if (newDoc.createdBy !== undefined && newDoc.createdBy !== author) {
      throw { forbidden: 'createdBy must be ' + author + ', whom the _id names.' };
    }
  }
  // A custody entry is appended once: no revision of one already written passes, its author's neither.
  if (id.indexOf(PREFIX.custody as string) === 0 || (old && old.type === 'custody')) {
    if (deleting) throw { forbidden: 'A custody entry is never deleted.' };
    if (old) throw { forbidden: 'A custody entry is never changed.' };
  }
  if (old && AUTHORED[String(old.type)] === true && old.createdBy !== user) {
    throw {
      forbidden:
        'Only its author (' + old.createdBy + ') may ' + (deleting ? 'delete' : 'change') + ' this ' + old.type + '.',
    };
  }
  var type = newDoc.type;
  if (deleting) {
    // A deletion is a stub ({_id, _rev, _deleted}) or, as PouchDB may write it, the document with _deleted: what
    // it keeps must still fit the schema, and it names no one but its writer (or keeps the names it had).
    if (newDoc.updatedBy !== undefined && newDoc.updatedBy !== user && !(old && newDoc.updatedBy === old.updatedBy)) {
      throw { forbidden: 'updatedBy must be the signed-in user (' + user + ').' };
    }
    if (newDoc.createdBy !== undefined && !(old ? newDoc.createdBy === old.createdBy : newDoc.createdBy === user)) {
      throw { forbidden: 'createdBy cannot change.' };
    }
    if (type === undefined && old) type = old.type;
    var kept = 0;
    for (key in newDoc) {
      if (has.call(newDoc, key) && key.charAt(0) !== '_') kept++;
    }
    if (kept === 0) return;
  }
  if (typeof type !== 'string' || !has.call(SHAPES, type)) {
    throw { forbidden: 'type must be one of card, pack, clip, annotation, signal, case or custody.' };
  }
  if (old && old.type !== type) throw { forbidden: 'A document cannot change its type (it is a ' + old.type + ').' };
  if (!deleting) {
    if (id.indexOf(PREFIX[type] as string) !== 0) {
      throw { forbidden: 'The _id of a ' + type + ' starts with ' + PREFIX[type] + '.' };
    }
    // Authorship: createdBy is set once, to its writer; updatedBy is always the writer.
    if (old && newDoc.createdBy !== old.createdBy) {
      throw { forbidden: 'createdBy cannot change (it is ' + old.createdBy + ').' };
    }
    if (!old && newDoc.createdBy !== user) throw { forbidden: 'createdBy must be the signed-in user (' + user + ').' };
    if (newDoc.updatedBy !== user) throw { forbidden: 'updatedBy must be the signed-in user (' + user + ').' };
    var required = REQUIRED[type] as string[];
    for (var r = 0; r < required.length; r++) {
      if (newDoc[required[r] as string] === undefined) throw { forbidden: type + '.' + required[r] + ' is required.' };
    }
  }
  // Schema: every field known, of its type and size.
  var shapes = SHAPES[type] as { [field: string]: Shape };
  var stack: [unknown, Shape, string][] = [];
  for (key in newDoc) {
    if (!has.call(newDoc, key) || key === '_id' || key === '_rev' || key === '_revisions' || key === '_deleted') {
      continue;
    }
    if (has.call(COMMON, key)) stack.push([newDoc[key], COMMON[key] as Shape, type + '.' + key]);
    else if (has.call(shapes, key)) stack.push([newDoc[key], shapes[key] as Shape, type + '.' + key]);
    else throw { forbidden: type + '.' + key + ' is not a field of a ' + type + '.' };
  }
  while (stack.length > 0) {
    var item = stack.pop() as [unknown, Shape, string];
    var value = item[0];
    var shape = item[1];
    var path = item[2];
    if (typeof shape === 'string') {
      if (value === null && shape.charAt(shape.length - 1) === '?') continue;
      var scalar = shape.replace('?', '');
      if (scalar === 'text' || scalar === 'article') {
        var max = scalar === 'article' ? MAX_ARTICLE : MAX_TEXT;
        if (typeof value !== 'string') throw { forbidden: path + ' must be a string.' };
        if (value.length > max) throw { forbidden: path + ' must be at most ' + max + ' characters long.' };
      } else if (scalar === 'texts') {
        // A record of short facts: text values under text keys, at most MAX_DETAILS of them.
        if (value === null || typeof value !== 'object' || Object.prototype.toString.call(value) === '[object Array]') {
          throw { forbidden: path + ' must be an object.' };
        }
        var facts = 0;
        for (key in value as Record<string, unknown>) {
          if (!has.call(value, key)) continue;
          var fact = (value as Record<string, unknown>)[key];
          if (typeof fact !== 'string' || fact.length > MAX_TEXT || key.length > 100) {
            throw { forbidden: path + '.' + key.slice(0, 100) + ' must be a string.' };
          }
          if (++facts > MAX_DETAILS) throw { forbidden: path + ' holds at most ' + MAX_DETAILS + ' facts.' };
        }
      } else if (scalar === 'number') {
        if (typeof value !== 'number') throw { forbidden: path + ' must be a number.' };
      } else if (typeof value !== 'boolean') {
        throw { forbidden: path + ' must be true or false.' };
      }
    } else if (Object.prototype.toString.call(shape) === '[object Array]') {
      if (Object.prototype.toString.call(value) !== '[object Array]') throw { forbidden: path + ' must be a list.' };
      var list = value as unknown[];
      if (list.length > MAX_ITEMS) throw { forbidden: path + ' must hold at most ' + MAX_ITEMS + ' items.' };
      for (var i = 0; i < list.length; i++) stack.push([list[i], (shape as Shape[])[0] as Shape, path + '[' + i + ']']);
    } else {
      if (value === null || typeof value !== 'object' || Object.prototype.toString.call(value) === '[object Array]') {
        throw { forbidden: path + ' must be an object.' };
      }
      var fields = shape as { [field: string]: Shape };
      var object = value as Record<string, unknown>;
      for (key in object) {
        if (!has.call(object, key)) continue;
        if (!has.call(fields, key)) throw { forbidden: path + '.' + key + ' is not a known field.' };
        stack.push([object[key], fields[key] as Shape, path + '.' + key]);
      }
    }
  }
  // After the schema: a custody entry's id names its case, device, place and author, as its fields do.
  if (type === 'custody' && !deleting) {
    if (newDoc.user !== user) throw { forbidden: 'A custody entry names its writer (' + user + ') as its user.' };
    var seq = newDoc.seq as number;
    if (seq !== Math.floor(seq) || seq < 1 || seq > 99999999) {
      throw { forbidden: 'custody.seq must be a whole number from 1.' };
    }
    var place = String(seq);
    while (place.length < 8) place = '0' + place;
    var device = String(newDoc.device);
    if (device === '' || device.indexOf(':') !== -1 || String(newDoc.caseId).indexOf(':') !== -1) {
      throw { forbidden: 'custody.device and custody.caseId are names without colons.' };
    }
    if (id !== 'custody:' + newDoc.caseId + ':' + device + ':' + place + ':' + user) {
      throw { forbidden: 'The _id of a custody entry is custody:<caseId>:<device>:<seq, 8 digits>:<user>.' };
    }
    if (CUSTODY_EVENTS.indexOf(newDoc.event as string) === -1) {
      throw { forbidden: 'custody.event must be one of ' + CUSTODY_EVENTS.join(', ') + '.' };
    }
  }
  // After the schema: the card's depth is bounded, so it can be measured.
  if (type === 'card') {
    var aliases = newDoc.aliases;
    if (Object.prototype.toString.call(aliases) === '[object Array]' && (aliases as unknown[]).length > MAX_ALIASES) {
      throw { forbidden: 'A card holds at most ' + MAX_ALIASES + ' aliases.' };
    }
    // Its size as UTF-8 JSON, CouchDB's own fields (_id, _rev, _revisions…) left out.
    var fieldsOnly: Record<string, unknown> = {};
    for (key in newDoc) {
      if (has.call(newDoc, key) && key.charAt(0) !== '_') fieldsOnly[key] = newDoc[key];
    }
    var json = JSON.stringify(fieldsOnly);
    var bytes = json.length;
    if (bytes <= MAX_CARD_BYTES && bytes * 3 > MAX_CARD_BYTES) {
      bytes = 0;
      for (var c = 0; c < json.length; c++) {
        var code = json.charCodeAt(c);
        // A surrogate pair is 4 bytes in UTF-8: 2 for each half.
        bytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 2 : 3;
      }
    }
    if (bytes > MAX_CARD_BYTES) throw { forbidden: 'A card is at most ' + MAX_CARD_BYTES + ' bytes (UTF-8 JSON).' };
  }
}
