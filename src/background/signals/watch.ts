import { evaluateSignals, type SignalPage } from '../../engine';
import { hitIdOf, MAX_EVIDENCE, type SignalHitRecord } from '../../model/signal-hit';
import { SignalHitStore } from '../../store/signal-hits';
import type { Library } from '../library';
import { alertHits } from './alerts';
import { setTabSignals } from './badge';

/*
 * Watch signals on the pages the user reads: after a page's text was matched, the cards' signal rules are
 * evaluated on it; hits are stored (privately), counted on the tab's badge, and announced if alerts are on.
 */

let store: SignalHitStore | null = null;

/** The store of signal hits (opened on first use). */
export function signalHitStore(): SignalHitStore {
  store ??= new SignalHitStore();
  return store;
}

/** The page a frame's text was matched on. */
export interface WatchedPage {
  tabId: number;
  frameId: number;
  url: string;
  title: string;
  /** Hits in incognito windows are neither stored nor announced, only shown for the tab. */
  incognito: boolean;
  /** The text is a part the page added or changed: its hits join the frame's earlier ones. */
  part?: boolean;
}

/** Evaluates the signal rules on a frame's matched text; records and announces the hits. */
export async function watchSignals(
  library: Library,
  page: WatchedPage,
  matched: SignalPage,
  now = new Date().toISOString(),
): Promise<SignalHitRecord[]> {
  const hits = evaluateSignals(await library.signals(), matched);
  const records = hits.map((hit) => ({
    hitId: hitIdOf(page.url, hit.cardId, hit.text),
    url: page.url,
    title: page.title,
    time: now,
    cardId: hit.cardId,
    cardName: hit.cardName,
    signal: hit.text,
    terms: hit.terms,
    evidence: hit.evidence.sentence.slice(0, MAX_EVIDENCE),
  }));
  if (page.part && records.length === 0) return records;
  await setTabSignals(page.tabId, page.frameId, page.url, records, page.part === true);
  if (page.incognito || records.length === 0) return records;
  const fresh = await signalHitStore().record(records);
  await alertHits(fresh);
  return records;
}
