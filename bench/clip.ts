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
import type { Clip } from '../src/model/clip';
import { PackSchema } from '../src/model/pack';
import defaultPack from '../src/packs/default-pack.json';
import { indexClips, searchClips } from '../src/ui/side-panel/clips/search';

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

// Full-text search over 5,000 clips, as the side panel's Clips tab runs it: clips made from the corpus
// articles' text (each article split into overlapping parts, so that clips differ), 60 queries of one to three
// words taken from the texts, a third with a typo; baseline: a plain substring filter over the same texts.
const texts = readdirSync(dev).map((name) =>
  readFileSync(resolve(dev, name, 'article.html'), 'utf8')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' '),
);
const clips: Clip[] = [];
for (let i = 0; clips.length < 5000; i++) {
  const text = texts[i % texts.length]!;
  const from = (i * 977) % Math.max(1, text.length - 3000);
  const body = text.slice(from, from + 3000);
  clips.push({
    clipId: i.toString(16).padStart(16, '0'),
    url: `https://example.org/${i}`,
    canonicalUrl: `https://example.org/${i}`,
    title: body.slice(0, 80),
    byline: null,
    siteName: `site${i % 40}.example`,
    published: null,
    excerpt: null,
    lang: 'en',
    html: '',
    text: body,
    clipped: new Date(Date.UTC(2026, 0, 1) + i * 3600_000).toISOString(),
    updated: new Date(Date.UTC(2026, 0, 1) + i * 3600_000).toISOString(),
    tags: [],
    note: '',
    mentions: [],
  });
}
const words = texts
  .join(' ')
  .split(' ')
  .filter((w) => /^[a-z]{5,}$/.test(w));
const clipQueries: string[] = [];
for (let i = 0; i < 60; i++) {
  const n = 1 + (i % 3);
  let query = Array.from({ length: n }, (_, k) => words[(i * 7919 + k * 104729) % words.length]!).join(' ');
  if (i % 3 === 0) query = `${query.slice(0, 2)}${query[3]}${query[2]}${query.slice(4)}`;
  clipQueries.push(query);
}
const indexStart = performance.now();
const clipIndex = indexClips(clips);
const clipIndexMs = performance.now() - indexStart;
const none = { query: '', cardId: '', tag: '', site: '', since: '' };
const searchTimes: number[] = [];
const plainTimes: number[] = [];
for (const query of clipQueries) {
  searchTimes.push(time(() => searchClips(clipIndex, clips, { ...none, query })));
  const lower = query.toLowerCase();
  plainTimes.push(time(() => clips.filter((c) => c.text.toLowerCase().includes(lower))));
}
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;
console.log(
  `full-text search over ${clips.length.toLocaleString('en')} clips (MiniSearch, ${clipQueries.length} queries, a third with a typo): p95 ${p95(searchTimes).toFixed(1)} ms, median ${median(searchTimes).toFixed(1)} ms (target p95 < 50 ms); substring filter p95 ${p95(plainTimes).toFixed(1)} ms; index built in ${clipIndexMs.toFixed(0)} ms`,
);
