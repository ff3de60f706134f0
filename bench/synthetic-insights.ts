import type { InsightArticle, InsightCard } from '../src/model/insights/sources';
import { random } from './synthetic';

const KINDS = ['country', 'company', 'person', 'organization', 'topic'];
const ISO = ['CN', 'TW', 'JP', 'US', 'KR', 'DE', 'FR', 'GB', 'IN', 'BR', 'RU', 'AU', 'CA', 'MX', 'ZA', 'NG'];

/**
 * `count` made-up articles over `cards` made-up cards (deterministic): each mentions 3 to 12 cards, drawn with a
 * skew so that a few cards are in many articles (as news is), dated over the year before `end`.
 */
export function syntheticInsights(
  count: number,
  cardCount: number,
  seed = 7,
  end = Date.parse('2026-11-30T00:00:00Z'),
): { articles: InsightArticle[]; cards: InsightCard[] } {
  const rand = random(seed);
  const cards: InsightCard[] = Array.from({ length: cardCount }, (_, i) => {
    const kind = i < ISO.length ? 'country' : (KINDS[1 + (i % (KINDS.length - 1))] as string);
    return {
      id: `card-${i}`,
      name: kind === 'country' ? `Country ${ISO[i]}` : `Card ${i}`,
      kind,
      tags: i % 3 === 0 ? ['ai'] : ['trade'],
      ...(kind === 'country' ? { iso: ISO[i] as string } : {}),
      teams: i % 5 === 0 ? ['analysts'] : [],
    };
  });
  const articles: InsightArticle[] = [];
  for (let a = 0; a < count; a++) {
    const counts: Record<string, number> = {};
    const mentioned = 3 + Math.floor(rand() * 10);
    for (let m = 0; m < mentioned; m++) {
      // rand()^3 skews towards the first cards.
      const i = Math.floor(rand() ** 3 * cardCount);
      counts[`card-${i}`] = (counts[`card-${i}`] ?? 0) + 1 + Math.floor(rand() * 4);
    }
    articles.push({
      id: a.toString(16).padStart(16, '0'),
      source: 'clip',
      title: `Article ${a}`,
      url: `https://news.example/${a}`,
      time: new Date(end - Math.floor(rand() * 365) * 86_400_000).toISOString(),
      counts,
    });
  }
  return { articles, cards };
}
