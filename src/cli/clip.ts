import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NoArticleError } from '../clip/extract';
import { clipHtml, clipToJson, clipToMarkdown } from './clip-page';
import { DEFAULT_PACK, readPack } from './load-pack';

const USAGE = 'usage: npm run clip -- <file.html> [--url URL] [--format md|json] [--pack <pack.csv|pack.json>]';
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
  const clip = clipHtml(readFileSync(file, 'utf8'), url, pack.cards, new Date().toISOString());
  process.stdout.write(format === 'json' ? `${JSON.stringify(clipToJson(clip), null, 2)}\n` : clipToMarkdown(clip));
} catch (error) {
  const message =
    error instanceof NoArticleError ? error.message : `could not clip ${file}: ${(error as Error).message}`;
  console.error(message);
  process.exit(1);
}
