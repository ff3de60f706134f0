import { beforeEach, describe, expect, it, vi } from 'vitest';

/** What the tab's state read answers, in the order the reads are made; each resolves when its test says. */
const reads: Array<{ count: number; answer: () => void }> = [];

vi.mock('../browser/host-access', () => ({ hostAccessReason: async () => null }));
vi.mock('./sites', () => ({ sites: { settings: async () => ({}) } }));
vi.mock('./site-rules', () => ({ siteStatus: () => ({ enabled: true }) }));
vi.mock('../signals/badge', () => ({ signalBadge: async () => null }));
vi.mock('./tab-state', () => ({
  tabState: () =>
    new Promise((resolve) => {
      const count = reads.length === 0 ? 0 : 2;
      reads.push({
        count,
        answer: () => resolve({ cards: Array.from({ length: count }, (_, i) => ({ id: `c${i}` })) }),
      });
    }),
}));

const { showTabStatus } = await import('./action');

let badge: string[];
beforeEach(() => {
  reads.length = 0;
  badge = [];
  Object.assign(globalThis, {
    chrome: {
      action: {
        setTitle: async () => undefined,
        setBadgeBackgroundColor: async () => undefined,
        setBadgeText: async ({ text }: { text: string }) => void badge.push(text),
      },
    },
  });
});

describe('the toolbar button of a tab', () => {
  it('shows the newest count when two drawings overlap: the later one reads the state after the earlier wrote', async () => {
    // The tab's load completing reads the state before the page's report landed, and is slow to answer; the
    // report's drawing comes next, with the page's two cards.
    const first = showTabStatus(7, 'https://news.example/a');
    const second = showTabStatus(7, 'https://news.example/a');
    await vi.waitFor(() => expect(reads.length).toBe(1));
    reads[0]!.answer();
    await first;
    await vi.waitFor(() => expect(reads.length).toBe(2));
    reads[1]!.answer();
    await second;
    expect(badge).toEqual(['', '2']);
  });

  it('goes on drawing after a drawing failed', async () => {
    Object.assign(globalThis.chrome.action, {
      setBadgeText: async ({ text }: { text: string }) => {
        if (badge.length === 0) {
          badge.push('failed');
          throw new Error('No tab with id: 7.');
        }
        badge.push(text);
      },
    });
    const first = showTabStatus(7, 'https://news.example/a');
    const second = showTabStatus(7, 'https://news.example/a');
    await vi.waitFor(() => expect(reads.length).toBe(1));
    reads[0]!.answer();
    await first;
    await vi.waitFor(() => expect(reads.length).toBe(2));
    reads[1]!.answer();
    await second;
    expect(badge).toEqual(['failed', '2']);
  });
});
