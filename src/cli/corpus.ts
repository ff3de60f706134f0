import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractText } from './extract-text';
import type { ScoredMention } from './score';

/** One page of the news corpus: its visible article text and hand-checked mentions. */
export interface CorpusPage {
  page: string;
  text: string;
  gold: ScoredMention[];
}

/** The pages of a corpus directory (each a folder with article.html and gold.json), by name. */
export function readCorpus(dir: string): CorpusPage[] {
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'gold.json')))
    .sort()
    .map((page) => {
      const gold = JSON.parse(readFileSync(join(dir, page, 'gold.json'), 'utf8')) as { mentions: ScoredMention[] };
      return { page, text: extractText(readFileSync(join(dir, page, 'article.html'), 'utf8')), gold: gold.mentions };
    });
}
