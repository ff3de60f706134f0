import * as v from 'valibot';

/*
 * The opt-in history of visited pages: off by default; when on, each page where Dossier found mentions is kept
 * (address, title, time, cards with their counts) for a retention period, never in incognito windows.
 */

/** The retention periods offered, in days. */
export const RETENTION_DAYS = [30, 90, 365] as const;

/** The history setting as stored and exchanged. */
export const HistorySettingsSchema = v.strictObject({
  enabled: v.boolean(),
  retentionDays: v.picklist(RETENTION_DAYS),
});

/** Whether the history is kept, and how long. */
export type HistorySettings = v.InferOutput<typeof HistorySettingsSchema>;

/** Off, 90 days when turned on. */
export const DEFAULT_HISTORY: HistorySettings = { enabled: false, retentionDays: 90 };

/** A visited page as the history keeps it (its latest visit). */
export interface Visit {
  url: string;
  title: string;
  /** When it was last visited (ISO). */
  time: string;
  /** Mentions per card id. */
  counts: Record<string, number>;
}

/** The history's state, as the options page shows it. */
export interface HistoryState extends HistorySettings {
  /** The number of pages kept. */
  pages: number;
}

/** The time before which visits are dropped under a retention period. */
export function retentionCutoff(retentionDays: number, now: number): string {
  return new Date(now - retentionDays * 86_400_000).toISOString();
}
