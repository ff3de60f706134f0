import { sendToBackground } from '../../../messaging/client';
import type { Clip } from '../../../model/clip';

/*
 * The clips' downloads. Markdown and ZIP are made here (Turndown needs a DOM, which the service worker lacks),
 * in a chunk loaded on the first export; the JSON-LD collection comes from the background, which holds the
 * user's annotations too.
 */

/** Hands bytes or text to the browser's download (the user chooses where it goes). */
export function saveFile(fileName: string, type: string, data: BlobPart): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const today = () => new Date().toISOString().slice(0, 10);

/** Downloads one clip as a Markdown note. */
export async function exportMarkdown(clip: Clip): Promise<void> {
  const [{ clipNote }, { safeStem }] = await Promise.all([
    import('../../../clip/markdown'),
    import('../../../clip/file-names'),
  ]);
  saveFile(`${safeStem(clip.title)}.md`, 'text/markdown;charset=utf-8', clipNote(clip));
}

/** Downloads every clip as a ZIP of Markdown notes. */
export async function exportZip(clips: readonly Clip[]): Promise<void> {
  const { clipsZip } = await import('../../../clip/zip');
  saveFile(`dossier-clips-${today()}.zip`, 'application/zip', clipsZip(clips) as Uint8Array<ArrayBuffer>);
}

/** Downloads every clip and annotation as JSON-LD; the error, if any. */
export async function exportJson(): Promise<string | null> {
  const result = await sendToBackground('clips.export', {});
  if (!result.ok) return result.error;
  saveFile(result.value.fileName, `${result.value.mimeType};charset=utf-8`, result.value.text);
  return null;
}
