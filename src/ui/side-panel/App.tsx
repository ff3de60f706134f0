import { useEffect, useState } from 'preact/hooks';
import { CardView } from './CardView';
import { PageCards } from './PageCards';
import { SiteToggle } from './SiteToggle';
import { useTabState } from './use-tab-state';

/** The side panel: the cards of the current page, and one card read in full. */
export function App() {
  const { state, error } = useTabState();
  const [selected, setSelected] = useState<string | null>(null);
  const focus = state?.focusCardId ?? null;

  // Opening the panel from a popover shows that card.
  useEffect(() => {
    if (focus) setSelected(focus);
  }, [focus]);

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
      </header>
      {error ? (
        <p role="alert" class="error">
          {error}
        </p>
      ) : null}
      {!state ? null : selected ? (
        <CardView cardId={selected} state={state} onBack={() => setSelected(null)} onOpen={setSelected} />
      ) : (
        <PageCards state={state} onOpen={setSelected} />
      )}
    </main>
  );
}
