/*
 * Runs in the benchmarked page (bundled as a classic script by bench/page.ts): the floor of annotation, i.e.
 * one walk over the same text nodes with the same visibility checks, the engine's scan of that text, and one
 * Range per match — no messaging, no painting, no bookkeeping.
 */
import { collectText, locate } from '../src/content/collect-text';
import { compileDictionary, type DictionaryEntry, scan } from '../src/engine';

declare global {
  interface Window {
    floorRun?: (entries: DictionaryEntry[], runs: number) => { medianMs: number; ranges: number };
  }
}

window.floorRun = (entries, runs) => {
  const dictionary = compileDictionary(entries);
  const times: number[] = [];
  let ranges = 0;
  for (let r = 0; r < runs; r++) {
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
    times.push(performance.now() - start);
    ranges = made.length;
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)]!, ranges };
};
