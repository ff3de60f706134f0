import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../../messaging/client';
import type { Card } from '../../model/card';
import type { InsightArticle } from '../../model/insights/sources';
import { ArticleList } from './ArticleList';

interface Props {
  cardId: string;
  articles: readonly InsightArticle[];
  onTimeline: (cardId: string) => void;
  onClose: () => void;
}

/** A card opened from a view: the card read in full, and the articles mentioning it. */
export function CardPane({ cardId, articles, onTimeline, onClose }: Props) {
  const [card, setCard] = useState<Card | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setCard(null);
    setError(null);
    void sendToBackground('card.get', { id: cardId }).then((result) => {
      if (!live) return;
      if (result.ok) setCard(result.value);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [cardId]);
  return (
    <section class="insight-pane" aria-labelledby="pane-title" data-card={cardId}>
      <div class="pane-head">
        <h2 id="pane-title">{card?.name ?? cardId}</h2>
        <button type="button" class="btn" onClick={onClose} aria-label="Close the card">
          ×
        </button>
      </div>
      {error ? <p role="alert">{error}</p> : null}
      {card ? (
        <>
          <p class="muted">
            {card.kind}
            {card.iso ? ` · ${card.iso}` : ''}
            {card.tags.length ? ` · ${card.tags.join(', ')}` : ''}
          </p>
          {card.summary ? <p>{card.summary}</p> : null}
          {card.signals.length ? (
            <>
              <h3>Key signals</h3>
              <ul>
                {card.signals.map((signal) => (
                  <li key={signal.text}>{signal.text}</li>
                ))}
              </ul>
            </>
          ) : null}
          {card.implications.length ? (
            <>
              <h3>Implications</h3>
              <ul>
                {card.implications.map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
      <p>
        <button type="button" class="btn" onClick={() => onTimeline(cardId)}>
          Timeline of {card?.name ?? cardId}
        </button>
      </p>
      <h3>
        Articles <span class="count">{articles.length}</span>
      </h3>
      <ArticleList articles={articles} cardId={cardId} />
    </section>
  );
}
