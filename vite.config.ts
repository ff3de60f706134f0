import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { type ContentScript, classicContentScript } from './scripts/classic-content-script.ts';

export default defineConfig(({ mode }) => {
  // Performance marks reach the page's timeline only in bench builds (`vite build --mode bench`).
  const define = { __BENCH__: JSON.stringify(mode === 'bench') };
  // Content scripts are built as classic scripts by our plugin, so that no web-accessible resource exposes us.
  const { content_scripts, ...rest } = manifest;
  return {
    plugins: [
      preact(),
      crx({ manifest: rest }),
      classicContentScript(content_scripts as ContentScript[], define, [
        // Injected only when the user clips a page, so that Readability and DOMPurify weigh nothing otherwise.
        { entry: 'src/content/clipper.ts', file: 'clipper.js' },
      ]),
    ],
    define,
    build: {
      target: 'chrome120',
      outDir: 'dist',
      emptyOutDir: true,
      sourcemap: false,
      rollupOptions: {
        // Pages the manifest does not name: the insight page (network, map, timeline) and the PDF reader.
        input: { insights: 'src/ui/insights/index.html', pdf: 'pdf.html' },
      },
    },
    server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
  };
});
