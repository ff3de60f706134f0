import * as v from 'valibot';
import { type Annotation, AnnotationSchema } from './annotation';
import { CardIdSchema, CardSchema } from './card';
import { CaseSchema, sharedCaseId } from './case';
import { ClipSchema, clipIdOf } from './clip';
import { CustodyEntrySchema, custodyDocId } from './custody';
import { describeIssue } from './issues';
import { PackSchema } from './pack';

/** Most card ids a team's pack document lists: a team shares packs, not million-name watchlists. */
const MAX_TEAM_PACK_CARDS = 100_000;

import { SignalHitRecordSchema } from './signal-hit';
import type { TeamActivity } from './team';

/*
 * The documents of a team's database, read defensively: anything a teammate (or an admin, or a modified client)
 * put there is checked before it is shown, and whatever does not have the expected shape is left out.
 */

/** A document of a team's database as sharing writes it (the server's schema: team/validate-doc-update.ts). */
export interface SharedDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  type: 'card' | 'pack' | 'clip' | 'annotation' | 'signal' | 'case' | 'custody';
  schema: number;
  createdBy: string;
  updatedBy: string;
  [field: string]: unknown;
}

/*
 * The id of a clip, an annotation or a signal hit in a team ends with its author's name: the server's
 * validate_doc_update lets only that user write it, however the write arrives (team/validate-doc-update.ts).
 */

/** A team's copy of a clip: one per clip and author (two teammates may clip the same article). */
export const sharedClipId = (clipId: string, user: string) => `clip:${clipId}:${user}`;
/** A team's copy of a signal hit: one per hit and author. */
export const sharedSignalId = (hitId: string, user: string) => `signal:${hitId}:${user}`;
/** A team's copy of an annotation: its page, its id in the user's store, and its author. */
export const sharedAnnotationId = (annotation: Pick<Annotation, 'id' | 'target'>, user: string) =>
  `anno:${clipIdOf(annotation.target.source)}:${annotation.id.slice('urn:uuid:'.length)}:${user}`;

/** An annotation from a team's database when it has the shape this code reads, else null (never shown). */
export function validAnnotation(value: unknown): Annotation | null {
  const a = value as Annotation | null;
  if (!a || typeof a !== 'object' || typeof a.id !== 'string' || typeof a.modified !== 'string') return null;
  if (!Array.isArray(a.body) || !a.target || typeof a.target.source !== 'string') return null;
  const [quote, position] = Array.isArray(a.target.selector) ? a.target.selector : [];
  if (quote?.type !== 'TextQuoteSelector' || typeof quote.exact !== 'string' || !quote.exact) return null;
  if (position?.type !== 'TextPositionSelector' || typeof position.start !== 'number') return null;
  const body = a.body.filter((b) => typeof b?.value === 'string');
  return { ...a, body };
}

/** What a team document is about, in a few words (the card's name, the clip's title, the quote…). */
function subjectOf(doc: SharedDoc): { kind: TeamActivity['kind']; title: string; ref: string } | null {
  const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 200) : '');
  switch (doc.type) {
    case 'card':
      return { kind: 'card', title: text(doc.name), ref: text(doc.cardId) };
    case 'pack':
      return { kind: 'pack', title: text(doc.name), ref: text(doc.packId) };
    case 'clip':
      return { kind: 'clip', title: text(doc.title) || text(doc.url), ref: text(doc.url) };
    case 'signal':
      return { kind: 'signal', title: `${text(doc.cardName)}: ${text(doc.signal)}`, ref: text(doc.url) };
    case 'annotation': {
      const annotation = validAnnotation(doc.annotation);
      if (!annotation) return null;
      return {
        kind: 'annotation',
        title: annotation.target.selector[0].exact.slice(0, 200),
        ref: annotation.target.source,
      };
    }
    default:
      return null;
  }
}

/** When a team document last changed, as it says (ISO), or ''. */
function changedAt(doc: SharedDoc): string {
  const value =
    doc.type === 'annotation' ? (doc.annotation as { modified?: unknown } | undefined)?.modified : doc.updated;
  return typeof value === 'string' ? value : '';
}

/** A team document as a line of the team's activity, or null when it is not one this code shows. */
export function activityOf(doc: SharedDoc, team: string, user: string): TeamActivity | null {
  if (doc._deleted || doc._id.startsWith('_design/')) return null;
  const subject = subjectOf(doc);
  if (!subject || typeof doc.updatedBy !== 'string' || typeof doc.createdBy !== 'string') return null;
  return {
    team,
    ...subject,
    by: doc.updatedBy,
    createdBy: doc.createdBy,
    at: changedAt(doc),
    action: typeof doc._rev === 'string' && doc._rev.startsWith('1-') ? 'shared' : 'changed',
    mine: doc.updatedBy === user,
  };
}

/** The PouchDB fields a team document may carry as it is read (no attachments). */
const POUCH_FIELDS = new Set(['_id', '_rev', '_deleted', '_conflicts', '_revisions', '_revs_info']);
/** A member's name as a document names its author. */
const author = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const iso = v.pipe(v.string(), v.isoTimestamp('must be an ISO time'));
/**
 * Every shared document's own fields: its schema version and authors. A clip, an annotation and a signal hit
 * name their author (their id does too); a card or a pack a server admin wrote may name none.
 */
const sharedFields = {
  schema: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  createdBy: author,
  updatedBy: author,
};
const coEditedFields = { ...sharedFields, createdBy: v.optional(author), updatedBy: v.optional(author) };

