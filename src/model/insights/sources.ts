/*
 * What the insight pages (network, map, timeline) read: articles (clips, and visited pages when the user keeps
 * a history) reduced to their mention counts per card, the cards reduced to what filters need, and the filters.
 */

/** An article seen by the user: a clip, or a visited page of the opt-in history. */
export interface InsightArticle {
  /** The clip's id, or the visited page's. */
  id: string;
  source: 'clip' | 'visit';
  title: string;
  url: string;
  /** When the story is dated (a clip: published, else clipped; a visit: the visit), ISO. */
  time: string;
  /** Mentions per card id. */
  counts: Record<string, number>;
}

/** A card as the insight pages need it. */
export interface InsightCard {
  id: string;
  name: string;
  kind: string;
  tags: string[];
  /** ISO 3166 alpha-2 or alpha-3 code (country cards). */
  iso?: string;
  /** The joined teams whose database holds the card. */
  teams: string[];
}

/** What the insight pages filter by; an absent field does not filter. */
export interface InsightFilter {
  /** First and last day kept (YYYY-MM-DD, inclusive). */
  from?: string;
  to?: string;
  /** Card kinds kept. */
  kinds?: readonly string[];
  /** A card tag (letter case aside). */
  tag?: string;
  /** A joined team: only the cards it holds. */
  team?: string;
  /** Include visited pages (history) besides clips. */
  visits?: boolean;
}

/** Whether an article's date falls within the filter's days and its source is wanted. */
export function articlePasses(article: InsightArticle, filter: InsightFilter): boolean {
  if (article.source === 'visit' && filter.visits === false) return false;
  const day = article.time.slice(0, 10);
  if (filter.from && day < filter.from) return false;
  if (filter.to && day > filter.to) return false;
  return true;
}

/** Whether a card is kept by the filter's kind, tag and team. */
export function cardPasses(card: InsightCard, filter: InsightFilter): boolean {
  if (filter.kinds && !filter.kinds.includes(card.kind)) return false;
  if (filter.tag) {
    const tag = filter.tag.toLocaleLowerCase();
    if (!card.tags.some((t) => t.toLocaleLowerCase() === tag)) return false;
  }
  if (filter.team && !card.teams.includes(filter.team)) return false;
  return true;
}

/** The articles a filter keeps, with their counts reduced to the cards it keeps (articles left empty dropped). */
export function filterArticles(
  articles: readonly InsightArticle[],
  cards: ReadonlyMap<string, InsightCard>,
  filter: InsightFilter,
): InsightArticle[] {
  const kept: InsightArticle[] = [];
  for (const article of articles) {
    if (!articlePasses(article, filter)) continue;
    const counts: Record<string, number> = {};
    let any = false;
    for (const id in article.counts) {
      const card = cards.get(id);
      if (!card || !cardPasses(card, filter)) continue;
      counts[id] = article.counts[id] ?? 0;
      any = true;
    }
    if (any) kept.push({ ...article, counts });
  }
  return kept;
}

/** Mentions per card of a clip's mention list. */
export function countMentions(mentions: readonly { cardId: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { cardId } of mentions) counts[cardId] = (counts[cardId] ?? 0) + 1;
  return counts;
}
