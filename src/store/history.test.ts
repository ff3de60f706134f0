import { describe, expect, it } from 'vitest';
import { HistoryStore } from './history';
import { memoryDb } from './memory-db';

const NOW = Date.parse('2026-06-30T12:00:00Z');
const visit = (url: string, daysAgo: number, counts: Record<string, number> = { japan: 2 }) => ({
  url,
  title: url,
  time: new Date(NOW - daysAgo * 86_400_000).toISOString(),
  counts,
});

describe('HistoryStore', () => {
  it('is off by default and keeps its setting', async () => {
    const store = new HistoryStore(memoryDb());
    expect(await store.settings()).toEqual({ enabled: false, retentionDays: 90 });
    await store.setSettings({ enabled: true, retentionDays: 30 }, NOW);
    expect(await store.settings()).toEqual({ enabled: true, retentionDays: 30 });
    await expect(store.setSettings({ enabled: true, retentionDays: 7 as 30 }, NOW)).rejects.toThrow();
  });

  it('keeps the latest visit of a page, most recent first', async () => {
    const store = new HistoryStore(memoryDb());
    await store.record(visit('https://a.example/1', 3));
    await store.record(visit('https://b.example/2', 1));
    await store.record(visit('https://a.example/1', 0, { china: 1 }));
    const visits = await store.list();
    expect(visits.map((v) => [v.url, v.counts])).toEqual([
      ['https://a.example/1', { china: 1 }],
      ['https://b.example/2', { japan: 2 }],
    ]);
  });

  it('drops visits past the retention period, and all of them on clear', async () => {
    const store = new HistoryStore(memoryDb());
    await store.record(visit('https://a.example/old', 100));
    await store.record(visit('https://a.example/month', 40));
    await store.record(visit('https://a.example/new', 2));
    expect(await store.prune(90, NOW)).toBe(1);
    await store.setSettings({ enabled: true, retentionDays: 30 }, NOW);
    expect((await store.list()).map((v) => v.url)).toEqual(['https://a.example/new']);
    expect(await store.clear()).toBe(1);
    expect(await store.list()).toEqual([]);
    expect((await store.settings()).enabled).toBe(true);
  });
});
