import { type Dictionary, loadDictionary, scan } from '../engine';
import type { PageDictionary } from '../messaging/protocol';
import { type CardSummary, type Mention, mentionsIn } from '../model/mention';

/*
 * Matching in the page itself: the background hands a frame its compiled dictionary once (`page.dictionary`),
 * and the frame's annotations then need no round trip to the service worker before they paint. The background
 * keeps the dictionary to itself when it is too big to copy into every frame (PAGE_DICTIONARY_MAX), and a
 * frame sends text longer than LOCAL_TEXT_MAX to be matched there: both as before, with `page.match`.
 */

/**
 * Longest text a frame matches itself: its scan stays a short task (about 25 ms a megabyte on a quiet machine,
 * so about 6 ms here, several times that under load, still under a long task's 50 ms). A longer text (a very
 * long page, collected in many slices) is matched in the service worker, off the page's main thread.
 */
export const LOCAL_TEXT_MAX = 256 * 1024;

/** A frame's own matcher. */
export interface LocalMatcher {
  match(text: string): { mentions: Mention[]; cards: CardSummary[] };
}

/** A matcher of the dictionary the background handed over, or null when it cannot be read (another version). */
export function localMatcher(handed: PageDictionary): LocalMatcher | null {
  let dictionary: Dictionary;
  try {
    dictionary = loadDictionary(handed.dictionary);
  } catch {
    return null;
  }
  const cards = new Map(handed.cards.map((card) => [card.id, card]));
  return { match: (text) => mentionsIn(text, scan(dictionary, text), cards) };
}
