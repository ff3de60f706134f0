/**
 * `npm run bench:clip`: clipping the largest corpus page (by bytes) against Readability alone on the same page,
 * both on jsdom as `npm run clip` runs: the clip adds the clone, sanitising, the canonical URL and the
 * engine's mentions of the article's text. Medians of 15 runs after 3 warm-ups.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import * as v from 'valibot';
import { clipHtml, clipToMarkdown } from '../src/cli/clip-page';
import { PackSchema } from '../src/model/pack';
import defaultPack from '../src/packs/default-pack.json';

const dev = resolve(import.meta.dirname, '../../shared/corpus/dev');
const largest = readdirSync(dev)
  .map((name) => ({ name, size: statSync(resolve(dev, name, 'source.html')).size }))
  .sort((a, b) => b.size - a.size)[0]!;
const html = readFileSync(resolve(dev, largest.name, 'source.html'), 'utf8');
const url = `https://example.org/${largest.name}`;
const cards = v.parse(PackSchema, defaultPack).cards;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function time(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

const readability: number[] = [];
const clip: number[] = [];
for (let r = 0; r < 18; r++) {
  // Both parse the page with jsdom first, as the CLI does; alternating, so that the machine weighs on both.
  const alone = time(() => {
    const { window } = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
    new Readability(window.document).parse();
    window.close();
  });
  const ours = time(() => clipToMarkdown(clipHtml(html, url, cards, new Date().toISOString())));
  if (r >= 3) {
    readability.push(alone);
    clip.push(ours);
  }
}
console.log(
  `clip of the largest corpus page (${largest.name}, ${(largest.size / 1024).toFixed(0)} KB), parse included: ${median(clip).toFixed(1)} ms; Readability alone ${median(readability).toFixed(1)} ms → ${(median(clip) / median(readability)).toFixed(2)}× (target ≤ 1.5×)`,
);
