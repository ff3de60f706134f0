import { useEffect, useRef, useState } from 'preact/hooks';
import { sendToBackground } from '../../../messaging/client';
import type { CardConflict } from '../../../model/card-conflict';
import { ConflictBadge } from './ConflictBadge';
import { ConflictView } from './ConflictView';
import './conflicts.css';

interface Props {
  cardId: string;
  /** The card's versions changed (a sync brought or resolved a conflict, or the user resolved it): read it again. */
  onChanged: () => void;
  /** How often the conflicts are read again while the card is open (syncs bring them). */
  periodMs?: number;
}

/** What the versions of a card are, as a key that changes when any of them does. */
const keyOf = (conflicts: CardConflict[]) =>
  conflicts.map((c) => `${c.team}:${c.versions.map((v) => v.rev).join(',')}`).join(' ');

/** The conflict marker of a card in its view's header, and its versions compared when the user asks. */
export function CardConflicts({ cardId, onChanged, periodMs = 3000 }: Props) {
  const [conflicts, setConflicts] = useState<CardConflict[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const [resolved, setResolved] = useState<string | null>(null);
  const changed = useRef(onChanged);
  changed.current = onChanged;
  // The versions the user compared close on resolution: focus goes to what it says, not to the page's start.
  const said = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (resolved) said.current?.focus();
  }, [resolved]);

  useEffect(() => {
    let live = true;
    let last: string | null = null;
    const load = () =>
      void sendToBackground('card.conflicts', { cardId }).then((result) => {
        if (!live || !result.ok) return;
        const key = keyOf(result.value);
        if (key === last) return;
        // The first read is the card as opened; a later change is news the card view shows.
        if (last !== null) changed.current();
        last = key;
        setConflicts(result.value);
      });
    load();
    const timer = window.setInterval(load, periodMs);
    setConflicts([]);
    setOpen(null);
    setResolved(null);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [cardId, periodMs]);

  if (conflicts.length === 0) {
    return resolved ? (
      <p ref={said} role="status" class="conflict-resolved" tabIndex={-1}>
        {resolved}
      </p>
    ) : null;
  }
  return (
    <>
      {conflicts.map((conflict) => {
        const expanded = open === conflict.team;
        const authors = [...new Set(conflict.versions.map((v) => v.updatedBy ?? 'someone'))];
        return (
          <div key={conflict.team} class="conflict-marker">
            <p>
              <ConflictBadge /> {conflict.versions.length} versions of this card in {conflict.team}, by{' '}
              {authors.join(' and ')}.{' '}
              <button
                type="button"
                class="btn"
                aria-expanded={expanded}
                aria-controls={expanded ? `conflict-${conflict.team}` : undefined}
                onClick={() => setOpen(expanded ? null : conflict.team)}
              >
                {expanded ? 'Hide versions' : 'Compare versions'}
              </button>
            </p>
            {expanded ? (
              <div id={`conflict-${conflict.team}`}>
                <ConflictView
                  conflict={conflict}
                  onResolved={(_card, how) => {
                    setOpen(null);
                    setResolved(`Conflict in ${conflict.team} resolved: ${how}.`);
                    setConflicts((list) => list.filter((c) => c.team !== conflict.team));
                    changed.current();
                  }}
                />
              </div>
            ) : null}
          </div>
        );
      })}
    </>
  );
}
