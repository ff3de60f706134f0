import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { type ContentScript, classicContentScript } from './scripts/classic-content-script.ts';
import { firefoxBackground, firefoxBuild } from './scripts/firefox-manifest.ts';

export default defineConfig(({ mode }) => {
  // `--mode firefox` builds the same code for Firefox into dist-firefox/ (`firefox-bench` for its benchmark).
  const firefox = mode.startsWith('firefox');
  // Performance marks reach the page's timeline only in bench builds (`vite build --mode bench`).
  const define = { __BENCH__: JSON.stringify(mode === 'bench' || mode === 'firefox-bench') };
  // Content scripts are built as classic scripts by our plugin, so that no web-accessible resource exposes us.
  const { content_scripts, ...rest } = manifest;
  return {
    plugins: [
      preact(),
      firefox ? crx({ manifest: firefoxBackground(rest), browser: 'firefox' }) : crx({ manifest: rest }),
      classicContentScript(content_scripts as ContentScript[], define, [
        // Injected only when the user clips a page, so that Readability and DOMPurify weigh nothing otherwise.
        { entry: 'src/content/clipper.ts', file: 'clipper.js' },
        // Injected only to capture a page as evidence where the browser has no pageCapture (Firefox).
        { entry: 'src/content/snapshot.ts', file: 'snapshot.js' },
      ]),
      ...(firefox ? [firefoxBuild()] : []),
    ],
    define,
    build: {
      target: firefox ? 'firefox140' : 'chrome120',
      outDir: firefox ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      sourcemap: false,
      rollupOptions: {
        // Pages the manifest does not name: the insight page (network, map, timeline), the sites Dossier may read
        // the PDF reader and the evidence snapshot viewer.
        input: {
          insights: 'src/ui/insights/index.html',
          permissions: 'src/ui/permissions/index.html',
          pdf: 'pdf.html',
          evidence: 'src/ui/evidence/index.html',
        },
      },
    },
    server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
  };
});
