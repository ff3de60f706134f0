/**
 * `npm start`: builds Dossier, serves the demo page on loopback and opens Chromium with the extension on it.
 * With a display the browser stays open on a profile kept in .profile/. Without one it runs headless,
 * saves screenshots (highlighted page, open popover, side panel), prints a summary and exits.
 * `npm start -- --firefox` does the same in Firefox (scripts/start-firefox.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { extensionId, launch, serviceWorker } from './browser';
import { hoverRange, openPanelPage, readPopover, recordedState, tabIdOf, waitForHighlights } from './page-probe';
import { startFirefox } from './start-firefox';
import { serve } from './static-server';

const root = resolve(import.meta.dirname, '..');
const headless = process.argv.includes('--headless') || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);

if (process.argv.includes('--firefox')) {
  const server = await serve(undefined, Number(process.env.PORT ?? 0)).catch(() => serve());
  console.log(`Demo page: ${server.url}/demo/`);
  await startFirefox(server, headless, !process.argv.includes('--no-build'));
  await server.close();
  process.exit(0);
}

if (!process.argv.includes('--no-build')) {
  const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const server = await serve(undefined, Number(process.env.PORT ?? 0)).catch(() => serve());
const demoUrl = `${server.url}/demo/`;
console.log(`Demo page: ${demoUrl}`);

const context = await launch({
  headless,
  profile: headless ? '' : resolve(root, '.profile'),
  viewport: headless ? undefined : null,
});
const worker = await serviceWorker(context);
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(demoUrl);
const firstHighlightMs = await waitForHighlights(page);

if (!headless) {
  console.log('Chromium is open with Dossier on the demo page. Close the browser to stop.');
  await new Promise<void>((done) => context.on('close', () => done()));
  await server.close();
  process.exit(0);
}

const dir = resolve(root, 'screenshots');
mkdirSync(dir, { recursive: true });
const tabId = await tabIdOf(worker, page);
const state = await recordedState(worker, tabId);
await page.screenshot({ path: resolve(dir, 'page.png') });
await hoverRange(page, 0);
await page.waitForFunction(() => true);
for (let i = 0; i < 50; i++) {
  const popover = await readPopover(page);
  if (popover && !popover.hidden && !/Loading card/.test(popover.text)) break;
  await page.waitForTimeout(50);
}
await page.screenshot({ path: resolve(dir, 'popover.png') });
const panel = await openPanelPage(context, extensionId(worker), tabId);
await panel.setViewportSize({ width: 380, height: 900 });
await panel.getByRole('heading', { name: /This page/ }).waitFor();
await panel.screenshot({ path: resolve(dir, 'side-panel.png') });

const cards = new Set(state.mentions.map((m) => m.cardId));
console.log(
  [
    `Cards found: ${cards.size}`,
    `Mentions: ${state.mentions.length}`,
    `Time to first highlight: ${Math.round(firstHighlightMs)} ms after navigation start`,
    `Screenshots: ${dir} (page.png, popover.png, side-panel.png)`,
  ].join('\n'),
);
await context.close();
await server.close();
