import { beforeEach, describe, expect, it } from 'vitest';
import { hitIdOf, type SignalHitRecord } from '../../model/signal-hit';
import { forgetTabSignals, setTabSignals, signalBadge, tabSignals } from './badge';

/** storage.session as a plain map, as the browser keeps it for the worker. */
let session: Map<string, unknown>;
beforeEach(() => {
  session = new Map();
  Object.assign(globalThis, {
    chrome: {
      storage: {
        session: {
          get: async (key: string) => (session.has(key) ? { [key]: structuredClone(session.get(key)) } : {}),
          set: async (items: Record<string, unknown>) => {
            for (const [k, v] of Object.entries(items)) session.set(k, structuredClone(v));
          },
          remove: async (key: string) => void session.delete(key),
        },
      },
    },
  });
});

const PAGE = 'https://news.example/a';
const hit = (signal: string, url = PAGE): SignalHitRecord => ({
  hitId: hitIdOf(url, 'nvidia', signal),
  url,
  title: 'A',
  time: '2026-01-01T00:00:00.000Z',
  cardId: 'nvidia',
  cardName: 'Nvidia',
  signal,
  terms: ['Nvidia'],
  evidence: 'Nvidia chips were rented.',
});

describe('the signals of a tab', () => {
  it('gathers the hits of every frame, each once, and shows their count on the badge', async () => {
    // Two frames answering at once both land.
    await Promise.all([
      setTabSignals(1, 0, PAGE, [hit('rentals'), hit('audits')]),
      setTabSignals(1, 3, PAGE, [hit('rentals')]),
    ]);
    expect((await tabSignals(1, PAGE)).map((h) => h.signal).sort()).toEqual(['audits', 'rentals']);
    expect(await signalBadge(1, PAGE, 4)).toEqual({
      text: '!2',
      title: 'Dossier: 2 watch signals fired on this page (4 tracked cards)',
      color: '#b45309',
    });
  });

  it('shows nothing for a tab that moved on, or whose page fired none', async () => {
    await setTabSignals(1, 0, PAGE, [hit('rentals')]);
    expect(await tabSignals(1, 'https://news.example/b')).toEqual([]);
    expect(await signalBadge(1, 'https://news.example/b', 1)).toBeNull();
    // The top frame on a new URL drops what the old page's frames found.
    await setTabSignals(1, 2, PAGE, [hit('audits')]);
    await setTabSignals(1, 0, 'https://news.example/b', []);
    expect(await tabSignals(1)).toEqual([]);
    expect(await signalBadge(1, 'https://news.example/b', 1)).toBeNull();
  });

  it('adds the hits of text a live page added to the frame’s earlier ones', async () => {
    await setTabSignals(1, 0, PAGE, [hit('rentals')]);
    await setTabSignals(1, 0, PAGE, [hit('audits'), hit('rentals')], true);
    expect((await tabSignals(1, PAGE)).map((h) => h.signal)).toEqual(['audits', 'rentals']);
    // A whole match of the page replaces them.
    await setTabSignals(1, 0, PAGE, [hit('rentals')]);
    expect((await tabSignals(1, PAGE)).map((h) => h.signal)).toEqual(['rentals']);
  });

  it('forgets a closed tab', async () => {
    await setTabSignals(2, 0, PAGE, [hit('rentals')]);
    await forgetTabSignals(2);
    expect(await tabSignals(2)).toEqual([]);
  });
});
