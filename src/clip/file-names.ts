/*
 * File names for exported clips that every system accepts: no path separators or characters Windows, macOS
 * or Obsidian refuse, no control characters, no reserved device names, not hidden, of a sane length, and
 * unique within one export (compared without case, as case-insensitive file systems do).
 */

/** Characters refused in a file name somewhere (Windows, macOS, Obsidian links), and control characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f<>:"/\\|?*#^[\]]/g;
/** Device names Windows reserves, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
/** Longest stem kept, in characters (the extension and a counter come on top). */
const MAX_STEM = 80;

/** A safe stem (no extension) for a title; `fallback` when nothing of the title is left. */
export function safeStem(title: string, fallback = 'clip'): string {
  let stem = title
    .normalize('NFC')
    .replace(UNSAFE, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    // Leading dots hide a file; trailing dots and spaces are dropped by Windows.
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (stem.length > MAX_STEM)
    stem = [...stem]
      .slice(0, MAX_STEM)
      .join('')
      .replace(/[.\s]+$/, '');
  if (!stem) return fallback;
  return RESERVED.test(stem) ? `${stem}_` : stem;
}

/** Gives each title a safe file name with `extension`, unique among those it gave (`name (2).md`…). */
export function uniqueNames(extension: string, reserved: readonly string[] = []) {
  const used = new Set(reserved.map((name) => name.toLowerCase()));
  return (title: string): string => {
    const stem = safeStem(title);
    let name = `${stem}.${extension}`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stem} (${n}).${extension}`;
    used.add(name.toLowerCase());
    return name;
  };
}
