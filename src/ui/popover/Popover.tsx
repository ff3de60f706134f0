import type { Card } from '../../model/card';
import type { CardSummary, Mention } from '../../model/mention';

/** What the popover shows: the card (once loaded), the hovered mention and its count on the page. */
export interface PopoverProps {
  summary: CardSummary;
  card: Card | null;
  mention: Mention;
  count: number;
  status: string | null;
  onOpenPanel: () => void;
  onTurnOffSite: () => void;
  onStep: (direction: 'next' | 'previous') => void;
}

const MATCH_LABEL: Record<Mention['match'], string> = {
  exact: 'Name',
  alias: 'Alias',
  keyword: 'Keyword',
  fuzzy: 'Fuzzy',
};

/** How the mention was linked, in a reader's words: "Alias: U.S.", "Fuzzy: Nvida → Nvidia (82%)". */
export function matchLine(mention: Mention, name: string): string {
  if (mention.match === 'fuzzy') {
    return `Fuzzy: ${mention.quote} → ${mention.matched ?? name} (${Math.round(mention.confidence * 100)}%)`;
  }
  if (mention.match === 'alias' || mention.match === 'keyword')
    return `${MATCH_LABEL[mention.match]}: ${mention.matched ?? mention.quote}`;
  return MATCH_LABEL[mention.match];
}

/** The card popover shown over a hovered mention. Every string is rendered as text, never as HTML. */
export function Popover({ summary, card, mention, count, status, onOpenPanel, onTurnOffSite, onStep }: PopoverProps) {
  const titleId = 'card-title';
  return (
    <section class="popover" role="dialog" aria-labelledby={titleId}>
      <header>
        <h2 id={titleId}>{summary.name}</h2>
        <span class={`kind ${summary.topic ? 'topic' : 'entity'}`}>{summary.kind}</span>
      </header>
      <p class="meta">
        {matchLine(mention, summary.name)} · {count} {count === 1 ? 'mention' : 'mentions'} on this page
      </p>
      {card ? (
        <>
          {card.summary ? <p class="summary">{card.summary}</p> : null}
          {card.signals.length > 0 ? (
            <>
              <h3>Key signals</h3>
              <ul class="signals">
                {card.signals.slice(0, 3).map((signal) => (
                  <li key={signal.text}>{signal.text}</li>
                ))}
              </ul>
            </>
          ) : null}
          {card.tags.length > 0 ? (
            <ul class="tags" aria-label="Tags">
              {card.tags.map((tag) => (
                <li key={tag}>{tag}</li>
              ))}
            </ul>
          ) : null}
          {card.related.length > 0 ? <p class="related">Related: {card.related.join(', ')}</p> : null}
        </>
      ) : (
        <p class="summary loading">Loading card…</p>
      )}
      <footer>
        <button type="button" onClick={onOpenPanel}>
          Open in side panel
        </button>
        <button type="button" class="secondary" onClick={onTurnOffSite}>
          Turn off on this site
        </button>
        <span class="steps">
          <button type="button" class="secondary" aria-label="Previous mention" onClick={() => onStep('previous')}>
            ‹
          </button>
          <button type="button" class="secondary" aria-label="Next mention" onClick={() => onStep('next')}>
            ›
          </button>
        </span>
        {status ? (
          <span class="status" role="status">
            {status}
          </span>
        ) : null}
      </footer>
    </section>
  );
}
