import browser from 'webextension-polyfill';
import { err, type Result } from '../model/result';
import type {
  Answers,
  backgroundToContent,
  backgroundToReader,
  contentToBackground,
  Payload,
  panelToBackground,
} from './protocol';
import { describeError } from './router';

type ToBackground = keyof typeof contentToBackground | keyof typeof panelToBackground;

/** The error of a request the background stopped (or was stopped) before answering. */
export const INTERRUPTED = 'Dossier stopped before it answered.';

/** Sends a message to the background and returns its result; a dead or missing background is an error result. */
export async function sendToBackground<K extends ToBackground>(
  type: K,
  payload: Payload<K>,
): Promise<Result<Answers[K]>> {
  try {
    const answer = (await browser.runtime.sendMessage({ type, payload })) as Result<Answers[K]> | undefined;
    // The background answers every message it takes; none means it stopped (or was stopped) while at it.
    return answer ?? err(INTERRUPTED);
  } catch (error) {
    const message = describeError(error);
    return err(/message channel closed|message port closed/i.test(message) ? INTERRUPTED : message);
  }
}

/** Sends a message to a tab's content scripts (every frame unless one is named; the first answer counts). */
export async function sendToTab<K extends keyof typeof backgroundToContent | keyof typeof backgroundToReader>(
  tabId: number,
  type: K,
  payload: Payload<K>,
  frameId?: number,
): Promise<Result<Answers[K]>> {
  try {
    const options = frameId === undefined ? {} : { frameId };
    const answer = (await browser.tabs.sendMessage(tabId, { type, payload }, options)) as
      | Result<Answers[K]>
      | undefined;
    return answer ?? err('No answer from the page.');
  } catch (error) {
    return err(describeError(error));
  }
}
