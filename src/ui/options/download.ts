import type { DownloadFile } from '../../messaging/protocol';

/** Hands a file to the browser's download (the user chooses where it goes). */
export function download(file: DownloadFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: `${file.mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
