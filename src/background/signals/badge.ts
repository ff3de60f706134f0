/*
 * Which watch signals fired on each tab's page, in storage.session (so that the badge and the side panel still
 * know after the service worker stopped), and the toolbar badge that shows them. The background is the only
 * writer.
 */

import type { SignalHitRecord } from '../../model/signal-hit';

interface TabSignals {
  url: string;
  /** Frame id → the hits its text fired. */
  frames: Record<string, SignalHitRecord[]>;
}

const key = (tabId: number) => `signals:${tabId}`;
const queues = new Map<number, Promise<unknown>>();

async function read(tabId: number): Promise<TabSignals | null> {
  const got = await chrome.storage.session.get(key(tabId));
  return (got[key(tabId)] as TabSignals | undefined) ?? null;
}

/**
 * Records the hits one frame of a tab fired (none clears them), or with `add` the hits of text the page added
 * (kept with the frame's earlier ones); the top frame on a new URL clears the others.
 */
export function setTabSignals(
  tabId: number,
  frameId: number,
  url: string,
  hits: readonly SignalHitRecord[],
  add = false,
): Promise<void> {
  const run = (queues.get(tabId) ?? Promise.resolve())
    .catch(() => undefined)
    .then(async () => {
      const current = await read(tabId);
      const fresh = !current || (frameId === 0 && current.url !== url);
      const next: TabSignals = fresh ? { url, frames: {} } : current;
      if (frameId === 0) next.url = url;
      const before = add && !fresh ? (next.frames[String(frameId)] ?? []) : [];
      const kept = before.filter((h) => !hits.some((n) => n.hitId === h.hitId));
      next.frames[String(frameId)] = [...kept, ...hits];
      await chrome.storage.session.set({ [key(tabId)]: next });
    });
  queues.set(tabId, run);
  return run.finally(() => {
    if (queues.get(tabId) === run) queues.delete(tabId);
  });
}

/** The hits fired on a tab's page (each once); none when the tab has moved to another URL. */
export async function tabSignals(tabId: number, liveUrl?: string): Promise<SignalHitRecord[]> {
  const stored = await read(tabId);
  if (!stored || (liveUrl !== undefined && stored.url !== liveUrl)) return [];
  return [...new Map(Object.values(stored.frames).flatMap((hits) => hits.map((h) => [h.hitId, h] as const))).values()];
}

/** Forgets a tab's signals (the tab closed). */
export async function forgetTabSignals(tabId: number): Promise<void> {
  await chrome.storage.session.remove(key(tabId));
}

/** What the toolbar button shows on a tab where signals fired, or null when none did. */
export async function signalBadge(
  tabId: number,
  liveUrl: string | undefined,
  cards: number,
): Promise<{ text: string; title: string; color: string } | null> {
  const count = (await tabSignals(tabId, liveUrl)).length;
  if (count === 0) return null;
  const signals = count === 1 ? '1 watch signal' : `${count} watch signals`;
  return {
    text: `!${count}`,
    title: `Dossier: ${signals} fired on this page (${cards} tracked ${cards === 1 ? 'card' : 'cards'})`,
    color: '#b45309',
  };
}
