/**
 * Launches Debian's Chromium (or $CHROMIUM) with the built extension loaded, through Playwright, and finds
 * the extension's service worker. Shared by `npm start`, the e2e fixtures and the page benchmarks.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';

/** Where the built extension is. */
export const DIST = resolve(import.meta.dirname, '../dist');

/** The Chromium binary to drive. */
export function chromiumPath(): string {
  return process.env.CHROMIUM ?? '/usr/bin/chromium';
}

/** Options for a browser with Dossier loaded. */
export interface LaunchOptions {
  headless?: boolean;
  /** A profile folder to keep between runs; a fresh temporary one when empty. */
  profile?: string;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number } | null;
  /** Load the extension (default) or not (a plain browser, for comparisons). */
  extension?: boolean;
  /** Which build to load (default dist/; the page benchmark loads a bench build). */
  dist?: string;
}

/** Launches Chromium with the extension. */
export async function launch(options: LaunchOptions = {}): Promise<BrowserContext> {
  const withExtension = options.extension ?? true;
  const dist = options.dist ?? DIST;
  if (withExtension && !existsSync(resolve(dist, 'manifest.json'))) {
    throw new Error('No built extension in dist/: run `npm run build` first.');
  }
  const args = [
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--disable-default-apps',
  ];
  if (withExtension) args.push(`--disable-extensions-except=${dist}`, `--load-extension=${dist}`);
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return chromium.launchPersistentContext(options.profile ?? '', {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    args,
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport === undefined ? { width: 1280, height: 900 } : options.viewport,
  });
}

/** The extension's service worker (waits for it to start). */
export async function serviceWorker(context: BrowserContext): Promise<Worker> {
  const existing = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  return (
    existing ?? context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith('chrome-extension://') })
  );
}

/** The extension's id, read off its service worker's URL. */
export function extensionId(worker: Worker): string {
  return new URL(worker.url()).host;
}

/** Refuses every request that would leave this machine (pages under test keep their scripts, not the network). */
export async function refuseOutsideRequests(context: BrowserContext): Promise<void> {
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const local = url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'chrome-extension:';
    return local ? route.continue() : route.abort();
  });
}
