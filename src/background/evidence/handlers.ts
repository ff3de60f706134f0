import { toBase64 } from '../../evidence/bytes';
import type { panelToBackground } from '../../messaging/protocol';
import type { Handlers } from '../../messaging/router';
import { snapshotName } from '../../model/evidence';
import { captureTab, evidenceStore } from './capture';
import { capturer, recordCaptured, recordViewed } from './custody-link';

/*
 * Evidence for the extension's pages: capture a tab's page for its clip, list captures, and read a capture's files
 * (the viewer's snapshot read is a `viewed` entry in the case's custody log).
 */

type EvidenceMessages = 'evidence.capture' | 'evidence.list' | 'evidence.view' | 'evidence.file';

/** The extension pages' evidence handlers. */
export function evidencePanelHandlers(): Pick<Handlers<typeof panelToBackground>, EvidenceMessages> {
  return {
    'evidence.capture': async ({ tabId, clipId, caseId }) =>
      captureTab(tabId, clipId, caseId, await capturer(caseId), recordCaptured),
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
  };
}
