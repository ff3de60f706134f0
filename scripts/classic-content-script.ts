/**
 * A Vite plugin that builds the content script as one classic script and declares it in the emitted manifest.
 *
 * Why: CRXJS loads content scripts through a small loader that `import()`s the real module from
 * `chrome.runtime.getURL(...)`, which needs the chunks to be web-accessible at the extension's static URL
 * (`use_dynamic_url: false`, hard-coded). Any page can then fetch those URLs and learn that Dossier is
 * installed. Measured in Chromium: setting `use_dynamic_url: true` on those entries breaks the loader (the
 * static URL is refused, nothing is painted). One self-contained script injected by the manifest needs no
 * web-accessible resource at all, and any entry another plugin still adds is switched to dynamic URLs.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CrxPlugin } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { build } from 'vite';

/** One content script declaration as written in manifest.json, with source paths. */
export interface ContentScript {
  matches: string[];
  js: string[];
  css?: string[];
  run_at?: string;
  all_frames?: boolean;
  match_about_blank?: boolean;
}

interface ManifestLike {
  content_scripts?: Array<Record<string, unknown>>;
  web_accessible_resources?: Array<Record<string, unknown>>;
}

/** File name of the built content script in dist/. */
export const CONTENT_SCRIPT_FILE = 'content.js';

/** Bundles `entry` (TypeScript/TSX) into one minified IIFE. */
async function bundleClassic(entry: string, define: Record<string, string>, name = 'dossierContent'): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    plugins: [preact()],
    define,
    build: {
      write: false,
      target: 'chrome120',
      minify: true,
      sourcemap: false,
      emptyOutDir: false,
      lib: { entry, formats: ['iife'], name, fileName: () => CONTENT_SCRIPT_FILE },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const output of outputs) {
    if (!('output' in output)) continue;
    const chunk = output.output.find((o) => o.type === 'chunk');
    if (chunk && chunk.type === 'chunk') return chunk.code;
  }
  throw new Error(`Bundling ${entry} produced no script`);
}

/** Switches every web-accessible resource entry to per-session dynamic URLs; returns the same object. */
export function useDynamicUrls<T extends ManifestLike>(manifest: T): T {
  for (const entry of manifest.web_accessible_resources ?? []) entry.use_dynamic_url = true;
  return manifest;
}

/**
 * The plugin: give CRXJS the manifest without `content_scripts`, and pass those here. Each script's `js`
 * entries are bundled together into `content.js`; its CSS files are copied as they are.
 */
/**
 * A script the background injects on demand (`scripting.executeScript({ files })`): bundled like the content
 * script, and ending with its default export's value, which is what the injection answers.
 */
export interface InjectedScript {
  entry: string;
  file: string;
}

export function classicContentScript(
  scripts: ContentScript[],
  define: Record<string, string>,
  injected: InjectedScript[] = [],
): CrxPlugin {
  const root = process.cwd();
  const fileOf = (i: number) => (i === 0 ? CONTENT_SCRIPT_FILE : `content-${i}.js`);
  return {
    name: 'dossier:classic-content-script',
    enforce: 'post',
    apply: 'build',
    async generateBundle() {
      for (const [i, script] of scripts.entries()) {
        if (script.js.length !== 1) throw new Error('Each content script declares exactly one entry module.');
        const code = await bundleClassic(resolve(root, script.js[0]!), define);
        this.emitFile({ type: 'asset', fileName: fileOf(i), source: code });
        for (const css of script.css ?? []) {
          this.emitFile({ type: 'asset', fileName: css, source: readFileSync(resolve(root, css), 'utf8') });
        }
      }
      for (const script of injected) {
        const code = await bundleClassic(resolve(root, script.entry), define, 'dossierInjected');
        // The last statement's value is the injection's result.
        this.emitFile({ type: 'asset', fileName: script.file, source: `${code}\ndossierInjected;\n` });
      }
    },
    // CRXJS calls this hook of every plugin when it writes the manifest.
    renderCrxManifest(manifest) {
      const patched = manifest as ManifestLike;
      patched.content_scripts = scripts.map((script, i) => ({ ...script, js: [fileOf(i)] }));
      useDynamicUrls(patched);
      if (patched.web_accessible_resources?.length === 0) delete patched.web_accessible_resources;
      return manifest;
    },
  };
}
