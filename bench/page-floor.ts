/*
 * Runs in the benchmarked page (bundled as a classic script by bench/page.ts): the floor of annotation, i.e.
 * one walk over the same text nodes with the same visibility checks, the engine's scan of that text, and one
 * Range per match — no messaging, no painting, no bookkeeping. The dictionary is compiled once, outside the
 * timed runs, as Dossier's background compiles its own before any page asks.
 */
import { collectText, locate } from '../src/content/collect-text';
import { compileDictionary, type Dictionary, type DictionaryEntry, scan } from '../src/engine';

declare global {
  interface Window {
    floorPrepare?: (entries: DictionaryEntry[]) => void;
    floorRun?: () => { ms: number; ranges: number };
  }
}

let dictionary: Dictionary | null = null;

window.floorPrepare = (entries) => {
  dictionary = compileDictionary(entries);
};

window.floorRun = () => {
  if (!dictionary) throw new Error('floorPrepare first');
  const start = performance.now();
  const page = collectText(document.body);
  const made: Range[] = [];
  for (const match of scan(dictionary, page.text)) {
    const from = locate(page, match.start, false);
    const to = locate(page, match.end, true);
    if (!from || !to) continue;
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    made.push(range);
  }
  return { ms: performance.now() - start, ranges: made.length };
};
