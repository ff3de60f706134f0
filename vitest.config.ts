import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      // Unit tests run outside an extension: the polyfill is replaced by a small typed fake.
      'webextension-polyfill': fileURLToPath(new URL('./src/test/fake-browser.ts', import.meta.url)),
      // PouchDB's browser build needs a browser; store tests give the store an in-memory database instead.
      'pouchdb-browser': 'pouchdb-core',
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
