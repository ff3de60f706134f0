import { strToU8, type Zippable, zipSync } from 'fflate';
import type { Clip } from '../model/clip';
import { uniqueNames } from './file-names';
import { clipNote } from './markdown';

/*
 * All clips as a ZIP of Markdown notes (fflate, about 8 kB of the panel's export chunk), one per clip named after
 * its title, with an index note that links them; ready to unpack into an Obsidian vault.
 */

/** The index note's file name (no clip takes it). */
export const INDEX_FILE = 'index.md';

/** The notes of the clips, by file name, index first. */
export function clipFiles(clips: readonly Clip[], toMarkdown: (clip: Clip) => string = clipNote): Map<string, string> {
  const name = uniqueNames('md', [INDEX_FILE]);
  const files = new Map<string, string>();
  const lines: string[] = [];
  const notes = clips.map((clip) => {
    const file = name(clip.title);
    const site = clip.siteName ?? hostOf(clip.canonicalUrl);
    // Angle brackets let a Markdown link hold the spaces and parentheses of a file name.
    lines.push(`- [${escapeLabel(clip.title)}](<${file}>)${site ? ` · ${site}` : ''} · ${clip.clipped.slice(0, 10)}`);
    return [file, toMarkdown(clip)] as const;
  });
  files.set(INDEX_FILE, `# Clips\n\n${lines.join('\n')}\n`);
  for (const [file, text] of notes) files.set(file, text);
  return files;
}

/** The clips as a ZIP file's bytes. */
export function clipsZip(clips: readonly Clip[], toMarkdown?: (clip: Clip) => string, mtime = new Date()): Uint8Array {
  const entries: Zippable = {};
  for (const [file, text] of clipFiles(clips, toMarkdown)) entries[file] = [strToU8(text), { mtime }];
  return zipSync(entries, { level: 6 });
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

function escapeLabel(text: string): string {
  return text.replace(/[[\]\\]/g, '\\$&');
}
