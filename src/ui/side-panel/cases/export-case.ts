import { fromBase64 } from '../../../evidence/bytes';
import { sendToBackground } from '../../../messaging/client';
import type { Clip } from '../../../model/clip';
import { saveFile } from '../clips/export';

/**
 * Downloads a case as one bundle: the panel writes its clips' Markdown notes (Turndown needs a DOM), the
 * background adds the rest and the manifest. Returns what to tell the user.
 */
export async function exportCaseBundle(caseId: string, clips: readonly Clip[], sign: boolean): Promise<string> {
  const { clipFiles } = await import('../../../clip/zip');
  const notes = Object.fromEntries(clipFiles(clips));
  const result = await sendToBackground('case.bundle', { caseId, notes, sign });
  if (!result.ok) return `Could not export: ${result.error}`;
  const { fileName, base64, files, bytes, signed } = result.value;
  saveFile(fileName, 'application/zip', fromBase64(base64) as Uint8Array<ArrayBuffer>);
  const size = bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `Exported ${fileName}: ${files} files, ${size}${signed ? ', signed with your key' : ''}.`;
}
