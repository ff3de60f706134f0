import { filterArticles, type InsightArticle, type InsightCard, type InsightFilter } from './sources';

/*
 * The co-mention graph: a node per card mentioned, sized by its mentions; an edge between two cards per pair
 * mentioned in the same article, weighted by the number of such articles.
 */

/** A card of the network. */
export interface NetworkNode {
  id: string;
  name: string;
  kind: string;
  /** Its mentions across the articles kept. */
  mentions: number;
  /** The number of articles mentioning it. */
  articles: number;
}

/** Two cards mentioned together. */
export interface NetworkEdge {
  source: string;
  target: string;
  /** The number of articles mentioning both. */
  weight: number;
}

/** The co-mention graph of a set of articles. */
export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** The articles it was built from (after filtering). */
  articles: InsightArticle[];
}

/** Builds the co-mention graph of the articles and cards a filter keeps (cards unknown to `cards` left out). */
export function coMentionNetwork(
  articles: readonly InsightArticle[],
  cards: readonly InsightCard[],
  filter: InsightFilter = {},
): Network {
  const byId = new Map(cards.map((card) => [card.id, card]));
  const kept = filterArticles(articles, byId, filter);
  const index = new Map<string, number>();
  const nodes: NetworkNode[] = [];
  // Pairs keyed by two node indices in one number (i * n + j, i < j): no string per pair.
  const n = byId.size;
  const pairs = new Map<number, number>();
  const ids: number[] = [];
  for (const article of kept) {
    ids.length = 0;
    for (const id in article.counts) {
      let i = index.get(id);
      if (i === undefined) {
        const card = byId.get(id) as InsightCard;
        i = nodes.length;
        index.set(id, i);
        nodes.push({ id, name: card.name, kind: card.kind, mentions: 0, articles: 0 });
      }
      const node = nodes[i] as NetworkNode;
      node.mentions += article.counts[id] ?? 0;
      node.articles++;
      ids.push(i);
    }
    ids.sort((a, b) => a - b);
    for (let a = 0; a < ids.length; a++) {
      for (let b = a + 1; b < ids.length; b++) {
        const key = (ids[a] as number) * n + (ids[b] as number);
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
    }
  }
  const edges: NetworkEdge[] = [];
  for (const [key, weight] of pairs) {
    const i = Math.floor(key / n);
    const j = key - i * n;
    edges.push({ source: (nodes[i] as NetworkNode).id, target: (nodes[j] as NetworkNode).id, weight });
  }
  edges.sort((x, y) => y.weight - x.weight);
  return { nodes, edges, articles: kept };
}

/** The articles mentioning a card, most mentions first. */
export function articlesOf(network: Network, cardId: string): InsightArticle[] {
  return network.articles
    .filter((article) => (article.counts[cardId] ?? 0) > 0)
    .sort((a, b) => (b.counts[cardId] ?? 0) - (a.counts[cardId] ?? 0) || b.time.localeCompare(a.time));
}

/** The articles mentioning both cards (an edge's), most recent first. */
export function articlesLinking(network: Network, a: string, b: string): InsightArticle[] {
  return network.articles
    .filter((article) => (article.counts[a] ?? 0) > 0 && (article.counts[b] ?? 0) > 0)
    .sort((x, y) => y.time.localeCompare(x.time));
}
