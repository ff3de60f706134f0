import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

/*
 * Makes the e2e tests' PDFs (committed; run again only to change them): the demo page printed by Chromium, a
 * page with no text (only a drawing), a damaged file (a PDF cut short and overwritten), and the demo PDF
 * encrypted with the password "dossier" (by qpdf, when installed).
 */
const root = resolve(import.meta.dirname, '..');
const out = join(root, 'e2e/pages/pdf');
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(join(root, 'demo/index.html')).toString(), { waitUntil: 'load' });
  await page.pdf({ path: join(out, 'demo.pdf'), format: 'A4' });
  await page.setContent(
    '<svg width="400" height="300"><rect width="400" height="300" fill="#333"/><circle cx="200" cy="150" r="90" fill="#ccc"/></svg>',
  );
  await page.pdf({ path: join(out, 'no-text.pdf'), format: 'A4' });
} finally {
  await browser.close();
}
const demo = new Uint8Array(readFileSync(join(out, 'demo.pdf')));
// The header and the start of the file, then noise: no cross-reference table, no objects a reader can use.
const damaged = new Uint8Array(9 + 2048).fill(0x5a);
damaged.set(demo.subarray(0, 9));
writeFileSync(join(out, 'damaged.pdf'), damaged);
try {
  execFileSync('qpdf', [
    '--encrypt',
    'dossier',
    'owner-pass',
    '256',
    '--',
    join(out, 'demo.pdf'),
    join(out, 'encrypted.pdf'),
  ]);
} catch (error) {
  console.warn(`encrypted.pdf not made (qpdf missing?): ${(error as Error).message}`);
}
console.log(`PDF fixtures written to ${out}`);
