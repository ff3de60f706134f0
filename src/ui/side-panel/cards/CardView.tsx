import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../../../messaging/client';
import type { TabState } from '../../../messaging/protocol';
import type { Card } from '../../../model/card';
import type { SharedOrigin } from '../../../model/team';
import { CardConflicts } from '../team/CardConflicts';
import { RemoveFromTeam } from '../team/RemoveFromTeam';

interface Props {
  cardId: string;
  /** The tab's state, when the panel belongs to a tab. */
  state: TabState | null;
  onBack: () => void;
  onOpen: (id: string) => void;
  onEdit: (card: Card) => void;
  onDeleted: (card: Card) => void;
  /** Where "back" returns to. */
  backLabel: string;
}

/** One card read in full: summary, key signals, implications, tags and related cards. */
export function CardView({ cardId, state, onBack, onOpen, onEdit, onDeleted, backLabel }: Props) {
  const [card, setCard] = useState<Card | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  // The teams this browser joined: a card can be shared with each.
  const [teams, setTeams] = useState<string[]>([]);
  const [shared, setShared] = useState<string | null>(null);
  const [origins, setOrigins] = useState<SharedOrigin[]>([]);
  // Bumped when the card changed under the view (a conflict synced or resolved, the card removed from a team).
  const [version, setVersion] = useState(0);

  useEffect(() => {
    setCard(null);
    setError(null);
    setNames(new Map());
    setShared(null);
    setOrigins([]);
  }, [cardId]);
  useEffect(() => {
    let live = true;
    void sendToBackground('card.get', { id: cardId }).then(async (result) => {
      if (!live) return;
      if (!result.ok) {
        setCard(null);
        return setError(result.error);
      }
      setCard(result.value);
      // Only the related names are looked up (not the whole library, which may hold 10,000 cards).
      if (result.value.related.length === 0) return;
      const named = await sendToBackground('cards.named', { names: result.value.related.slice(0, 1000) });
      if (live && named.ok) setNames(new Map(named.value.map((n) => [n.name.toLowerCase(), n.id])));
    });
    return () => {
      live = false;
    };
  }, [cardId, version]);

  useEffect(() => {
    let live = true;
    void sendToBackground('teams.list', {}).then(async (result) => {
      if (!live || !result.ok) return;
      setTeams(result.value.map((t) => t.team));
      if (result.value.length === 0) return;
      const found = await sendToBackground('card.origins', { cardId });
      if (live && found.ok) setOrigins(found.value);
    });
    return () => {
      live = false;
    };
  }, [cardId, version]);
  const share = async (team: string) => {
    const result = await sendToBackground('card.share', { cardId, team });
    setShared(result.ok ? `Shared with ${team}.` : `Could not share: ${result.error}`);
    const found = await sendToBackground('card.origins', { cardId });
    if (found.ok) setOrigins(found.value);
  };

  const count = (state?.mentions ?? []).filter((m) => m.cardId === cardId).length;
  return (
    <article class="card" aria-labelledby="card-name">
      <button type="button" class="back" onClick={onBack}>
        ← {backLabel}
      </button>
      {error ? <p role="alert">{error}</p> : null}
      {card ? (
        <>
          <h2 id="card-name">{card.name}</h2>
          {teams.length > 0 ? <CardConflicts cardId={cardId} onChanged={() => setVersion((n) => n + 1)} /> : null}
          <p class="meta">
            <span class={`kind ${card.kind === 'topic' ? 'topic' : 'entity'}`}>{card.kind}</span>
            {count} {count === 1 ? 'mention' : 'mentions'} on this page
          </p>
          {card.aliases.length ? <p class="aliases">Also: {card.aliases.join(', ')}</p> : null}
          {origins.map((o) => (
            <p key={o.team} class="origin">
              Shared in {o.team} by {o.createdBy}
              {o.updatedBy !== o.createdBy ? `, last changed by ${o.updatedBy}` : ''}
              {o.updated ? ` (${new Date(o.updated).toLocaleString()})` : ''}
            </p>
          ))}
          <p>{card.summary}</p>
          <Section title="Key signals" items={card.signals.map((s) => s.text)} />
          <Section title="Implications" items={card.implications} />
          {card.tags.length ? (
            <ul class="tags" aria-label="Tags">
              {card.tags.map((t) => (
                <li key={t}>{t}</li>
              ))}
            </ul>
          ) : null}
          {card.sources.length ? <Section title="Sources" items={card.sources} /> : null}
          {card.notes ? (
            <>
              <h3>Notes</h3>
              <p class="notes">{card.notes}</p>
            </>
          ) : null}
          {card.related.length ? (
            <>
              <h3>Related</h3>
              <ul class="related">
                {card.related.map((name) => {
                  const id = names.get(name.toLowerCase());
                  return (
                    <li key={name}>
                      {id ? (
                        <button type="button" class="link" onClick={() => onOpen(id)}>
                          {name}
                        </button>
                      ) : (
                        name
                      )}
                    </li>
                  );
                })}
              </ul>
            </>
          ) : null}
          <div class="actions">
            <button type="button" class="btn" onClick={() => onEdit(card)}>
              Edit card
            </button>
            <button
              type="button"
              class="btn danger"
              onClick={async () => {
                const result = await sendToBackground('card.delete', { id: card.id });
                if (result.ok) onDeleted(card);
                else setError(result.error);
              }}
            >
              Delete card
            </button>
          </div>
          {teams.length > 0 ? (
            <div class="actions">
              {teams.map((team) => (
                <button key={team} type="button" class="btn" onClick={() => void share(team)}>
                  Share with {team}
                </button>
              ))}
            </div>
          ) : null}
          {origins.length > 0 ? (
            <div class="actions">
              {origins.map((o) => (
                <RemoveFromTeam
                  key={o.team}
                  cardId={card.id}
                  name={card.name}
                  team={o.team}
                  onRemoved={(team) => {
                    setShared(`Removed from ${team}.`);
                    setVersion((n) => n + 1);
                  }}
                />
              ))}
            </div>
          ) : null}
        </>
      ) : null}
      {shared ? (
        <p role="status" class="share-status">
          {shared}
        </p>
      ) : null}
    </article>
  );
}

function Section({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </>
  );
}
