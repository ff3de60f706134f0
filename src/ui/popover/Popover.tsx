import type { Card } from '../../model/card';
import type { CardSummary, MatchVariant, Mention } from '../../model/mention';

/** The popover's actions; each is a user's click (or key) on one of its buttons. */
export interface PopoverActions {
  onOpenPanel: () => void;
  /** Absent where the page has no site (a PDF opened from a clip's kept copy or from the disk). */
  onIgnore?: () => void;
  onSiteOff?: () => void;
  onPause: () => void;
  onStep: (direction: 'next' | 'previous') => void;
  /** Shares the card with a joined team. */
  onShare: (team: string) => void;
}

/** What the popover shows: the card (once loaded), the hovered mention and its place among the card's. */
export interface PopoverProps extends PopoverActions {
  summary: CardSummary;
  card: Card | null;
  mention: Mention;
  /** How many mentions of the card the page has, and which one this is (1-based, 0 when unknown). */
  count: number;
  position: number;
  status: string | null;
  /** The teams this browser joined (the card can be shared with each). */
  teams: readonly string[];
}

const MATCH_LABEL: Record<Mention['match'], string> = {
  exact: 'Name',
  alias: 'Alias',
  keyword: 'Keyword',
  fuzzy: 'Fuzzy',
};

/** How a variant differs from the list's text, in a reader's words. */
const VARIANT_LABEL: Record<MatchVariant, string> = {
  reordered: 'names reordered',
  shortened: 'middle names left out',
  'family-first': 'family name first',
  untitled: 'title left out',
  initialled: 'middle name as an initial',
  transliterated: 'another spelling',
};

/**
 * How the mention was linked, in a reader's words: "Alias: U.S.", "Fuzzy: Nvida → Nvidia (82%)", and for a name
 * read from a list's way of writing it, "Matched as 'AL-ASSAD, Bashar' (names reordered, 86%)".
 */
export function matchLine(mention: Mention, name: string): string {
  if (mention.variant) {
    return `Matched as ‘${mention.matched ?? name}’ (${VARIANT_LABEL[mention.variant]}, ${Math.round(mention.confidence * 100)}%)`;
  }
  if (mention.match === 'fuzzy') {
    return `Fuzzy: ${mention.quote} → ${mention.matched ?? name} (${Math.round(mention.confidence * 100)}%)`;
  }
  if (mention.match === 'alias' || mention.match === 'keyword')
    return `${MATCH_LABEL[mention.match]}: ${mention.matched ?? mention.quote}`;
  return MATCH_LABEL[mention.match];
}

/** "2 of 5 mentions on this page". */
export function countLine(count: number, position: number): string {
  const noun = count === 1 ? 'mention' : 'mentions';
  return position > 0 ? `${position} of ${count} ${noun} on this page` : `${count} ${noun} on this page`;
}

/** The card popover shown over a mention. Every string is rendered as text, never as HTML. */
export function Popover(props: PopoverProps) {
  const { summary, card, mention, count, position, status } = props;
  const titleId = 'card-title';
  return (
    <section class="popover" role="dialog" aria-labelledby={titleId} tabIndex={-1}>
      <header>
        <h2 id={titleId}>{summary.name}</h2>
        <span class={`kind ${summary.topic ? 'topic' : 'entity'}`}>{summary.kind}</span>
      </header>
      <p class="meta">
        {matchLine(mention, summary.name)} · {countLine(count, position)}
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
        <div class="row">
          <button type="button" class="primary" onClick={props.onOpenPanel}>
            Open in side panel
          </button>
          <span class="step">
            <button type="button" class="icon" aria-label="Previous mention" onClick={() => props.onStep('previous')}>
              ‹
            </button>
            <button type="button" class="icon" aria-label="Next mention" onClick={() => props.onStep('next')}>
              ›
            </button>
          </span>
        </div>
        <div class="row secondary">
          {props.onIgnore ? (
            <button type="button" class="link" onClick={props.onIgnore}>
              Ignore this card here
            </button>
          ) : null}
          {props.onSiteOff ? (
            <button type="button" class="link" onClick={props.onSiteOff}>
              Turn off on this site
            </button>
          ) : null}
          <button type="button" class="link" onClick={props.onPause}>
            Pause everywhere
          </button>
        </div>
        {props.teams.length > 0 ? (
          <div class="row secondary">
            {props.teams.map((team) => (
              <button key={team} type="button" class="link" onClick={() => props.onShare(team)}>
                Share with {team}
              </button>
            ))}
          </div>
        ) : null}
        {status ? (
          <p class="status" role="status">
            {status}
          </p>
        ) : null}
      </footer>
    </section>
  );
}
