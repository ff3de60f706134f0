import { existsSync, readFileSync } from 'node:fs';
import { compileDictionary, scan } from '../engine';
import { toEntry } from '../model/card';
import { toAnnotationPage } from './annotation-page';
import { extractText } from './extract-text';
import { DEFAULT_PACK, loadPack } from './load-pack';
import { isPdfPath, readPdfFile } from './read-pdf';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
/** Every value of an option given more than once (`--pack a.json --pack b.csv`). */
const options = (name: string) =>
  args.flatMap((a, i) => (a === name && args[i + 1] !== undefined ? [args[i + 1] as string] : []));
const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const format = option('--format') ?? 'json';
if (!file || (format !== 'json' && format !== 'table')) {
  console.error(
    'usage: npm run annotate -- <file.html|file.pdf> [--pack <pack.csv|pack.json>]... [--format json|table]',
  );
  process.exit(2);
}
const packPaths = options('--pack');
if (packPaths.length === 0 && !existsSync(DEFAULT_PACK)) {
  console.error('the built-in pack is missing: pass --pack <pack.csv|pack.json>');
  process.exit(2);
}
try {
  // A CSV pack is read as a stream: a list of a million names is never one string.
  // Several packs (a team's cards and a watchlist) are matched together; a card id already given by an earlier
  // pack keeps that pack's card, and the count of those left out is told.
  const packs = await Promise.all((packPaths.length > 0 ? packPaths : [DEFAULT_PACK]).map((path) => loadPack(path)));
  const byId = new Map<string, (typeof packs)[number]['cards'][number]>();
  let repeated = 0;
  for (const card of packs.flatMap((p) => p.cards)) {
    if (byId.has(card.id)) repeated++;
    else byId.set(card.id, card);
  }
  if (repeated > 0) console.error(`${repeated} cards left out: their id is already a card of an earlier pack`);
  const pack = { cards: [...byId.values()] };
  // A PDF's text is its pages' text layers, lines joined and words hyphenated across lines made whole.
  const text = isPdfPath(file) ? (await readPdfFile(file)).text : extractText(readFileSync(file, 'utf8'));
  const matches = scan(compileDictionary(pack.cards.map(toEntry)), text);
  const cards = new Map(pack.cards.map((c) => [c.id, { name: c.name, topic: c.kind === 'topic' }]));
  const page = toAnnotationPage(text, matches, cards);
  if (format === 'json') console.log(JSON.stringify(page, null, 2));
  else {
    for (const m of matches) {
      const how = m.match === 'fuzzy' ? `fuzzy: ${text.slice(m.start, m.end)} → ${m.matched}` : m.match;
      console.log(
        `${String(m.start).padStart(7)}  ${text.slice(m.start, m.end).replace(/\s+/g, ' ').padEnd(28)} ${(cards.get(m.id)?.name ?? m.id).padEnd(28)} ${how} ${m.confidence}`,
      );
    }
    console.log(`${matches.length} mentions`);
  }
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
