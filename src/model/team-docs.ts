import type { Annotation } from './annotation';
import { clipIdOf } from './clip';
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
  type: 'card' | 'pack' | 'clip' | 'annotation' | 'signal';
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
