/** The backup file's format ("Export everything" on the options page). */
export const BACKUP_FORMAT = 'dossier-backup';
/** Largest backup a restore reads. */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

/** What a restore wrote. */
export interface RestoreReport {
  cards: number;
  packs: number;
  settings: number;
}
