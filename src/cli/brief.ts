import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { briefMarkdown } from '../brief/markdown';
import { NoArticleError } from '../clip/extract';
import { briefHtml } from './brief-page';
import { DEFAULT_PACK, readPack } from './load-pack';

const USAGE = 'usage: npm run brief -- <file.html> [--url URL] [--format md|json] [--pack <pack.csv|pack.json>]';
// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? 0 : 1));
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const format = option('--format') ?? 'md';
if (!file || (format !== 'md' && format !== 'json')) {
  console.error(USAGE);
  process.exit(2);
}
try {
  const url = option('--url') ?? pathToFileURL(resolve(file)).toString();
  new URL(url);
  const pack = readPack(option('--pack') ?? DEFAULT_PACK);
  // A saved page has no watch signals evaluated and no earlier clips: those sections say so.
  const brief = briefHtml(readFileSync(file, 'utf8'), url, pack.cards);
  process.stdout.write(format === 'json' ? `${JSON.stringify(brief, null, 2)}\n` : briefMarkdown(brief));
} catch (error) {
  const message =
    error instanceof NoArticleError ? error.message : `could not brief ${file}: ${(error as Error).message}`;
  console.error(message);
  process.exit(1);
}
