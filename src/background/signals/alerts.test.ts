import { beforeEach, describe, expect, it, vi } from 'vitest';
import { hitIdOf, type SignalHitRecord } from '../../model/signal-hit';

// The user's alerts setting, as the options page left it.
const settings = { alerts: false };
vi.mock('../page/sites', () => ({ sites: { settings: async () => settings } }));

const { alertHits, listenToAlerts } = await import('./alerts');

const hit = (signal: string, url = 'https://news.example/a'): SignalHitRecord => ({
  hitId: hitIdOf(url, 'nvidia', signal),
  url,
  title: 'Customs opens investigation',
  time: '2026-01-01T00:00:00.000Z',
  cardId: 'nvidia',
  cardName: 'Nvidia',
  signal,
  terms: ['Nvidia'],
  evidence: 'Nvidia chips were rented.',
});

let granted: boolean;
let created: Array<{ id: string; options: { title: string; message: string; contextMessage?: string } }>;
let opened: string[];
// The module listens once per worker: the listener it registered first serves every test.
let clicked: ((id: string) => void) | null = null;
const session = new Map<string, unknown>();

beforeEach(() => {
  settings.alerts = false;
  granted = true;
  created = [];
  opened = [];
  session.clear();
  Object.assign(globalThis, {
    chrome: {
      runtime: { getURL: (path: string) => `chrome-extension://test/${path}` },
      permissions: { contains: async () => granted },
      storage: {
        session: {
          get: async (key: string) => (session.has(key) ? { [key]: session.get(key) } : {}),
          set: async (items: Record<string, unknown>) => {
            for (const [k, v] of Object.entries(items)) session.set(k, v);
          },
          remove: async (key: string) => void session.delete(key),
        },
      },
      notifications: {
        create: async (id: string, options: (typeof created)[number]['options']) => void created.push({ id, options }),
        clear: async () => true,
        onClicked: { addListener: (fn: (id: string) => void) => (clicked = fn) },
      },
      tabs: { create: async ({ url }: { url: string }) => void opened.push(url) },
    },
  });
});

describe('watch-signal alerts', () => {
  it('show nothing unless the user turned them on and allowed notifications', async () => {
    await alertHits([hit('Rentals')]);
    settings.alerts = true;
    granted = false;
    await alertHits([hit('Rentals')]);
    expect(created).toEqual([]);
  });

  it('announce the new hits of a page in one notification, whose click opens the page', async () => {
    settings.alerts = true;
    listenToAlerts();
    await alertHits([hit('Rentals'), hit('Audits')]);
    expect(created).toHaveLength(1);
    expect(created[0]!.options).toMatchObject({
      title: 'Signal: Nvidia (and 1 more)',
      message: 'Rentals',
      contextMessage: 'Customs opens investigation',
    });
    clicked?.(created[0]!.id);
    await vi.waitFor(() => expect(opened).toEqual(['https://news.example/a']));
    expect(session.size).toBe(0);
  });

  it('never open a page of another scheme from a notification', async () => {
    settings.alerts = true;
    listenToAlerts();
    await alertHits([hit('Rentals', 'javascript:alert(1)')]);
    clicked?.(created[0]!.id);
    await vi.waitFor(() => expect(session.size).toBe(0));
    expect(opened).toEqual([]);
  });
});