/** The first problem of a validation: its path and reason. */
const whyNot = (issues: readonly v.BaseIssue<unknown>[]) =>
  describeIssue(issues, { invalid: 'is not valid', unknownField: () => 'is not a field of this kind of document' });

/** A document split into the fields `keys` names and the rest (its content). */
function split(doc: Record<string, unknown>, keys: readonly string[]) {
  const own: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (key.startsWith('_')) continue;
    (keys.includes(key) ? own : rest)[key] = value;
  }
  return { own, rest };
}

/** Checks a document as its store fields (`fields`) and its content (`content`, the rest). */
function checkParts(
  doc: Record<string, unknown>,
  fields: v.ObjectEntries,
  content: v.GenericSchema,
  contentOf: (rest: Record<string, unknown>) => unknown = (rest) => rest,
): string | null {
  const { own, rest } = split(doc, Object.keys(fields));
  const head = v.safeParse(v.strictObject(fields), own);
  if (!head.success) return whyNot(head.issues);
  const body = v.safeParse(content, contentOf(rest));
  return body.success ? null : whyNot(body.issues);
}

const CARD_FIELDS = {
  type: v.literal('card'),
  ...coEditedFields,
  cardId: CardIdSchema,
  pack: v.optional(v.pipe(v.string(), v.maxLength(200))),
  edited: v.optional(v.boolean()),
  trashed: v.optional(v.nullable(v.number())),
  updated: v.optional(v.nullable(iso)),
};

/**
 * Why a document of a team's database fails the extension's checks, or null when it may be shown and used:
 * its kind by its id (`card:`, `pack:`, `clip:`, `anno:`, `signal:`), its authors, its content checked with
 * the same schemas as the user's own (a card with CardSchema and its limits; a page's address http, https or
 * file), and an id that agrees with its content and author. Attachments and unknown fields are refused.
 * Deletions and the server's design documents are not documents to check (the caller leaves them out).
 */
export function sharedDocProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'is not a document';
  const doc = value as Record<string, unknown>;
  const id = doc._id;
  if (typeof id !== 'string') return '_id: is missing';
  const pouch = Object.keys(doc).find((key) => key.startsWith('_') && !POUCH_FIELDS.has(key));
  if (pouch) return `${pouch.slice(0, 40)}: is not a field a shared document may have`;
  const kind = id.slice(0, id.indexOf(':') + 1);
  switch (kind) {
    case 'card:': {
      const why = checkParts(doc, CARD_FIELDS, CardSchema, (rest) => ({ ...rest, id: doc.cardId }));
      if (why) return why;
      return id === `card:${String(doc.cardId)}` ? null : '_id: must be card:<cardId>';
    }
    case 'pack:': {
      const fields = {
        type: v.literal('pack'),
        ...coEditedFields,
        packId: PackSchema.entries.id,
        name: PackSchema.entries.name,
        version: v.optional(v.pipe(v.string(), v.maxLength(64))),
        description: v.optional(v.pipe(v.string(), v.maxLength(4000))),
        enabled: v.optional(v.boolean()),
        builtIn: v.optional(v.boolean()),
        cardIds: v.optional(v.pipe(v.array(CardIdSchema), v.maxLength(MAX_TEAM_PACK_CARDS))),
        updated: v.optional(iso),
      };
      const why = checkParts(doc, fields, v.strictObject({}));
      if (why) return why;
      return id === `pack:${String(doc.packId)}` ? null : '_id: must be pack:<packId>';
    }
    case 'clip:': {
      const fields = { type: v.literal('clip'), ...sharedFields, trashed: v.optional(v.nullable(iso)) };
      const why = checkParts(doc, fields, ClipSchema);
      if (why) return why;
      return id === sharedClipId(String(doc.clipId), String(doc.createdBy))
        ? null
        : '_id: must be clip:<clipId>:<author>';
    }
    case 'anno:': {
      const why = checkParts(
        doc,
        { type: v.literal('annotation'), ...sharedFields },
        v.strictObject({ annotation: AnnotationSchema }),
      );
      if (why) return why;
      return id === sharedAnnotationId(doc.annotation as Annotation, String(doc.createdBy))
        ? null
        : "_id: must be anno:<page id>:<annotation's uuid>:<author>";
    }
    case 'signal:': {
      const why = checkParts(
        doc,
        { type: v.literal('signal'), ...sharedFields, updated: v.optional(iso) },
        SignalHitRecordSchema,
      );
      if (why) return why;
      return id === sharedSignalId(String(doc.hitId), String(doc.createdBy))
        ? null
        : '_id: must be signal:<hitId>:<author>';
    }
    case 'case:': {
      const why = checkParts(doc, { type: v.literal('case'), ...sharedFields }, CaseSchema, (rest) => ({
        ...rest,
        createdBy: doc.createdBy,
      }));
      if (why) return why;
      return id === sharedCaseId(String(doc.caseId), String(doc.createdBy))
        ? null
        : '_id: must be case:<caseId>:<author>';
    }
    case 'custody:': {
      const why = checkParts(doc, { type: v.literal('custody'), ...sharedFields }, CustodyEntrySchema);
      if (why) return why;
      if (doc.user !== doc.createdBy) return 'user: must be its author';
      return id === custodyDocId(doc as never) ? null : '_id: must be custody:<caseId>:<device>:<seq>:<author>';
    }
    default:
      return `_id: ${JSON.stringify(id.slice(0, 40))} is not a kind of document a team shares`;
  }
}

/** A team document the extension leaves out, and why. */
export interface SkippedDoc {
  id: string;
  reason: string;
}
