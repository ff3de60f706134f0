import * as v from 'valibot';
import { type Annotation, AnnotationSchema } from '../model/annotation';
import { CardIdSchema, CardSchema } from '../model/card';
import { CaseSchema } from '../model/case';
import { ClipSchema } from '../model/clip';
import { CustodyEntrySchema, custodyDocId } from '../model/custody';
import { describeIssue } from '../model/issues';
import { LIST_BUCKETS, MAX_PACK_CARDS, MAX_PACK_NAMES, PackSchema } from '../model/pack';
import { SignalHitRecordSchema } from '../model/signal-hit';
import { annotationDocId } from './annotations';
import { caseDocId } from './cases';
import { STORE_SCHEMA } from './db';
import { SiteSettingsSchema } from './settings';

/*
 * The store's documents as this code writes them, one schema per type, checked whole: what a restored backup
 * may hold. A document is its store fields (id, type, schema version, bookkeeping) and its content, which is
 * checked with the same schema as everywhere else (a card with CardSchema and its limits, an annotation with
 * AnnotationSchema…). Nothing else passes: no unknown field, no PouchDB field but `_id` (no `_attachments`).
 */

const iso = v.pipe(v.string(), v.isoTimestamp('must be an ISO time'));

/** A stored document's type, its store fields, and how its content is checked. */
interface DocRule {
  /** The document's store fields besides `_id`, `type` and `schema`. */
  fields: v.ObjectEntries;
  /** The schema of the rest of the document (its content), or null when it has none. */
  content: v.GenericSchema | null;
  /** The content as the schema reads it, from the document without its store fields. */
  contentOf?: (rest: Record<string, unknown>, doc: Record<string, unknown>) => unknown;
  /** Whether the document's `_id` is the one its content names. */
  idOk: (doc: Record<string, unknown>) => boolean;
  /** What the `_id` must be, in words. */
  idRule: string;
}

const RULES: Record<string, DocRule> = {
  card: {
    fields: {
      cardId: CardIdSchema,
      pack: PackSchema.entries.id,
      edited: v.boolean(),
      trashed: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
      updated: v.nullable(iso),
    },
    content: CardSchema,
    // The card's id is the document's cardId; an `id` field of its own is one the store never writes.
    contentOf: (rest, doc) => ('id' in rest ? rest : { ...rest, id: doc.cardId }),
    idOk: (doc) => doc._id === `card:${String(doc.cardId)}`,
    idRule: 'card:<cardId>',
  },
  pack: {
    fields: {
      packId: PackSchema.entries.id,
      name: PackSchema.entries.name,
      version: PackSchema.entries.version,
      description: v.optional(v.pipe(v.string(), v.maxLength(4000))),
      enabled: v.boolean(),
      builtIn: v.boolean(),
      cardIds: v.pipe(v.array(CardIdSchema), v.maxLength(MAX_PACK_CARDS)),
      list: v.optional(
        v.strictObject({
          source: v.pipe(v.string(), v.maxLength(255)),
          cards: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_PACK_CARDS)),
          names: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_PACK_NAMES)),
          imported: iso,
          chunks: v.record(
            v.pipe(v.string(), v.regex(/^\d{1,4}$/)),
            v.pipe(
              v.strictObject({
                id: v.pipe(v.string(), v.maxLength(300)),
                digest: v.pipe(v.string(), v.regex(/^[0-9a-f]{14}$/)),
                cards: v.pipe(v.number(), v.integer(), v.minValue(1)),
                names: v.pipe(v.number(), v.integer(), v.minValue(1)),
                signals: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
              }),
              v.check((c) => (c.signals ?? 0) <= c.cards, 'counts more cards with signal rules than it holds'),
            ),
          ),
        }),
      ),
    },
    content: null,
    idOk: (doc) => doc._id === `pack:${String(doc.packId)}`,
    idRule: 'pack:<packId>',
  },
  'list-chunk': {
    fields: {
      pack: PackSchema.entries.id,
      bucket: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LIST_BUCKETS - 1)),
      digest: v.pipe(v.string(), v.regex(/^[0-9a-f]{14}$/)),
      hashes: v.string(),
    },
    // The bucket's cards, each checked as any card is.
    content: v.array(CardSchema),
    contentOf: (rest) => {
      try {
        return typeof rest.cards === 'string' && Object.keys(rest).length === 1 ? JSON.parse(rest.cards) : rest;
      } catch {
        return rest;
      }
    },
    idOk: (doc) => String(doc._id).startsWith(`list:${String(doc.pack)}:`),
    idRule: 'list:<pack id>:<bucket>:<stamp>',
  },
  settings: {
    fields: {},
    content: SiteSettingsSchema,
    idOk: (doc) => doc._id === 'settings:sites',
    idRule: 'settings:sites',
  },
  clip: {
    fields: { trashed: v.optional(v.nullable(iso)) },
    content: ClipSchema,
    idOk: (doc) => doc._id === `clip:${String(doc.clipId)}`,
    idRule: 'clip:<clipId>',
  },
  annotation: {
    fields: {},
    content: v.strictObject({ annotation: AnnotationSchema }),
    idOk: (doc) => doc._id === annotationDocId(doc.annotation as Annotation),
    idRule: "anno:<page id>:<the annotation's uuid>",
  },
  case: {
    fields: {},
    content: CaseSchema,
    idOk: (doc) => doc._id === caseDocId(String(doc.caseId)),
    idRule: 'case:<caseId>',
  },
  custody: {
    fields: {},
    content: CustodyEntrySchema,
    idOk: (doc) => doc._id === custodyDocId(doc as never),
    idRule: 'custody:<caseId>:<device>:<seq, 8 digits>:<user>',
  },
  'signal-hit': {
    fields: {},
    content: SignalHitRecordSchema,
    idOk: (doc) => doc._id === `sighit:${String(doc.hitId)}`,
    idRule: 'sighit:<hitId>',
  },
};

