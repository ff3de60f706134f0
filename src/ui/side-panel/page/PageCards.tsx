import { useState } from 'preact/hooks';
import { sendToBackground } from '../../../messaging/client';
import type { TabState } from '../../../messaging/protocol';
import type { Card } from '../../../model/card';
import { NOT_ALLOWED_REASON } from '../../../model/host-access';
import type { CardSummary } from '../../../model/mention';
import { AllowSite } from '../../permissions/AllowSite';
import { ConflictBadge } from '../team/ConflictBadge';
import { useConflictMarks } from '../team/use-conflict-marks';

/** Groups the page's cards by kind, each with its number of mentions, most mentioned first. */
export function groupCards(state: TabState): Array<{ kind: string; cards: Array<CardSummary & { count: number }> }> {
  const counts = new Map<string, number>();
  for (const m of state.mentions) counts.set(m.cardId, (counts.get(m.cardId) ?? 0) + 1);
  const groups = new Map<string, Array<CardSummary & { count: number }>>();
  for (const card of state.cards) {
    const list = groups.get(card.kind) ?? [];
    list.push({ ...card, count: counts.get(card.id) ?? 0 });
    groups.set(card.kind, list);
  }
  return [...groups.entries()]
    .map(([kind, cards]) => ({ kind, cards: cards.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)) }))
    .sort((a, b) => (a.kind === 'topic' ? 1 : 0) - (b.kind === 'topic' ? 1 : 0) || a.kind.localeCompare(b.kind));
}

/** The page brief: the entities and topics with counts and the key signals of the cards mentioned. */
function Brief({
  groups,
  signals,
  onBrief,
}: {
  groups: ReturnType<typeof groupCards>;
  signals: Map<string, Card>;
  onBrief: () => void;
}) {
  const all = groups.flatMap((g) => g.cards).sort((a, b) => b.count - a.count);
  const entities = all.filter((c) => !c.topic);
  const topics = all.filter((c) => c.topic);
  // The most mentioned cards' signals first, one card at a time, so that one card does not fill the brief.
  const perCard = all.map((c) => (signals.get(c.id)?.signals ?? []).map((s) => ({ card: c.name, text: s.text })));
  const watch = perCard.flatMap((_, round) => perCard.flatMap((list) => list.slice(round, round + 1))).slice(0, 6);
  const list = (cards: typeof all) => cards.map((c) => `${c.name} (${c.count})`).join(', ');
  return (
    <section class="brief" aria-labelledby="brief-title">
      <h2 id="brief-title">Page brief</h2>
      {entities.length ? (
        <p>
          <strong>Entities:</strong> {list(entities)}
        </p>
      ) : null}
      {topics.length ? (
        <p>
          <strong>Topics:</strong> {list(topics)}
        </p>
      ) : null}
      {watch.length ? (
        <>
          <h3>Key signals</h3>
          <ul class="signals">
            {watch.map((s) => (
              <li key={`${s.card}:${s.text}`}>
                <span class="signal-card">{s.card}:</span> {s.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <button type="button" class="link" onClick={onBrief}>
          Full brief: summary, implications, related intelligence →
        </button>
      </p>
    </section>
  );
}

interface Props {
  state: TabState;
  onOpen: (id: string) => void;
  /** Full cards by id (for the brief's key signals); may arrive after the page's state. */
  cards: Map<string, Card>;
  /** Opens the page's full brief. */
  onBrief: () => void;
}

/** "This page": a brief, then every card mentioned on the tab, grouped by kind, each opening to its mentions. */
export function PageCards({ state, onOpen, cards, onBrief }: Props) {
  const [open, setOpen] = useState<string | null>(null);
  const conflicts = useConflictMarks(5000);
  if (state.idleReason) {
    return (
      <>
        <p class="empty" role="status">
          {state.idleReason}
        </p>
        {state.idleReason === NOT_ALLOWED_REASON ? <AllowSite url={state.url} /> : null}
      </>
    );
  }
  if (state.cards.length === 0) {
    return (
      <p class="empty" role="status">
        No tracked entities or topics on this page.
      </p>
    );
  }
  const groups = groupCards(state);
  const reveal = (cardId: string, index: number) =>
    void sendToBackground('mention.reveal', { tabId: state.tabId, cardId, index });
  return (
    <>
      <Brief groups={groups} signals={cards} onBrief={onBrief} />
      <section aria-labelledby="this-page">
        <h2 id="this-page">
          This page{' '}
          <span class="count">
            {state.cards.length} cards · {state.mentions.length} mentions
          </span>
        </h2>
        {groups.map((group) => (
          <div class="group" key={group.kind}>
            <h3>{group.kind === 'topic' ? 'Topics' : capitalise(group.kind)}</h3>
            <ul class="cards">
              {group.cards.map((card) => {
                const expanded = open === card.id;
                const mentions = expanded ? state.mentions.filter((m) => m.cardId === card.id) : [];
                return (
                  <li key={card.id}>
                    <div class="card-row">
                      <button type="button" class={card.topic ? 'topic' : 'entity'} onClick={() => onOpen(card.id)}>
                        <span class="name">{card.name}</span>
                        {conflicts.has(card.id) ? (
                          <>
                            {' '}
                            <ConflictBadge />
                          </>
                        ) : null}
                        <span class="badge">
                          {card.count}
                          <span class="visually-hidden"> mentions</span>
                        </span>
                      </button>
                      <button
                        type="button"
                        class="expand"
                        aria-expanded={expanded}
                        aria-controls={`mentions-${card.id}`}
                        aria-label={`Mentions of ${card.name}`}
                        onClick={() => setOpen(expanded ? null : card.id)}
                      >
                        {expanded ? '▾' : '▸'}
                      </button>
                    </div>
                    {expanded ? (
                      <ol class="mentions" id={`mentions-${card.id}`}>
                        {mentions.map((m, i) => (
                          <li key={`${m.start}:${m.end}`}>
                            <button type="button" class="snippet" onClick={() => reveal(card.id, i)}>
                              {m.page ? <span class="page-number">p. {m.page} </span> : null}
                              {m.before ? `…${m.before}` : ''}
                              <mark>{m.quote}</mark>
                              {m.after ? `${m.after}…` : ''}
                            </button>
                          </li>
                        ))}
                      </ol>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </section>
    </>
  );
}

function capitalise(kind: string): string {
  const word = kind.charAt(0).toUpperCase() + kind.slice(1);
  return word.endsWith('y') ? `${word.slice(0, -1)}ies` : `${word}s`;
}
