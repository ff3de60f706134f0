/**
 * `npm start -- --firefox`: as `npm start`, in Firefox (Debian's firefox-esr, or $FIREFOX) with the Firefox
 * build installed. With a display the browser stays open on a profile kept in .profile-firefox/. Without one it
 * runs headless, saves screenshots (highlighted page, open popover, sidebar page at 380 px) to screenshots/,
 * prints a summary and exits.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchFirefox } from './firefox';
import { openInTab, painted, readInPage, waitForPainted } from './firefox-probe';
import { MENTION_KEYS } from './page-probe';
import type { RunningServer } from './static-server';

const root = resolve(import.meta.dirname, '..');

/** Builds dist-firefox/ (unless told not to), opens the demo page in Firefox, and screenshots it headless. */
export async function startFirefox(server: RunningServer, headless: boolean, build: boolean): Promise<void> {
  if (build) {
    const built = spawnSync('npx', ['vite', 'build', '--mode', 'firefox', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  const demoUrl = `${server.url}/demo/`;
  const firefox = await launchFirefox({
    headless,
    profile: headless ? undefined : resolve(root, '.profile-firefox'),
    viewport: headless ? undefined : null,
  });
  const page = (await firefox.browser.pages())[0] ?? (await firefox.browser.newPage());
  const started = Date.now();
  await page.goto(demoUrl);
  await waitForPainted(page);
  const firstHighlightMs = Date.now() - started;

  if (!headless) {
    console.log('Firefox is open with Dossier on the demo page (its sidebar: the toolbar button). Close it to stop.');
    await new Promise<void>((done) => firefox.browser.on('disconnected', () => done()));
    return;
  }

  const dir = resolve(root, 'screenshots');
  mkdirSync(dir, { recursive: true });
  const quotes: string[] = [];
  for (const key of MENTION_KEYS) quotes.push(...(await painted(page, key)));
  await page.screenshot({ path: resolve(dir, 'firefox-page.png') });

  // The first mention hovered, and its card read once it has loaded.
  const rect = await page.evaluate(
    (keys: string[]) => {
      const first = keys.flatMap((k) => [...(CSS.highlights.get(k) ?? [])] as Range[])[0];
      const box = first?.getClientRects()[0];
      return box ? { x: box.x + box.width / 2, y: box.y + box.height / 2 } : null;
    },
    [...MENTION_KEYS],
  );
  if (rect) {
    await page.mouse.move(rect.x, rect.y, { steps: 2 });
    for (let i = 0; i < 50; i++) {
      const popover = await readInPage(firefox, page);
      if (popover && !/Loading card/.test(popover.text)) break;
      await new Promise((done) => setTimeout(done, 50));
    }
  }
  await page.screenshot({ path: resolve(dir, 'firefox-popover.png') });

  // The sidebar's page for this tab, opened in a tab 380 px wide.
  const panel = await firefox.browser.newPage();
  await openInTab(firefox, panel, 'src/ui/side-panel/index.html');
  const tabId = await panel.evaluate(async (url: string) => {
    const tabs = await (globalThis as unknown as { browser: typeof chrome }).browser.tabs.query({});
    return tabs.find((tab) => tab.url === url)?.id ?? -1;
  }, demoUrl);
  await openInTab(firefox, panel, `src/ui/side-panel/index.html?tab=${tabId}`);
  await panel.setViewport({ width: 380, height: 900 });
  await panel.waitForSelector('#this-page');
  await panel.screenshot({ path: resolve(dir, 'firefox-sidebar.png') });

  console.log(
    [
      `Firefox ${await firefox.browser.version()}`,
      `Mentions painted: ${quotes.length} (${new Set(quotes).size} different names)`,
      `Time to first highlight: ${firstHighlightMs} ms from navigation`,
      `Screenshots: ${dir} (firefox-page.png, firefox-popover.png, firefox-sidebar.png)`,
    ].join('\n'),
  );
  await firefox.close();
}
