import type { Evidence } from '../../model/evidence';
import { findCase } from '../cases/cases';
import { appendCustody } from '../cases/custody';
import { identityOf, installDevice } from '../cases/identity';
import { type Capturer, capturedDetail } from './capture';

/*
 * Where evidence meets the case's custody log: who captures (the identity the case's log is appended with), and
 * the `captured` and `viewed` entries. A capture outside any case is made by `local` on this install's device.
 */

/** Who captures for a case (or, outside any case, this browser's own names). */
export async function capturer(caseId: string | undefined): Promise<Capturer> {
  const found = caseId ? await findCase(caseId) : null;
  if (found) {
    const { user, device } = await identityOf(found);
    return { user, device };
  }
  return { user: 'local', device: await installDevice() };
}

/** Enters a capture in its case's log: each file's SHA-256, so a later change to one shows against the log. */
export async function recordCaptured(evidence: Evidence): Promise<void> {
  if (evidence.caseId) await appendCustody(evidence.caseId, 'captured', evidence.captureId, capturedDetail(evidence));
}

/** Enters a viewing of a capture in its case's log. */
export async function recordViewed(evidence: Evidence): Promise<void> {
  if (evidence.caseId) {
    await appendCustody(evidence.caseId, 'viewed', evidence.captureId, { clipId: evidence.clipId, url: evidence.url });
  }
}

/** Whether a case asks for every clip filed into it to be captured as evidence. */
export async function alwaysCaptures(caseId: string | undefined): Promise<boolean> {
  return caseId ? (await findCase(caseId))?.evidenceAlways === true : false;
}
