import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

export default defineConfig(({ mode }) => ({
  plugins: [preact(), crx({ manifest })],
  define: {
    // Performance marks reach the page's timeline only in bench builds (`vite build --mode bench`).
    __BENCH__: JSON.stringify(mode === 'bench'),
  },
  build: {
    target: 'chrome120',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    rollupOptions: {
      input: {},
    },
  },
  server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
}));
