import { describe, expect, it } from 'vitest';
import { countryMentions } from './country-mentions';
import { bucketStart, mentionTimeline } from './mention-timeline';
import type { InsightArticle, InsightCard } from './sources';

const cards: InsightCard[] = [
  { id: 'china', name: 'China', kind: 'country', tags: [], iso: 'cn', teams: [] },
  { id: 'prc-gov', name: 'PRC', kind: 'country', tags: [], iso: 'CN', teams: [] },
  { id: 'japan', name: 'Japan', kind: 'country', tags: [], iso: 'JPN', teams: [] },
  { id: 'nvidia', name: 'Nvidia', kind: 'company', tags: [], teams: [] },
];
const article = (id: string, time: string, counts: Record<string, number>): InsightArticle => ({
  id,
  source: 'clip',
  title: id,
  url: id,
  time,
  counts,
});
const articles = [
  article('a', '2026-01-05T10:00:00Z', { china: 3, 'prc-gov': 1, nvidia: 2 }),
  article('b', '2026-01-07T10:00:00Z', { china: 1, japan: 2 }),
  article('c', '2026-03-15T10:00:00Z', { japan: 5 }),
];

describe('countryMentions', () => {
  it('sums the mentions of the cards carrying each code, over a period', () => {
    expect(countryMentions(articles, cards)).toEqual([
      { iso: 'JPN', cardIds: ['japan'], mentions: 7, articles: 2 },
      { iso: 'CN', cardIds: ['china', 'prc-gov'], mentions: 5, articles: 2 },
    ]);
    expect(countryMentions(articles, cards, { to: '2026-01-31' })).toEqual([
      { iso: 'CN', cardIds: ['china', 'prc-gov'], mentions: 5, articles: 2 },
      { iso: 'JPN', cardIds: ['japan'], mentions: 2, articles: 1 },
    ]);
  });
});

describe('mentionTimeline', () => {
  it('starts weeks on Monday and months on the first', () => {
    expect(bucketStart('2026-01-07', 'week')).toBe('2026-01-05');
    expect(bucketStart('2026-01-04', 'week')).toBe('2025-12-29');
    expect(bucketStart('2026-03-15', 'month')).toBe('2026-03-01');
  });

  it('counts a card per bucket, empty buckets at zero', () => {
    expect(mentionTimeline(articles, 'japan', 'month')).toEqual([
      { start: '2026-01-01', mentions: 2, articles: 1 },
      { start: '2026-02-01', mentions: 0, articles: 0 },
      { start: '2026-03-01', mentions: 5, articles: 1 },
    ]);
    expect(mentionTimeline(articles, 'china', 'week')).toEqual([{ start: '2026-01-05', mentions: 4, articles: 2 }]);
    expect(mentionTimeline(articles, 'china', 'day').map((p) => p.mentions)).toEqual([3, 0, 1]);
    expect(mentionTimeline(articles, 'japan', 'month', { from: '2026-02-01' })).toHaveLength(1);
    expect(mentionTimeline(articles, 'nobody', 'day')).toEqual([]);
  });
});
