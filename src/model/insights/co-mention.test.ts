import { describe, expect, it } from 'vitest';
import { syntheticInsights } from '../../../bench/synthetic-insights';
import { articlesLinking, articlesOf, coMentionNetwork } from './co-mention';
import type { InsightArticle, InsightCard } from './sources';

const card = (id: string, kind: string, extra: Partial<InsightCard> = {}): InsightCard => ({
  id,
  name: id.toUpperCase(),
  kind,
  tags: [],
  teams: [],
  ...extra,
});
const article = (id: string, time: string, counts: Record<string, number>, source: 'clip' | 'visit' = 'clip') =>
  ({ id, source, title: id, url: `https://x.example/${id}`, time, counts }) satisfies InsightArticle;

const cards = [
  card('china', 'country', { tags: ['Asia'], iso: 'CN' }),
  card('nvidia', 'company', { teams: ['analysts'] }),
  card('japan', 'country', { tags: ['asia'], iso: 'JP' }),
  card('export-controls', 'topic'),
];
const articles = [
  article('a', '2026-01-05T10:00:00Z', { china: 3, nvidia: 2, 'export-controls': 1 }),
  article('b', '2026-02-10T10:00:00Z', { china: 1, nvidia: 1 }),
  article('c', '2026-03-15T10:00:00Z', { japan: 2, nvidia: 4, unknown: 9 }),
  article('d', '2026-03-20T10:00:00Z', { china: 1, japan: 1 }, 'visit'),
];

describe('coMentionNetwork', () => {
  it('sizes nodes by mentions and weights edges by shared articles', () => {
    const network = coMentionNetwork(articles, cards);
    const nodes = Object.fromEntries(network.nodes.map((n) => [n.id, [n.mentions, n.articles]]));
    expect(nodes).toEqual({ china: [5, 3], nvidia: [7, 3], 'export-controls': [1, 1], japan: [3, 2] });
    const edges = Object.fromEntries(network.edges.map((e) => [[e.source, e.target].sort().join('+'), e.weight]));
    expect(edges).toEqual({
      'china+nvidia': 2,
      'china+export-controls': 1,
      'export-controls+nvidia': 1,
      'japan+nvidia': 1,
      'china+japan': 1,
    });
    expect(network.edges[0]?.weight).toBe(2);
  });

  it('filters by time, kind, tag, team and source', () => {
    const days = coMentionNetwork(articles, cards, { from: '2026-02-01', to: '2026-03-15' });
    expect(days.articles.map((a) => a.id)).toEqual(['b', 'c']);
    const countries = coMentionNetwork(articles, cards, { kinds: ['country'] });
    expect(countries.nodes.map((n) => n.id).sort()).toEqual(['china', 'japan']);
    expect(countries.edges).toEqual([{ source: 'china', target: 'japan', weight: 1 }]);
    expect(
      coMentionNetwork(articles, cards, { tag: 'ASIA' })
        .nodes.map((n) => n.id)
        .sort(),
    ).toEqual(['china', 'japan']);
    expect(coMentionNetwork(articles, cards, { team: 'analysts' }).nodes.map((n) => n.id)).toEqual(['nvidia']);
    expect(coMentionNetwork(articles, cards, { visits: false }).articles.map((a) => a.id)).toEqual(['a', 'b', 'c']);
  });

  it("lists a node's articles and an edge's", () => {
    const network = coMentionNetwork(articles, cards);
    expect(articlesOf(network, 'nvidia').map((a) => a.id)).toEqual(['c', 'a', 'b']);
    expect(articlesLinking(network, 'china', 'nvidia').map((a) => a.id)).toEqual(['b', 'a']);
    expect(articlesLinking(network, 'japan', 'export-controls')).toEqual([]);
  });

  it('builds the network of 5,000 articles quickly', () => {
    const { articles: many, cards: manyCards } = syntheticInsights(5000, 2000);
    const started = performance.now();
    const network = coMentionNetwork(many, manyCards);
    const took = performance.now() - started;
    expect(network.articles).toHaveLength(5000);
    expect(network.nodes.length).toBeGreaterThan(1000);
    expect(network.edges.length).toBeGreaterThan(10_000);
    // Generous for a shared CI machine; it takes tens of milliseconds.
    expect(took).toBeLessThan(1000);
  });
});
