import { sha256Hex } from '../../model/custody';
import { type Evidence, type EvidenceFile, SCREENSHOT, snapshotName } from '../../model/evidence';
import { type EvidenceContent, EvidenceStore } from '../../store/evidence';
import { screenshotTab, snapshotTab } from '../browser/page-capture';
import { clipStore } from '../clips/clipping';
import { httpFactsOf } from './http-facts';

/*
 * Capturing a tab's page as evidence for one of its clips: the snapshot (MHTML or the serialised DOM), a
 * screenshot of what is visible, the HTTP facts where observed, who and when, and every file's SHA-256; stored
 * once (store/evidence.ts) and entered in the case's custody log. The clip itself stays the working copy.
 */

const evidence = new EvidenceStore();

/** The evidence captures of the store. */
export function evidenceStore(): EvidenceStore {
  return evidence;
}

/** Who captures: the custody log's user and device for the case (or this browser's own names). */
export interface Capturer {
  user: string;
  device: string;
}

/** Enters a capture in its case's custody log. */
export type RecordCapture = (evidence: Evidence) => Promise<void>;

/** Captures a tab's page as evidence for one of its clips (and the clip's case, if it is filed in one). */
export async function captureTab(
  tabId: number,
  clipId: string,
  whoFor: (caseId: string | undefined) => Promise<Capturer>,
  record: RecordCapture,
): Promise<Evidence> {
  const clip = await clipStore().get(clipId);
  if (!clip) throw new Error('This clip no longer exists; clip the page again to capture it.');
  const caseId = clip.caseId;
  const who = await whoFor(caseId);
  const tab = await chrome.tabs.get(tabId);
  const url = tab.url ?? '';
  if (!/^https?:/.test(url)) throw new Error('Only web pages (http and https) can be captured as evidence.');
  // A capture is of the clip's own page: a tab that moved on since is not captured under the clip's name.
  if (withoutFragment(url) !== withoutFragment(clip.url)) {
    throw new Error('The tab no longer shows this clip’s page: open it again, then capture it.');
  }
  const capturedAt = new Date().toISOString();
  const snapshot = await snapshotTab(tabId);
  const gaps = [...snapshot.gaps];
  const screenshot = await screenshotTab(tabId).catch((error: unknown) => {
    gaps.push(`screenshot: ${(error as Error).message}`);
    return null;
  });
  const contents = new Map<string, EvidenceContent>([
    [snapshotName(snapshot.kind), { type: snapshot.type, bytes: snapshot.bytes }],
  ]);
  if (screenshot) contents.set(SCREENSHOT, { type: 'image/png', bytes: screenshot });
  const files: EvidenceFile[] = await Promise.all(
    [...contents].map(async ([name, file]) => ({
      name,
      type: file.type,
      bytes: file.bytes.length,
      sha256: await sha256Hex(file.bytes),
    })),
  );
  const captured: Evidence = {
    captureId: crypto.randomUUID(),
    clipId,
    ...(caseId ? { caseId } : {}),
    url,
    title: tab.title ?? clip.title,
    ...(await httpFactsOf(tabId, url)),
    capturedAt,
    user: who.user,
    device: who.device,
    version: chrome.runtime.getManifest().version,
    userAgent: navigator.userAgent,
    snapshot: snapshot.kind,
    gaps,
    files,
  };
  await evidence.create(captured, contents);
  await record(captured);
  return captured;
}

/** A capture's facts for its `captured` custody entry: each file's SHA-256 by name, and the page's address. */
export function capturedDetail(captured: Evidence): Record<string, string> {
  const detail: Record<string, string> = {
    url: captured.url,
    capturedAt: captured.capturedAt,
    clipId: captured.clipId,
  };
  for (const file of captured.files) detail[file.name] = file.sha256;
  return detail;
}

function withoutFragment(url: string): string {
  return url.split('#')[0] ?? url;
}
