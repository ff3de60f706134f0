import { clipIdOf } from './clip';

/** A watch signal that fired on a page the user read, as stored (privately) and listed in the side panel. */
export interface SignalHitRecord {
  /** Stable per page and signal: the same signal firing again on the same page updates this record. */
  hitId: string;
  url: string;
  title: string;
  /** When it last fired (ISO time). */
  time: string;
  cardId: string;
  cardName: string;
  /** The signal's text. */
  signal: string;
  /** The terms of its rule found on the page. */
  terms: string[];
  /** The sentence that shows it, as it stands in the page. */
  evidence: string;
}

/** Longest evidence sentence stored. */
export const MAX_EVIDENCE = 600;

/** The id of a signal's hit on a page (its URL without the fragment). */
export function hitIdOf(url: string, cardId: string, signal: string): string {
  return clipIdOf(`${url.replace(/#.*$/, '')}\n${cardId}\n${signal}`);
}
