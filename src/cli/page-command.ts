import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NoArticleError } from '../clip/extract';
import type { Card } from '../model/card';
import { DEFAULT_PACK, readPack } from './load-pack';
import { isPdfPath, type ReadPdf, readPdfFile } from './read-pdf';

/** What a command on a PDF is given: the file read with pdf.js, its name, address and the pack's cards. */
export interface SavedPdf {
  pdf: ReadPdf;
  file: string;
  url: string;
  cards: readonly Card[];
}

/** What a command on a saved page is given: its HTML, its address and the pack's cards. */
export interface SavedPage {
  html: string;
  url: string;
  cards: readonly Card[];
}

/**
 * Runs a command on a saved page (`npm run clip`, `npm run brief`): `<file.html> [--url URL] [--format md|json]
 * [--pack P]`, the usage on bad arguments (exit 2), the output on stdout, an error's reason on stderr (exit 1).
 * `verb` names what it does in the error ("could not clip page.html: …").
 */
export function runPageCommand(
  name: string,
  verb: string,
  render: (page: SavedPage, format: 'md' | 'json') => string,
  renderPdf?: (pdf: SavedPdf, format: 'md' | 'json') => string,
): void {
  const usage = `usage: npm run ${name} -- <file.html${renderPdf ? '|file.pdf' : ''}> [--url URL] [--format md|json] [--pack <pack.csv|pack.json>]`;
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? 0 : 1));
  const args = process.argv.slice(2);
  const option = (flag: string) => {
    const at = args.indexOf(flag);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  const format = option('--format') ?? 'md';
  if (!file || (format !== 'md' && format !== 'json')) {
    console.error(usage);
    process.exit(2);
  }
  const fail = (error: unknown) => {
    const message =
      error instanceof NoArticleError ? error.message : `could not ${verb} ${file}: ${(error as Error).message}`;
    console.error(message);
    process.exit(1);
  };
  try {
    const url = option('--url') ?? pathToFileURL(resolve(file)).toString();
    new URL(url);
    const pack = readPack(option('--pack') ?? DEFAULT_PACK);
    if (renderPdf && isPdfPath(file)) {
      readPdfFile(file)
        .then((pdf) => process.stdout.write(renderPdf({ pdf, file, url, cards: pack.cards }, format)))
        .catch(fail);
      return;
    }
    process.stdout.write(render({ html: readFileSync(file, 'utf8'), url, cards: pack.cards }, format));
  } catch (error) {
    fail(error);
  }
}
