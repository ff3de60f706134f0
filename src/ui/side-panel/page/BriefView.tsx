import type { Brief, BriefCount } from '../../../model/brief';

interface Props {
  brief: Brief;
  /** Opens a card in the panel. */
  onOpenCard: (cardId: string) => void;
  /** Opens an earlier clip in the reader. */
  onOpenClip: (clipId: string) => void;
}

/** A card's name as a link to it in the panel. */
function CardLink({ cardId, name, onOpen }: { cardId: string | null; name: string; onOpen: (id: string) => void }) {
  if (!cardId) return <span class="no-card">{name}</span>;
  return (
    <button type="button" class="link" onClick={() => onOpen(cardId)}>
      {name}
    </button>
  );
}

function Counts({ items, topic, onOpen }: { items: BriefCount[]; topic: boolean; onOpen: (id: string) => void }) {
  if (items.length === 0) return <p class="empty-section">None.</p>;
  return (
    <ul class="brief-counts">
      {items.map((c) => (
        <li key={c.cardId}>
          <button type="button" class={`brief-chip ${topic ? 'topic' : 'entity'}`} onClick={() => onOpen(c.cardId)}>
            <span class="name">{c.name}</span>
            <span class="badge">
              {c.count}
              <span class="visually-hidden"> mentions</span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * A page's brief in the seed brief's shape: summary, entities, topics, implications, signals that fired, related
 * intelligence. All of it is text from pages and cards, rendered as text.
 */
export function BriefView({ brief, onOpenCard, onOpenClip }: Props) {
  const { cards, clips } = brief.related;
  return (
    <div class="brief-body">
      <section aria-labelledby="brief-summary">
        <h3 id="brief-summary">Summary</h3>
        {brief.summary.length ? (
          <div class="brief-summary">
            {brief.summary.map((s) => (
              <p key={s}>{s}</p>
            ))}
          </div>
        ) : (
          <p class="empty-section">No sentence of this page mentions a tracked card.</p>
        )}
      </section>
      <section aria-labelledby="brief-entities">
        <h3 id="brief-entities">Entities</h3>
        <Counts items={brief.entities} topic={false} onOpen={onOpenCard} />
      </section>
      <section aria-labelledby="brief-topics">
        <h3 id="brief-topics">Topics &amp; keywords</h3>
        <Counts items={brief.topics} topic onOpen={onOpenCard} />
      </section>
      <section aria-labelledby="brief-implications">
        <h3 id="brief-implications">Implications</h3>
        {brief.implications.length ? (
          <ol class="brief-implications">
            {brief.implications.map((imp) => (
              <li key={imp.text}>
                {imp.text}{' '}
                <span class="from">
                  {imp.cards.map((c, i) => (
                    <span key={c.cardId}>
                      {i ? ', ' : '('}
                      <CardLink cardId={c.cardId} name={c.name} onOpen={onOpenCard} />
                      {i === imp.cards.length - 1 ? ')' : ''}
                    </span>
                  ))}
                </span>
              </li>
            ))}
          </ol>
        ) : (
          <p class="empty-section">The cards on this page carry no implications.</p>
        )}
      </section>
      <section aria-labelledby="brief-signals">
        <h3 id="brief-signals">Signals that fired</h3>
        {brief.signals.length ? (
          <ul class="brief-signals">
            {brief.signals.map((s) => (
              <li key={`${s.cardId}:${s.signal}`}>
                <CardLink cardId={s.cardId} name={s.name} onOpen={onOpenCard} />: {s.signal}
                {s.evidence ? <blockquote class="brief-evidence">{s.evidence}</blockquote> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty-section">None fired on this page.</p>
        )}
      </section>
      <section aria-labelledby="brief-related">
        <h3 id="brief-related">Related intelligence</h3>
        {cards.length || clips.length ? (
          <ul class="brief-related">
            {cards.map((c) => (
              <li key={`card:${c.cardId ?? c.name}`}>
                <CardLink cardId={c.cardId} name={c.name} onOpen={onOpenCard} />
                <span class="why">
                  {[
                    c.relatedTo.length ? `related to ${c.relatedTo.join(', ')}` : '',
                    c.clips ? `mentioned with them in ${c.clips} ${c.clips === 1 ? 'clip' : 'clips'}` : '',
                  ]
                    .filter(Boolean)
                    .join('; ')}
                </span>
              </li>
            ))}
            {clips.map((c) => (
              <li key={`clip:${c.clipId}`}>
                <span class="kind">Clip</span>{' '}
                <button type="button" class="link" onClick={() => onOpenClip(c.clipId)}>
                  {c.title || c.url}
                </button>
                <span class="why">shares {c.shared.join(', ')}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty-section">Nothing related yet.</p>
        )}
      </section>
    </div>
  );
}
