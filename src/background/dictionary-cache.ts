import type { CardSummary } from '../model/mention';

/*
 * The compiled dictionary, serialised, in storage.local: a woken service worker loads it instead of reading
 * every card and compiling again. It is keyed by the store's update sequence, so any write to the store
 * makes it stale.
 */

const KEY = 'dictionary-cache';

/** What is cached: the store revision it was built from, the serialised dictionary and the cards' summaries. */
export interface CachedDictionary {
  revision: string;
  dictionary: string;
  cards: CardSummary[];
}

/** The cached dictionary if it was built from this revision of the store. */
export async function readCachedDictionary(revision: string): Promise<CachedDictionary | null> {
  try {
    const got = (await chrome.storage.local.get(KEY))[KEY] as CachedDictionary | undefined;
    return got?.revision === revision && typeof got.dictionary === 'string' && Array.isArray(got.cards) ? got : null;
  } catch {
    return null;
  }
}

/** Keeps a freshly compiled dictionary for the next wake-up; failing to (quota) only costs a recompile. */
export async function writeCachedDictionary(value: CachedDictionary): Promise<void> {
  try {
    await chrome.storage.local.set({ [KEY]: value });
  } catch (error) {
    console.warn('Dossier: could not cache the compiled dictionary', error);
  }
}
