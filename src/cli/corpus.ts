import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractText } from './extract-text';
import type { ScoredMention } from './score';

/** Which part of the dev corpus a page is in: tuned on (rules are changed while looking at it) or held out. */
export type CorpusSplit = 'tune' | 'held-out';

/** One page of the news corpus: its visible article text and hand-checked mentions. */
export interface CorpusPage {
  page: string;
  text: string;
  gold: ScoredMention[];
  split: CorpusSplit;
}

/**
 * The split, fixed by the pages' names: in name order, every third page (the 3rd, 6th, 9th …) is held out.
 * Rules are changed while looking at the tune pages only; the held-out pages are scored, never read for errors.
 */
export function splitOf(index: number): CorpusSplit {
  return index % 3 === 2 ? 'held-out' : 'tune';
}

/** The pages of a corpus directory (each a folder with article.html and gold.json), by name. */
export function readCorpus(dir: string): CorpusPage[] {
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'gold.json')))
    .sort()
    .map((page, index) => {
      const gold = JSON.parse(readFileSync(join(dir, page, 'gold.json'), 'utf8')) as { mentions: ScoredMention[] };
      return {
        page,
        text: extractText(readFileSync(join(dir, page, 'article.html'), 'utf8')),
        gold: gold.mentions,
        split: splitOf(index),
      };
    });
}
