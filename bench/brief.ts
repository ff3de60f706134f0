/**
 * `npm run bench:brief`: the page brief of the largest corpus page (by bytes), as the side panel's Brief
 * makes it in the background: the summary's sentences, the counts, the implications, related intelligence
 * over 2,000 earlier clips, and its Markdown: an absolute against its target (nothing else makes a brief),
 * printed beside the engine's scan of the same text (the dictionary compiled beforehand), which the brief needs
 * first. On the article's text (what the extension briefs), on the whole page's visible text, and, as a stress
 * case, on 1 MB of the corpus articles' paragraphs one after another. Medians of 25 runs after 5 warm-ups.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import * as v from 'valibot';
import { type BriefClip, buildBrief } from '../src/brief/build';
import { briefMarkdown } from '../src/brief/markdown';
import { clipHtml } from '../src/cli/clip-page';
import { extractText } from '../src/cli/extract-text';
import { readPack } from '../src/cli/load-pack';
import { compileDictionary, scan } from '../src/engine';
import { toEntry } from '../src/model/card';
import { PackSchema } from '../src/model/pack';
import defaultPack from '../src/packs/default-pack.json';
import { absolute, median, ms, sample, spread } from './measure';

const corpus = resolve(import.meta.dirname, '../../shared/corpus');
const dev = resolve(corpus, 'dev');
const largest = readdirSync(dev)
  .map((name) => ({ name, size: statSync(resolve(dev, name, 'source.html')).size }))
  .sort((a, b) => b.size - a.size)[0]!;
const html = readFileSync(resolve(dev, largest.name, 'source.html'), 'utf8');
const cards = [...v.parse(PackSchema, defaultPack).cards, ...readPack(resolve(corpus, 'pack.csv')).cards];
const dictionary = compileDictionary(cards.map(toEntry));

// Earlier clips, each mentioning a few cards of the library (some of them on the page).
const clips: BriefClip[] = Array.from({ length: 2000 }, (_, i) => ({
  clipId: i.toString(16).padStart(16, '0'),
  title: `Clip ${i}`,
  canonicalUrl: `https://example.org/${i}`,
  clipped: new Date(Date.UTC(2026, 0, 1) + i * 3600_000).toISOString(),
  mentions: Array.from({ length: 12 }, (_, k) => {
    const card = cards[(i * 31 + k * 17) % cards.length]!;
    return { cardId: card.id, name: card.name };
  }),
}));

const article = clipHtml(html, `https://example.org/${largest.name}`, cards, new Date().toISOString());
const paragraphs = readdirSync(dev).flatMap((name) =>
  readFileSync(resolve(dev, name, 'article.html'), 'utf8')
    .split(/<\/(?:p|h[1-6]|li|blockquote)>/i)
    .map((p) =>
      p
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean),
);
let long = '';
for (let i = 0; long.length < 1024 * 1024; i++) long += `${paragraphs[i % paragraphs.length]}\n`;
const texts = [
  { what: `${largest.name}, its article's text`, text: article.text, target: true },
  { what: `${largest.name}, the whole page's text`, text: extractText(html), target: true },
  { what: "1 MB of the corpus articles' paragraphs (stress case)", text: long, target: false },
];
for (const { what, text, target } of texts) {
  const scans: number[] = [];
  const briefs: number[] = [];
  let sections = '';
  for (let r = 0; r < 30; r++) {
    const t0 = performance.now();
    const mentions = scan(dictionary, text).map((m) => ({ cardId: m.id, start: m.start, end: m.end }));
    const t1 = performance.now();
    const brief = buildBrief({
      title: article.title,
      url: article.canonicalUrl,
      text,
      mentions,
      cards,
      signals: [],
      clips,
    });
    const markdown = briefMarkdown(brief);
    const t2 = performance.now();
    if (r >= 5) {
      scans.push(t1 - t0);
      briefs.push(t2 - t1);
    }
    sections = `${mentions.length} mentions, ${brief.summary.length} summary sentences, ${brief.entities.length + brief.topics.length} cards, ${brief.related.clips.length} related clips, ${markdown.length} characters of Markdown`;
  }
  const b = sample(briefs);
  const line = `brief of ${what} (${(text.length / 1024).toFixed(0)} KB; ${sections}), medians (quartiles) of 25 runs`;
  const context = `; the engine's scan it needs first ${spread(sample(scans))}; scan + brief ${ms(median(scans) + b.median)}`;
  console.log(
    target
      ? absolute(line, `${spread(b)}${context}`, '< 100 ms', median(scans) + b.median < 100)
      : `${line}: ${spread(b)}${context} (a stress case, no target)`,
  );
}
