/*
 * An evidence capture: besides a clip's article (the working copy, which the user edits), an exact record of the
 * page as this browser received and rendered it, stored once and never changed: the snapshot (MHTML where the
 * browser offers pageCapture, else the serialised DOM with its resources inlined), a screenshot of the visible
 * page, the HTTP facts the browser exposed, and who captured it when, with every file's SHA-256.
 */

/** One captured file, as listed in its capture and in a bundle's manifest. */
export interface EvidenceFile {
  /** The file's name within its capture (`snapshot.mhtml`, `snapshot.html`, `screenshot.png`). */
  name: string;
  /** Its media type. */
  type: string;
  /** Its size in bytes. */
  bytes: number;
  /** Its SHA-256, lower-case hex. */
  sha256: string;
}

/** How the snapshot was made. */
export type SnapshotKind = 'mhtml' | 'dom';

/** A fact the browser may not expose: its value, or why there is none. */
export type Fact<T> = { available: true; value: T } | { available: false; reason: string };

/** An evidence capture's record (its files are stored beside it, immutable). */
export interface Evidence {
  captureId: string;
  /** The clip whose page this captures. */
  clipId: string;
  /** The case it was captured for, if any. */
  caseId?: string;
  /** The page's address as the tab showed it when captured. */
  url: string;
  title: string;
  /** The main document's response: its final URL, the redirects that led there, and its `Date` header. */
  finalUrl: Fact<string>;
  redirects: Fact<string[]>;
  httpDate: Fact<string>;
  /** HTTP status of the main document, where known. */
  status: Fact<number>;
  /** When it was captured, ISO 8601 in UTC. */
  capturedAt: string;
  /** Who captured it and on which device (as the custody log names them). */
  user: string;
  device: string;
  /** Dossier's version and the browser's user agent. */
  version: string;
  userAgent: string;
  snapshot: SnapshotKind;
  /** What the snapshot could not hold (the serialised DOM's resources that could not be inlined). */
  gaps: string[];
  files: EvidenceFile[];
}

/** The snapshot file's name for its kind. */
export function snapshotName(kind: SnapshotKind): string {
  return kind === 'mhtml' ? 'snapshot.mhtml' : 'snapshot.html';
}

/** The screenshot's file name. */
export const SCREENSHOT = 'screenshot.png';

/** A fact that the browser does not expose, with the reason. */
export function unavailable<T>(reason: string): Fact<T> {
  return { available: false, reason };
}