/** The kinds of document a store holds. */
export const STORED_TYPES = Object.keys(RULES);

/** The first problem of a validation: its path and reason. */
const whyNot = (issues: readonly v.BaseIssue<unknown>[]) =>
  describeIssue(issues, { invalid: 'is not valid', unknownField: () => 'is not a field this document has' });

/**
 * Why a document (already brought to the current schema, see migrate.ts) is not one the store writes, or
 * null: its type, store fields, `_id` and content are checked, and anything the store never writes refused.
 */
export function storedDocProblem(doc: Record<string, unknown>): string | null {
  const type = doc.type;
  const rule = typeof type === 'string' && Object.hasOwn(RULES, type) ? RULES[type] : undefined;
  if (!rule) return `type: ${JSON.stringify(String(type)).slice(0, 40)} is not a type of document Dossier stores`;
  const pouch = Object.keys(doc).find((key) => key.startsWith('_') && key !== '_id');
  if (pouch)
    return `${pouch.slice(0, 40)}: is a field a backup never holds (attachments and revisions are not restored)`;
  if (typeof doc.schema === 'number' && doc.schema > STORE_SCHEMA) {
    return `schema: written by a newer Dossier (schema ${doc.schema}; this one reads up to ${STORE_SCHEMA})`;
  }
  const store = v.strictObject({
    _id: v.pipe(v.string(), v.maxLength(300)),
    type: v.literal(type as string),
    schema: v.literal(STORE_SCHEMA),
    ...rule.fields,
  });
  const storeKeys = new Set(Object.keys(store.entries));
  const own: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) (storeKeys.has(key) ? own : rest)[key] = value;
  if (!rule.content) {
    const parsed = v.safeParse(store, doc);
    if (!parsed.success) return whyNot(parsed.issues);
  } else {
    const parsed = v.safeParse(store, own);
    if (!parsed.success) return whyNot(parsed.issues);
    const content = v.safeParse(rule.content, rule.contentOf ? rule.contentOf(rest, doc) : rest);
    if (!content.success) return whyNot(content.issues);
  }
  return rule.idOk(doc) ? null : `_id: must be ${rule.idRule}`;
}
