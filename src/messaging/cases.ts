import * as v from 'valibot';
import { type Case, CaseDescriptionSchema, CaseIdSchema, CaseNameSchema } from '../model/case';
import type { Clip } from '../model/clip';
import type { ChainHead, ChainProblem, CustodyEntry } from '../model/custody';

/*
 * The messages of cases and their custody logs, from the extension's pages to the background (spread into
 * protocol.ts's panelToBackground and Answers).
 */

const clipId = v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/));
const caseId = CaseIdSchema;
const team = v.pipe(v.string(), v.maxLength(64));

export const casePanelMessages = {
  /** Every case this browser knows (the user's own and teammates' shared ones). */
  'cases.list': v.strictObject({}),
  /** Creates a case of the user's, open; `current` makes it the current case. */
  'case.create': v.strictObject({
    name: CaseNameSchema,
    description: v.optional(CaseDescriptionSchema),
    evidenceAlways: v.optional(v.boolean()),
    current: v.optional(v.boolean()),
  }),
  /** Renames or describes one of the user's cases, or sets whether its clips are always captured as evidence. */
  'case.update': v.strictObject({
    caseId,
    name: v.optional(CaseNameSchema),
    description: v.optional(CaseDescriptionSchema),
    evidenceAlways: v.optional(v.boolean()),
  }),
  /** Closes or reopens one of the user's cases. */
  'case.status': v.strictObject({ caseId, status: v.picklist(['open', 'closed']) }),
  /** The current case (clipping files into it), or null. */
  'case.current': v.strictObject({}),
  /** Makes an open case current, or none. */
  'case.current.set': v.strictObject({ caseId: v.nullable(caseId) }),
  /** A case's custody log, oldest first, and whether its chains hold. */
  'case.log': v.strictObject({ caseId }),
  /** Shares one of the user's cases, and its clips, with a joined team; its log is then appended there. */
  'case.share': v.strictObject({ caseId, team }),
  /** Files a clip into a case, or takes it out of its case (null). */
  'clip.case': v.strictObject({ clipId, caseId: v.nullable(caseId) }),
  /** The user opened a clip to read it (a clip of a case: its log says so). */
  'clip.viewed': v.strictObject({ clipId }),
  /** The user exported a clip from the panel (a clip of a case: its log says so). */
  'clip.exported': v.strictObject({ clipId, format: v.picklist(['markdown', 'zip']) }),
} as const;

/** A case as the side panel lists it: whether it is the user's own (they may change it) or a teammate's. */
export type ListedCase = Case & { mine: boolean };

/** A case's log and its check. */
export interface CaseLog {
  entries: CustodyEntry[];
  /** Every break found (none: the chains hold). */
  problems: ChainProblem[];
  heads: ChainHead[];
}

export interface CaseAnswers {
  'cases.list': ListedCase[];
  'case.create': Case;
  'case.update': Case;
  'case.status': Case;
  'case.current': Case | null;
  'case.current.set': Case | null;
  'case.log': CaseLog;
  'case.share': { team: string; caseId: string; clips: number };
  'clip.case': Clip;
  'clip.viewed': { logged: boolean };
  'clip.exported': { logged: boolean };
}
