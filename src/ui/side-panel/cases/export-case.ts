import { fromBase64 } from '../../../evidence/bytes';
import { sendToBackground } from '../../../messaging/client';
import { saveFile } from '../clips/export';

/**
 * Downloads a case as one bundle: the panel writes its clips' Markdown notes (Turndown needs a DOM), the
 * background adds the rest and the manifest. Returns what to tell the user.
 */
export async function exportCaseBundle(caseId: string, sign: boolean): Promise<string> {
  // The case's clips as they are now (not as a view read them earlier): the notes match the bundle's JSON-LD.
  const listed = await sendToBackground('clips.list', {});
  if (!listed.ok) return `Could not export: ${listed.error}`;
  const clips = listed.value.filter((clip) => clip.caseId === caseId);
  const { clipFiles } = await import('../../../clip/zip');
  const notes = Object.fromEntries(clipFiles(clips));
  const result = await sendToBackground('case.bundle', { caseId, notes, sign });
  if (!result.ok) return `Could not export: ${result.error}`;
  const { fileName, base64, files, bytes, signed } = result.value;
  saveFile(fileName, 'application/zip', fromBase64(base64) as Uint8Array<ArrayBuffer>);
  const size = bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `Exported ${fileName}: ${files} files, ${size}${signed ? ', signed with your key' : ''}.`;
}
