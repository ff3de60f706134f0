import type { TabState } from '../../messaging/protocol';
import type { CardSummary, Mention } from '../../model/mention';
import { hostAccessReason } from '../browser/host-access';
import { idleReason } from './idle-reason';

/*
 * The mentions of each tab live in storage.session, so the side panel still gets them after the service
 * worker was stopped; the background is the only writer.
 */

interface FrameState {
  mentions: Mention[];
  cards: CardSummary[];
}

interface StoredTab {
  url: string;
  title: string;
  frames: Record<string, FrameState>;
  focusCardId: string | null;
}

const key = (tabId: number) => `tab:${tabId}`;

async function read(tabId: number): Promise<StoredTab | null> {
  const got = await chrome.storage.session.get(key(tabId));
  return (got[key(tabId)] as StoredTab | undefined) ?? null;
}

async function write(tabId: number, value: StoredTab): Promise<void> {
  await chrome.storage.session.set({ [key(tabId)]: value });
}

const queues = new Map<number, Promise<unknown>>();

/** Runs read-modify-write updates of one tab one after another, so two frames answering at once both land. */
function update(tabId: number, change: (current: StoredTab | null) => StoredTab): Promise<void> {
  const run = (queues.get(tabId) ?? Promise.resolve())
    .catch(() => undefined)
    .then(async () => write(tabId, change(await read(tabId))));
  queues.set(tabId, run);
  return run.finally(() => {
    if (queues.get(tabId) === run) queues.delete(tabId);
  });
}

/** Records what one frame of a tab found; the top frame starting a new URL clears the others. */
export async function recordFrame(
  tabId: number,
  frameId: number,
  page: { url: string; title: string },
  found: FrameState,
): Promise<void> {
  await update(tabId, (current) => {
    const fresh = !current || (frameId === 0 && current.url !== page.url);
    const next: StoredTab = fresh
      ? { url: page.url, title: page.title, frames: {}, focusCardId: current?.focusCardId ?? null }
      : current;
    if (frameId === 0) {
      next.url = page.url;
      next.title = page.title;
    }
    next.frames[String(frameId)] = found;
    return next;
  });
}

/** Remembers the card the user opened the side panel on. */
export async function setFocus(tabId: number, cardId: string | null, url = ''): Promise<void> {
  await update(tabId, (current) => ({ ...(current ?? { url, title: '', frames: {} }), focusCardId: cardId }));
}

/** Drops what a tab's frames found (they are asked again), keeping the card the panel is open on. */
export async function clearFrames(tabId: number): Promise<void> {
  await update(tabId, (current) => ({ ...(current ?? { url: '', title: '', focusCardId: null }), frames: {} }));
}

/** Forgets a tab (closed, or navigated away). */
export async function forgetTab(tabId: number): Promise<void> {
  await chrome.storage.session.remove(key(tabId));
}

/** Whether anything is recorded for the tab. */
export async function hasTab(tabId: number): Promise<boolean> {
  return (await read(tabId)) !== null;
}

/** The state of a tab as the side panel shows it: mentions of every frame, cards once each. */
export async function tabState(tabId: number, liveUrl?: string): Promise<TabState> {
  const stored = await read(tabId);
  const mentions: Mention[] = [];
  const cards = new Map<string, CardSummary>();
  for (const frame of Object.values(stored?.frames ?? {})) {
    mentions.push(...frame.mentions);
    for (const card of frame.cards) cards.set(card.id, card);
  }
  const url = liveUrl ?? stored?.url ?? '';
  return {
    tabId,
    url,
    title: stored?.title ?? '',
    mentions,
    cards: [...cards.values()],
    focusCardId: stored?.focusCardId ?? null,
    idleReason: idleReason(url) ?? (await hostAccessReason(url)),
  };
}
