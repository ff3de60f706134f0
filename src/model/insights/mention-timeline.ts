import type { InsightArticle, InsightFilter } from './sources';
import { articlePasses } from './sources';

/** How a timeline groups days. */
export type Bucket = 'day' | 'week' | 'month';

/** One bucket of a card's timeline. */
export interface TimelinePoint {
  /** The bucket's first day (YYYY-MM-DD; a week starts on Monday). */
  start: string;
  mentions: number;
  articles: number;
}

const DAY = 86_400_000;

/** The first day of the bucket holding a day (UTC, YYYY-MM-DD). */
export function bucketStart(day: string, bucket: Bucket): string {
  if (bucket === 'day') return day;
  if (bucket === 'month') return `${day.slice(0, 7)}-01`;
  const time = Date.parse(`${day}T00:00:00Z`);
  const weekday = (new Date(time).getUTCDay() + 6) % 7;
  return new Date(time - weekday * DAY).toISOString().slice(0, 10);
}

function nextStart(start: string, bucket: Bucket): string {
  const time = Date.parse(`${start}T00:00:00Z`);
  if (bucket === 'day') return new Date(time + DAY).toISOString().slice(0, 10);
  if (bucket === 'week') return new Date(time + 7 * DAY).toISOString().slice(0, 10);
  const date = new Date(time);
  date.setUTCMonth(date.getUTCMonth() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * A card's mentions per bucket over the articles a filter keeps (by date), every bucket from the first to the
 * last mention included, empty ones at zero, so that a story's rise and fade reads at a glance.
 */
export function mentionTimeline(
  articles: readonly InsightArticle[],
  cardId: string,
  bucket: Bucket,
  filter: InsightFilter = {},
): TimelinePoint[] {
  const byStart = new Map<string, TimelinePoint>();
  for (const article of articles) {
    const count = article.counts[cardId] ?? 0;
    if (!count || !articlePasses(article, filter)) continue;
    const start = bucketStart(article.time.slice(0, 10), bucket);
    const point = byStart.get(start) ?? { start, mentions: 0, articles: 0 };
    point.mentions += count;
    point.articles++;
    byStart.set(start, point);
  }
  if (!byStart.size) return [];
  const starts = [...byStart.keys()].sort();
  const last = starts[starts.length - 1] as string;
  const points: TimelinePoint[] = [];
  for (let start = starts[0] as string; start <= last; start = nextStart(start, bucket)) {
    points.push(byStart.get(start) ?? { start, mentions: 0, articles: 0 });
  }
  return points;
}
