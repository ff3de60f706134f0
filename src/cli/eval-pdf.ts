import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Pack } from '../model/pack';
import type { CorpusPage } from './corpus';
import { type Evaluation, evaluateEngine } from './evaluate';
import { readPdfFile } from './read-pdf';

/*
 * The dev corpus's pages printed to PDF by Chromium (as a user's "Save as PDF" does), their text read back with
 * pdf.js and scored against the same gold mentions as the HTML. The PDFs are made once into a cache folder
 * (named by a hash of the page), not committed.
 */

/** Where the printed PDFs are kept between runs. */
export const PDF_CACHE = resolve(import.meta.dirname, '../../node_modules/.cache/dossier-eval-pdf');
const BLANK_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Prints each page's article.html to PDF (those not yet in the cache); returns the PDFs' paths by page. */
export async function printCorpus(dir: string, pages: readonly string[]): Promise<Map<string, string>> {
  mkdirSync(PDF_CACHE, { recursive: true });
  const paths = new Map<string, string>();
  const missing: { page: string; html: string; pdf: string }[] = [];
  for (const page of pages) {
    const html = join(dir, page, 'article.html');
    const hash = createHash('sha256').update(readFileSync(html, 'utf8')).digest('hex').slice(0, 16);
    const pdf = join(PDF_CACHE, `${page}-${hash}-v2.pdf`);
    paths.set(page, pdf);
    if (!existsSync(pdf)) missing.push({ page, html, pdf });
  }
  if (missing.length === 0) return paths;
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    // Saved pages are read offline, as a saved copy is: no request leaves the machine.
    const context = await browser.newContext({ javaScriptEnabled: false });
    // Chromium prints a missing image's alt text in its place, which a page printed with its images lacks: an
    // image is answered with a blank pixel instead.
    await context.route(/^(?!file:)/, (route) =>
      route.request().resourceType() === 'image'
        ? route.fulfill({ contentType: 'image/gif', body: BLANK_GIF })
        : route.abort(),
    );
    const tab = await context.newPage();
    for (const { html, pdf } of missing) {
      await tab.goto(pathToFileURL(html).toString(), { waitUntil: 'load' });
      await tab.pdf({ path: `${pdf}.part`, format: 'A4' });
      renameSync(`${pdf}.part`, pdf);
    }
  } finally {
    await browser.close();
  }
  return paths;
}

/** The engine's scores on the corpus's pages printed to PDF, their text read as Dossier's reader reads it. */
export async function evaluatePdfs(dir: string, pages: readonly CorpusPage[], pack: Pack): Promise<Evaluation> {
  const pdfs = await printCorpus(
    dir,
    pages.map((p) => p.page),
  );
  const read: CorpusPage[] = [];
  for (const page of pages) {
    const { text } = await readPdfFile(pdfs.get(page.page)!);
    read.push({ ...page, text });
  }
  return evaluateEngine(read, pack);
}
