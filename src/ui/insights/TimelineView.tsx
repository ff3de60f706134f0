import { useState } from 'preact/hooks';
import type { Bucket } from '../../model/insights/mention-timeline';
import { mentionTimeline } from '../../model/insights/mention-timeline';
import type { InsightArticle, InsightCard, InsightFilter } from '../../model/insights/sources';

interface Props {
  articles: readonly InsightArticle[];
  cards: readonly InsightCard[];
  filter: InsightFilter;
  cardId: string | null;
  onCard: (cardId: string) => void;
}

const WIDTH = 900;
const HEIGHT = 260;
const PAD = { left: 44, right: 12, top: 12, bottom: 36 };

/** A card's mentions over time across the articles (bars per day, week or month), to see a story rise and fade. */
export function TimelineView({ articles, cards, filter, cardId, onCard }: Props) {
  const [bucket, setBucket] = useState<Bucket>('week');
  const mentioned = cards.filter((card) => articles.some((a) => (a.counts[card.id] ?? 0) > 0));
  const current = cardId ?? mentioned[0]?.id ?? null;
  const points = current ? mentionTimeline(articles, current, bucket, filter) : [];
  const most = Math.max(1, ...points.map((p) => p.mentions));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  // One slot per bucket; a bar is at most 48 units wide so that a short story does not fill the chart.
  const slot = points.length ? plotW / points.length : plotW;
  const barW = Math.min(48, slot * 0.8);
  const every = Math.max(1, Math.ceil(points.length / 10));
  const name = cards.find((c) => c.id === current)?.name ?? current ?? '';
  return (
    <section class="timeline" aria-label="Timeline">
      <div class="timeline-controls">
        <label>
          Card
          <select value={current ?? ''} onChange={(e) => onCard(e.currentTarget.value)}>
            {mentioned
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((card) => (
                <option key={card.id} value={card.id}>
                  {card.name}
                </option>
              ))}
          </select>
        </label>
        <label>
          By
          <select value={bucket} onChange={(e) => setBucket(e.currentTarget.value as Bucket)}>
            <option value="day">day</option>
            <option value="week">week</option>
            <option value="month">month</option>
          </select>
        </label>
      </div>
      {points.length ? (
        <svg
          class="chart"
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          role="img"
          aria-label={`Mentions of ${name} per ${bucket}, from ${points[0]?.start} to ${points[points.length - 1]?.start}`}
          data-points={points.length}
          data-total={points.reduce((sum, p) => sum + p.mentions, 0)}
        >
          <line class="axis" x1={PAD.left} y1={PAD.top + plotH} x2={WIDTH - PAD.right} y2={PAD.top + plotH} />
          {[...new Set([0, Math.round(most / 2), most])].map((tick) => {
            const y = PAD.top + plotH * (1 - tick / most);
            return (
              <g key={tick}>
                <line class="grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={y} y2={y} />
                <text class="tick" x={PAD.left - 6} y={y + 4} text-anchor="end">
                  {tick}
                </text>
              </g>
            );
          })}
          {points.map((point, i) => {
            const h = (point.mentions / most) * plotH;
            return (
              <g key={point.start}>
                <rect
                  class="bar"
                  x={PAD.left + i * slot + (slot - barW) / 2}
                  y={PAD.top + plotH - h}
                  width={Math.max(1, barW)}
                  height={h}
                >
                  <title>
                    {point.start}: {point.mentions} mentions in {point.articles} articles
                  </title>
                </rect>
                {i % every === 0 ? (
                  <text class="tick" x={PAD.left + i * slot + slot / 2} y={HEIGHT - 14} text-anchor="middle">
                    {bucket === 'month' ? point.start.slice(0, 7) : point.start.slice(5)}
                  </text>
                ) : null}
              </g>
            );
          })}
        </svg>
      ) : (
        <p class="muted">
          {current ? 'No mentions of this card in the period.' : 'No card is mentioned yet: clip articles first.'}
        </p>
      )}
    </section>
  );
}
