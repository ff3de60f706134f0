import { beforeAll, describe, expect, it } from 'vitest';
import type { Mention } from '../../model/mention';

/*
 * The opt-in history: nothing is kept until the user turns it on, and never a page of an incognito tab or of a
 * sub-frame.
 */

const mention: Mention = { cardId: 'japan', start: 0, end: 5, quote: 'Japan', match: 'exact', confidence: 1 };
let insight: typeof import('./insight-handlers');

beforeAll(async () => {
  const stored = new Map<string, unknown>();
  const local = {
    get: async (key: string) => (stored.has(key) ? { [key]: stored.get(key) } : {}),
    set: async (items: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(items)) stored.set(key, value);
    },
  };
  const alarms = { create: async () => undefined, clear: async () => true };
  Object.assign(globalThis, { chrome: { storage: { local }, alarms } });
  const { memoryDb } = await import('../../store/memory-db');
  insight = await import('./insight-handlers');
  // The module's store, on an in-memory database.
  Object.assign(insight.historyStore(), { db: memoryDb() });
});

describe('recordVisit', () => {
  const page = { url: 'https://news.example/story#top', title: 'A story' };
  const tab = { id: 3, incognito: false };

  it('keeps nothing while the history is off', async () => {
    expect(await insight.recordVisit({ tab, frameId: 0 }, page, [mention])).toBe(false);
    expect(await insight.historyStore().list()).toEqual([]);
  });

  it('keeps the top frame of a normal tab once turned on, never an incognito one', async () => {
    // Stored on alone, without the switch's mirror, it stays off: only turning it on in the options does it.
    await insight.historyStore().setSettings({ enabled: true, retentionDays: 30 });
    expect(await insight.recordVisit({ tab, frameId: 0 }, page, [mention])).toBe(false);
    await insight.setHistory({ enabled: true, retentionDays: 30 });
    expect(await insight.recordVisit({ tab: { ...tab, incognito: true }, frameId: 0 }, page, [mention])).toBe(false);
    expect(await insight.recordVisit({ tab, frameId: 2 }, page, [mention])).toBe(false);
    expect(await insight.recordVisit({ tab, frameId: 0 }, page, [])).toBe(false);
    expect(await insight.historyStore().list()).toEqual([]);
    expect(await insight.recordVisit({ tab, frameId: 0 }, page, [mention, mention])).toBe(true);
    const visits = await insight.historyStore().list();
    expect(visits.map((v) => [v.url, v.title, v.counts])).toEqual([
      ['https://news.example/story', 'A story', { japan: 2 }],
    ]);
  });
});
