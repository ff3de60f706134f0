/**
 * Launches Debian's Firefox ESR (or $FIREFOX) through puppeteer-core over WebDriver BiDi, with the Firefox
 * build (dist-firefox/) installed as a temporary add-on. Shared by `npm start -- --firefox` and the Firefox
 * e2e suite.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from './firefox-manifest';

/** Where the Firefox build is. */
export const DIST_FIREFOX = resolve(import.meta.dirname, '../dist-firefox');

/** The extension's address in a kept profile (`npm start -- --firefox` with a display). */
const KEPT_PROFILE_UUID = '6f0c1a52-3d1e-4f7a-9b55-0d0551e70001';

/** The Firefox binary to drive. */
export function firefoxPath(): string {
  return process.env.FIREFOX ?? '/usr/bin/firefox-esr';
}

/** Firefox with Dossier installed, and the address of its pages. */
export interface FirefoxSession {
  browser: Browser;
  /** `moz-extension://<uuid>/`: the extension's pages (fixed per launch, so that tests can open them). */
  base: string;
  /**
   * Errors and warnings of ours that Firefox printed since launch: the background's and the content scripts'
   * console, and uncaught errors in the extension's scripts.
   */
  ourErrors(): string[];
  close(): Promise<void>;
}

/** Options for a Firefox with Dossier installed. */
export interface FirefoxOptions {
  headless?: boolean;
  /** Grant the host permissions the manifest asks for, as a user who allowed "all sites" would (default true). */
  grantHosts?: boolean;
  /** Which build to install (default dist-firefox/). */
  dist?: string;
  /** A profile folder to keep between runs; a fresh temporary one when empty. */
  profile?: string;
  viewport?: { width: number; height: number } | null;
  /** More Firefox preferences (a test's). */
  prefs?: Record<string, string | number | boolean>;
}

/** Launches Firefox and installs the extension. */
export async function launchFirefox(options: FirefoxOptions = {}): Promise<FirefoxSession> {
  const dist = options.dist ?? DIST_FIREFOX;
  if (!existsSync(resolve(dist, 'manifest.json'))) {
    throw new Error('No Firefox build in dist-firefox/: run `npm run build:firefox` first.');
  }
  // Firefox keys an add-on's storage by this address: a kept profile keeps one, so that its store survives.
  const uuid = options.profile ? KEPT_PROFILE_UUID : randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: options.headless ?? true,
    userDataDir: options.profile || undefined,
    // WebDriver may open the extension's own pages (moz-extension:) in a tab, as a user opens the sidebar's.
    env: { ...process.env, MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1' },
    defaultViewport: options.viewport === undefined ? { width: 1280, height: 900 } : options.viewport,
    extraPrefsFirefox: {
      // The extension's pages get a known address (Firefox picks a random one per profile otherwise).
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      // Host permissions of an MV3 add-on are the user's to grant in Firefox: a test decides.
      'extensions.originControls.grantByDefault': options.grantHosts ?? true,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      // The extension's console (background included) is printed on Firefox's output, where it is read below.
      'devtools.console.stdout.chrome': true,
      'devtools.console.stdout.content': true,
      ...options.prefs,
    },
  });
  const base = `moz-extension://${uuid}/`;
  const printed: string[] = [];
  for (const stream of [browser.process()?.stdout, browser.process()?.stderr]) {
    let rest = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      printed.push(...lines);
    });
  }
  const ours = (line: string) =>
    /^(console\.(error|warn)|JavaScript (error|warning))/.test(line) && (line.includes(base) || /Dossier/.test(line));
  try {
    await browser.installExtension(dist);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return { browser, base, ourErrors: () => printed.filter(ours), close: () => browser.close() };
}

/** Opens one of the extension's pages (`src/ui/side-panel/index.html`, …) in a tab. */
export async function openExtensionPage(session: FirefoxSession, path: string): Promise<Page> {
  const page = await session.browser.newPage();
  await page.goto(`${session.base}${path}`);
  return page;
}
