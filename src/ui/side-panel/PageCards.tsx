import type { TabState } from '../../messaging/protocol';
import type { CardSummary } from '../../model/mention';

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

/** "This page": every card mentioned on the tab, grouped by kind, with counts. */
export function PageCards({ state, onOpen }: { state: TabState; onOpen: (id: string) => void }) {
  if (state.idleReason) {
    return (
      <p class="empty" role="status">
        {state.idleReason}
      </p>
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
  return (
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
            {group.cards.map((card) => (
              <li key={card.id}>
                <button type="button" class={card.topic ? 'topic' : 'entity'} onClick={() => onOpen(card.id)}>
                  <span class="name">{card.name}</span>
                  <span class="badge">
                    {card.count}
                    <span class="visually-hidden"> mentions</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function capitalise(kind: string): string {
  const word = kind.charAt(0).toUpperCase() + kind.slice(1);
  return word.endsWith('y') ? `${word.slice(0, -1)}ies` : `${word}s`;
}
