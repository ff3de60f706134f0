import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../../messaging/client';
import type { Card } from '../../model/card';
import { CardEditor } from './CardEditor';
import { CardView } from './CardView';
import { PageCards } from './PageCards';
import { SiteToggle } from './SiteToggle';
import { useTabState } from './use-tab-state';

/** What the panel shows below its header. */
type View = { kind: 'list' } | { kind: 'card'; id: string } | { kind: 'edit'; card: Card | null };

/** The side panel: the cards of the current page, one card read in full, and the card editor. */
export function App() {
  const { state, error } = useTabState();
  const [view, setView] = useState<View>({ kind: 'list' });
  const [deleted, setDeleted] = useState<Card | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const focus = state?.focusCardId ?? null;

  // Opening the panel from a popover (or "Track in Dossier") shows that card.
  useEffect(() => {
    if (focus) setView({ kind: 'card', id: focus });
  }, [focus]);

  const open = (id: string) => setView({ kind: 'card', id });
  const undo = async (card: Card) => {
    const result = await sendToBackground('card.restore', { id: card.id });
    setDeleted(null);
    setNotice(result.ok ? `“${card.name}” is back.` : result.error);
    if (result.ok) open(card.id);
  };

  return (
    <main>
      <header class="bar">
        <h1>Dossier</h1>
        {state ? (
          <p class="page-title" title={state.url}>
            {state.title || state.url}
          </p>
        ) : null}
        {state ? <SiteToggle tabId={state.tabId} url={state.url} /> : null}
        <button type="button" class="btn new-card" onClick={() => setView({ kind: 'edit', card: null })}>
          New card
        </button>
      </header>
      {error ? (
        <p role="alert" class="error">
          {error}
        </p>
      ) : null}
      <div role="status" class="notice">
        {deleted ? (
          <>
            Deleted “{deleted.name}”.{' '}
            <button type="button" class="link" onClick={() => void undo(deleted)}>
              Undo
            </button>
          </>
        ) : (
          notice
        )}
      </div>
      {view.kind === 'edit' ? (
        <CardEditor
          card={view.card}
          onSaved={(card) => {
            setNotice(view.card ? `Saved “${card.name}”.` : `Created “${card.name}”.`);
            open(card.id);
          }}
          onCancel={() => setView(view.card ? { kind: 'card', id: view.card.id } : { kind: 'list' })}
        />
      ) : !state ? null : view.kind === 'card' ? (
        <CardView
          cardId={view.id}
          state={state}
          onBack={() => setView({ kind: 'list' })}
          onOpen={open}
          onEdit={(card) => {
            setNotice(null);
            setView({ kind: 'edit', card });
          }}
          onDeleted={(card) => {
            setDeleted(card);
            setView({ kind: 'list' });
          }}
        />
      ) : (
        <PageCards state={state} onOpen={open} />
      )}
    </main>
  );
}
