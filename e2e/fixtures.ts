import { test as base, expect } from '@playwright/test';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { extensionId, launch, serviceWorker } from '../scripts/browser';
import { tabIdOf, waitForHighlights } from '../scripts/page-probe';
import { type RunningServer, serve } from '../scripts/static-server';

interface Fixtures {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Opens a page of the loopback server (`/demo/`, `/pages/…`) and waits until Dossier has painted it. */
  openAnnotated: (path: string) => Promise<{ page: Page; tabId: number }>;
}

interface WorkerFixtures {
  server: RunningServer;
}

/** Each test gets a fresh profile with the built extension loaded, and the loopback server. */
export const test = base.extend<Fixtures, WorkerFixtures>({
  server: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a destructured object.
    async ({}, use) => {
      const server = await serve();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  // biome-ignore lint/correctness/noEmptyPattern: see above.
  context: async ({}, use) => {
    const context = await launch();
    await use(context);
    await context.close();
  },
  worker: async ({ context }, use) => {
    await use(await serviceWorker(context));
  },
  extensionId: async ({ worker }, use) => {
    await use(extensionId(worker));
  },
  openAnnotated: async ({ context, worker, server }, use) => {
    await use(async (path) => {
      const page = await context.newPage();
      await page.goto(`${server.url}${path}`);
      await waitForHighlights(page);
      return { page, tabId: await tabIdOf(worker, page) };
    });
  },
});

export { expect };
