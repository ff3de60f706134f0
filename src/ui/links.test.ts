import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Every stored URL shown as a link goes through SafeLink (or safeLink): this test finds any other place that
 * sets an href in the extension's pages and in-page code, so a new view cannot forget it.
 */

const SRC = resolve(__dirname, '..');
/** Where an href is set from something else than a stored URL, and why that is safe. */
const ALLOWED: Record<string, string> = {
  'ui/SafeLink.tsx': 'the gate itself',
  'ui/options/History.tsx': "the extension's own insights page (runtime.getURL)",
  'ui/side-panel/App.tsx': "the extension's own insights page (runtime.getURL)",
  'ui/permissions/AllowSite.tsx': "the extension's own page of sites it may read (runtime.getURL)",
  'ui/options/PdfReader.tsx': "the extension's own PDF reader page (runtime.getURL)",
  'ui/side-panel/clips/ClipReader.tsx':
    "the extension's own PDF reader on a clip's kept file (runtime.getURL, the clip's 16-hex-digit id); its source through SafeLink",
  'ui/options/download.ts': 'a blob: URL this page made for a download',
  'ui/side-panel/clips/export.ts': 'a blob: URL this page made for a download',
  'ui/side-panel/clips/reader-html.ts': "a clip's links, through safeLink, and in-page #card- anchors",
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('links in the extension', () => {
  it('set an href only through SafeLink, or where listed above', () => {
    const setters =
      /<(a|area|link|base)\s[^>]*?\bhref\s*=\s*\{|\.href\s*=[^=]|setAttribute\(\s*['"]href['"]|\bhref\s*:/;
    const found = [...files(join(SRC, 'ui')), ...files(join(SRC, 'content'))]
      .filter((file) => setters.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SRC, file).replaceAll('\\', '/'));
    expect(found.filter((file) => !(file in ALLOWED))).toEqual([]);
  });
});
