import * as v from 'valibot';
import { clipIdOf } from './clip';
import { PageUrlSchema } from './safe-url';

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

const text = (max: number) =>
  v.pipe(v.string(), v.maxLength(max, `must be at most ${max.toLocaleString('en')} characters`));

/** A signal hit as stored, checked whole (a restored backup). */
export const SignalHitRecordSchema = v.strictObject({
  hitId: v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/, 'must be 16 hexadecimal digits')),
  url: PageUrlSchema,
  title: text(10_000),
  time: v.pipe(v.string(), v.isoTimestamp('must be an ISO time')),
  cardId: text(128),
  cardName: text(200),
  signal: text(4000),
  terms: v.pipe(v.array(text(200)), v.maxLength(1000)),
  evidence: text(MAX_EVIDENCE),
});
