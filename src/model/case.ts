import * as v from 'valibot';

/*
 * A case: a named folder of clips (and their highlights and notes) with a description and a status, and a
 * custody log of everything done to its items (custody.ts). Stored as `case:<caseId>` in the user's store; a
 * case shared with a team is copied into the team's database as `case:<caseId>:<author>`, authored like a clip.
 */

/** A case, as the store and the side panel know it. */
export interface Case {
  /** 16 lower-case hexadecimal digits, chosen at random when the case is created. */
  caseId: string;
  name: string;
  description: string;
  status: 'open' | 'closed';
  /** When it was created, and last changed (ISO times, UTC). */
  created: string;
  updated: string;
  /** Who created it: `local` for a case made on this browser and never shared, else the team's user. */
  createdBy: string;
  /** The team it is shared with, if any. */
  team?: string;
  /** Whether every clip filed into it is captured as evidence too (the evidence capture reads this). */
  evidenceAlways: boolean;
}

/** Longest case name, in characters. */
export const MAX_CASE_NAME = 200;
/** Longest case description, in characters. */
export const MAX_CASE_DESCRIPTION = 10_000;

/** A case's id: 16 lower-case hexadecimal digits. */
export const CaseIdSchema = v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/, 'must be 16 hexadecimal digits'));

/** A case's name as typed: spaces folded, trimmed, not empty. */
export const CaseNameSchema = v.pipe(
  v.string(),
  v.transform((name) => name.replace(/\s+/g, ' ').trim()),
  v.minLength(1, 'must not be empty'),
  v.maxLength(MAX_CASE_NAME, `must be at most ${MAX_CASE_NAME} characters`),
);

/** A case's description as typed. */
export const CaseDescriptionSchema = v.pipe(
  v.string(),
  v.maxLength(MAX_CASE_DESCRIPTION, `must be at most ${MAX_CASE_DESCRIPTION.toLocaleString('en')} characters`),
);

const iso = v.pipe(v.string(), v.isoTimestamp('must be an ISO time'));
const who = v.pipe(v.string(), v.minLength(1), v.maxLength(64));

/** A case's fields, checked whole (a stored document's content, a restored backup, a teammate's copy). */
export const CaseSchema = v.strictObject({
  caseId: CaseIdSchema,
  name: v.pipe(
    v.string(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(MAX_CASE_NAME, `must be at most ${MAX_CASE_NAME} characters`),
  ),
  description: CaseDescriptionSchema,
  status: v.picklist(['open', 'closed']),
  created: iso,
  updated: iso,
  createdBy: who,
  team: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(64))),
  evidenceAlways: v.boolean(),
});

/** A new case's id: 64 random bits as hexadecimal. */
export function newCaseId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A team's copy of a case: one per case and author, as a clip's. */
export const sharedCaseId = (caseId: string, user: string) => `case:${caseId}:${user}`;
