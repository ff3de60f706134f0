import { toBase64 } from '../../evidence/bytes';
import type { panelToBackground } from '../../messaging/protocol';
import type { Handlers } from '../../messaging/router';
import type { Clip } from '../../model/clip';
import { snapshotName } from '../../model/evidence';
import { exportCase } from './bundle-export';
import { captureTab, evidenceStore } from './capture';
import { alwaysCaptures, capturer, recordCaptured, recordViewed } from './custody-link';
import { createSigningKey, signingKey } from './signing-key';

/*
 * Evidence for the extension's pages: capture a tab's page for its clip, list captures, and read a capture's files
 * (the viewer's snapshot read is a `viewed` entry in the case's custody log).
 */

/**
 * After a clip made from the page's menu or the keyboard: captured as evidence when its case captures every clip;
 * what to add to the clip's message.
 */
export async function captureIfAlways(tabId: number, clip: Clip): Promise<string> {
  if (!(await alwaysCaptures(clip.caseId))) return '';
  try {
    const captured = await captureTab(tabId, clip.clipId, capturer, recordCaptured);
    return ` Captured as evidence: ${captured.files.map((file) => file.name).join(', ')}.`;
  } catch (error) {
    return ` Could not capture it as evidence: ${(error as Error).message}`;
  }
}

type EvidenceMessages =
  | 'evidence.capture'
  | 'evidence.list'
  | 'evidence.view'
  | 'evidence.file'
  | 'case.bundle'
  | 'signing.key'
  | 'signing.create';

/** The extension pages' evidence handlers. */
export function evidencePanelHandlers(): Pick<Handlers<typeof panelToBackground>, EvidenceMessages> {
  return {
    'evidence.capture': ({ tabId, clipId }) => captureTab(tabId, clipId, capturer, recordCaptured),
    'evidence.list': ({ clipId, caseId }) =>
      evidenceStore().list({ ...(clipId ? { clipId } : {}), ...(caseId ? { caseId } : {}) }),
    'evidence.view': async ({ captureId }) => {
      const evidence = await evidenceStore().get(captureId);
      if (!evidence) throw new Error('This capture no longer exists.');
      const name = snapshotName(evidence.snapshot);
      const file = await evidenceStore().file(captureId, name);
      await recordViewed(evidence);
      return { evidence, snapshot: { name, type: file.type, base64: toBase64(file.bytes) } };
    },
    'evidence.file': async ({ captureId, name }) => {
      const file = await evidenceStore().file(captureId, name);
      return { name, type: file.type, base64: toBase64(file.bytes) };
    },
    'case.bundle': ({ caseId, notes, sign }) => exportCase(caseId, notes, sign),
    'signing.key': () => signingKey(),
    'signing.create': ({ replace }) => createSigningKey(replace),
  };
}
