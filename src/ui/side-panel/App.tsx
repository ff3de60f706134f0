import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { sendToBackground } from '../../messaging/client';
import type { LibraryItem } from '../../messaging/protocol';
import type { Card } from '../../model/card';
import { CardEditor } from './CardEditor';
import { CardView } from './CardView';
import { Library } from './Library';
import { PageCards } from './PageCards';
import { SiteToggle } from './SiteToggle';
import { type TabName, Tabs } from './Tabs';
import { useTabState } from './use-tab-state';

/** What the panel shows below its header. */
type View = { kind: 'list' } | { kind: 'card'; id: string } | { kind: 'edit'; card: Card | null };

/** The side panel: the cards of the current page, one card read in full, and the card editor. */
export function App() {
  const { state, error } = useTabState();
  const [view, setView] = useState<View>({ kind: 'list' });
  const [deleted, setDeleted] = useState<Card | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [tab, setTab] = useState<TabName>('page');
  const [library, setLibrary] = useState<LibraryItem[] | null>(null);
  const focus = state?.focusCardId ?? null;

  // The whole library: for the Library tab, and the page brief's key signals. Reloaded after every change.
  const loadLibrary = useCallback(async () => {
    const result = await sendToBackground('library.list', {});
    if (result.ok) setLibrary(result.value);
  }, []);
  useEffect(() => {
    void loadLibrary();
  }, [loadLibrary]);
  const cards = useMemo(() => new Map((library ?? []).map((item) => [item.card.id, item.card])), [library]);

  // Opening the panel from a popover (or "Track in Dossier") shows that card.
  useEffect(() => {
    if (focus) setView({ kind: 'card', id: focus });
  }, [focus]);

  const open = (id: string) => setView({ kind: 'card', id });
  const undo = async (card: Card) => {
    const result = await sendToBackground('card.restore', { id: card.id });
    setDeleted(null);
    void loadLibrary();
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
            void loadLibrary();
            open(card.id);
          }}
          onCancel={() => setView(view.card ? { kind: 'card', id: view.card.id } : { kind: 'list' })}
        />
      ) : view.kind === 'card' ? (
        <CardView
          cardId={view.id}
          state={state}
          onBack={() => setView({ kind: 'list' })}
          onOpen={open}
          onEdit={(card) => {
            setNotice(null);
            setView({ kind: 'edit', card });
          }}
          backLabel={tab === 'page' ? 'This page' : 'Library'}
          onDeleted={(card) => {
            setDeleted(card);
            void loadLibrary();
            setView({ kind: 'list' });
          }}
        />
      ) : (
        <>
          <Tabs selected={tab} onSelect={setTab} />
          <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
            {tab === 'page' ? (
              state ? (
                <PageCards state={state} onOpen={open} cards={cards} />
              ) : null
            ) : (
              <Library items={library} onOpen={open} />
            )}
          </div>
        </>
      )}
    </main>
  );
}
