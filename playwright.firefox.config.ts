import { defineConfig } from '@playwright/test';

/** The Firefox suite (e2e-firefox/): Debian's firefox-esr through puppeteer-core, with dist-firefox/ installed. */
export default defineConfig({
  testDir: 'e2e-firefox',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  outputDir: 'test-results/firefox',
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-firefox.json' }]],
});
