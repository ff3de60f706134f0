/**
 * `npm run bench:clip`: clipping the largest corpus page (by bytes) against Readability alone on the same page,
 * both on jsdom as `npm run clip` runs: the clip adds the clone, sanitising, the canonical URL and the
 * engine's mentions of the article's text. Medians of 15 runs after 3 warm-ups, alternating. Then full-text
 * search over 5,000 clips: an absolute against its target (no other search does the same work), with a plain
 * substring filter for scale and each side's preparation (MiniSearch's index, the lower-cased texts) reported.
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
import { absolute, alternate, ms, quantile, ratio, spread } from './measure';

const dev = resolve(import.meta.dirname, '../../shared/corpus/dev');
const largest = readdirSync(dev)
  .map((name) => ({ name, size: statSync(resolve(dev, name, 'source.html')).size }))
  .sort((a, b) => b.size - a.size)[0]!;
const html = readFileSync(resolve(dev, largest.name, 'source.html'), 'utf8');
const url = `https://example.org/${largest.name}`;
const cards = v.parse(PackSchema, defaultPack).cards;

// Both parse the page with jsdom first, as the CLI does; alternating (each goes first in turn), 3 warm-ups each.
const RUNS = 15;
const clipping = alternate(
  {
    readability: () => {
      const { window } = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
      new Readability(window.document).parse();
      window.close();
    },
    clip: () => clipToMarkdown(clipHtml(html, url, cards, new Date().toISOString())),
  },
  { runs: RUNS, warmup: 3 },
);
console.log(
  `clip of the largest corpus page (${largest.name}, ${(largest.size / 1024).toFixed(0)} KB), parse included, medians of ${RUNS} (quartiles): ${spread(clipping.clip)}; Readability alone ${spread(clipping.readability)} → ${ratio(clipping.clip, clipping.readability)} (target ≤ 1.5×: ${clipping.clip.median / clipping.readability.median <= 1.5 ? 'met' : 'MISSED'})`,
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
// Each side's preparation, once, outside the per-query times and reported on its own: MiniSearch's index (the
// Clips tab builds it when it opens), the substring filter's lower-cased texts.
const prepared = alternate(
  { index: () => indexClips(clips), lowered: () => clips.map((c) => c.text.toLowerCase()) },
  { runs: 3, warmup: 1 },
);
const clipIndex = indexClips(clips);
const lowered = clips.map((c) => c.text.toLowerCase());
const none = { query: '', cardId: '', tag: '', site: '', since: '' };
// Every query on both sides, in alternating order, over 5 rounds after a warm-up round.
const ROUNDS = 5;
const searchTimes: number[] = [];
const plainTimes: number[] = [];
const roundP95 = { search: [] as number[], plain: [] as number[] };
let found = 0;
for (let round = -1; round < ROUNDS; round++) {
  const search: number[] = [];
  const plain: number[] = [];
  clipQueries.forEach((query, i) => {
    const sides = alternate(
      {
        search: () => {
          if (searchClips(clipIndex, clips, { ...none, query }).length > 0 && round === 0) found++;
        },
        plain: () => {
          const lower = query.toLowerCase();
          return clips.filter((_, k) => lowered[k]!.includes(lower));
        },
      },
      { runs: 1, warmup: 0, first: (round + i) % 2 },
    );
    search.push(sides.search.median);
    plain.push(sides.plain.median);
  });
  if (round < 0) continue;
  searchTimes.push(...search);
  plainTimes.push(...plain);
  roundP95.search.push(quantile(search, 0.95));
  roundP95.plain.push(quantile(plain, 0.95));
}
const p95Of = (all: number[], rounds: number[]) =>
  `p95 ${ms(quantile(all, 0.95))} (rounds ${ms(Math.min(...rounds))}–${ms(Math.max(...rounds))}), median ${ms(quantile(all, 0.5))}`;
const searchP95 = quantile(searchTimes, 0.95);
console.log(
  `full-text search over ${clips.length.toLocaleString('en')} clips (MiniSearch, ${clipQueries.length} queries × ${ROUNDS} rounds, a third with a typo; ${found} found something):`,
);
console.log(`  ${absolute('MiniSearch', p95Of(searchTimes, roundP95.search), 'p95 < 50 ms', searchP95 < 50)}`);
console.log(
  `  for scale, a plain substring filter over the same texts, lower-cased once beforehand (it finds no typo, no prefix and ranks nothing): ${p95Of(plainTimes, roundP95.plain)}`,
);
console.log(
  `  preparation, once: MiniSearch's index ${spread(prepared.index, (v) => ms(v, 0))} (when the Clips tab opens; the panel builds it in chunks and matches exact words meanwhile); lower-casing the texts for the filter ${spread(prepared.lowered, (v) => ms(v, 0))}`,
);
console.log(
  `  so ${clipQueries.length} queries cost, preparation included: MiniSearch ${ms(prepared.index.median + clipQueries.length * quantile(searchTimes, 0.5), 0)}, the substring filter ${ms(prepared.lowered.median + clipQueries.length * quantile(plainTimes, 0.5), 0)}`,
);
