import { filterArticles, type InsightArticle, type InsightCard, type InsightFilter } from './sources';

/** A country's mentions over a period: the country cards carrying its code. */
export interface CountryMentions {
  /** The ISO 3166 code as the card carries it (upper case). */
  iso: string;
  cardIds: string[];
  mentions: number;
  /** The number of articles mentioning it. */
  articles: number;
}

/** Mentions per country (cards with an ISO code) in the articles a filter keeps, most mentioned first. */
export function countryMentions(
  articles: readonly InsightArticle[],
  cards: readonly InsightCard[],
  filter: InsightFilter = {},
): CountryMentions[] {
  const withCode = cards.filter((card) => card.iso);
  const byId = new Map(withCode.map((card) => [card.id, card]));
  const byIso = new Map<string, CountryMentions>();
  for (const card of withCode) {
    const iso = (card.iso as string).toUpperCase();
    const entry = byIso.get(iso) ?? { iso, cardIds: [], mentions: 0, articles: 0 };
    entry.cardIds.push(card.id);
    byIso.set(iso, entry);
  }
  for (const article of filterArticles(articles, byId, filter)) {
    const seen = new Set<CountryMentions>();
    for (const id in article.counts) {
      const entry = byIso.get(((byId.get(id) as InsightCard).iso as string).toUpperCase()) as CountryMentions;
      entry.mentions += article.counts[id] ?? 0;
      seen.add(entry);
    }
    for (const entry of seen) entry.articles++;
  }
  return [...byIso.values()].sort((a, b) => b.mentions - a.mentions || a.iso.localeCompare(b.iso));
}
