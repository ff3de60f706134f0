import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { sendToBackground } from '../../messaging/client';
import type { LibraryList } from '../../messaging/protocol';
import { readEnvelope } from '../../messaging/router';
import type { Card } from '../../model/card';
import { type Clip, MAX_KEPT_PDF_BYTES } from '../../model/clip';
import { useTeams } from '../use-teams';
import { CardEditor } from './cards/CardEditor';
import { CardView } from './cards/CardView';
import { CaseBar } from './cases/CaseBar';
import { CaseForm } from './cases/CaseForm';
import { CaseList } from './cases/CaseList';
import { CaseView } from './cases/CaseView';
import { useCases } from './cases/use-cases';
import { Clips, type ClipsView, NEW_CLIPS_VIEW } from './clips/Clips';
import { Library } from './library/Library';
import { PageBrief } from './page/PageBrief';
import { PageCards } from './page/PageCards';
import { PageNotes } from './page/PageNotes';
import { SiteToggle } from './page/SiteToggle';
import { useTabState } from './page/use-tab-state';
import { Signals } from './signals/Signals';
import { type TabName, Tabs } from './Tabs';
import { TeamActivity } from './team/TeamActivity';
import { TeamSync } from './team/TeamSync';

/** What the panel shows below its header; a card opened from the page's brief goes back to it. */
type View =
  | { kind: 'list' }
  | { kind: 'card'; id: string; from?: 'brief' }
  | { kind: 'edit'; card: Card | null }
  | { kind: 'brief' }
  | { kind: 'case'; caseId: string }
  | { kind: 'new-case' }
  | { kind: 'cases' };

/** The side panel: the cards of the current page, one card read in full, and the card editor. */
export function App() {
  const { state, error } = useTabState();
  const [view, setView] = useState<View>({ kind: 'list' });
  const [deleted, setDeleted] = useState<Card | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [tab, setTab] = useState<TabName>('page');
  const [library, setLibrary] = useState<LibraryList | null>(null);
  // The Clips tab's search and open clip, kept while a card opened from a clip is read.
  const [clipsView, setClipsView] = useState<ClipsView>(NEW_CLIPS_VIEW);
  const focus = state?.focusCardId ?? null;
  // The joined teams (their sync state under the header, and the Team view when there is one).
  const [teams] = useTeams(5000);
  // The cases, and the current one (clipping files into it).
  const { cases, current, reload: reloadCases } = useCases();

  // The library (but the lists' cards, searched in the background), loaded when the Library tab is first shown; reloaded after every change once loaded.
  const [wantLibrary, setWantLibrary] = useState(false);
  const [changes, setChanges] = useState(0);
  const loadLibrary = useCallback(() => setChanges((n) => n + 1), []);
  useEffect(() => {
    if (tab === 'library') setWantLibrary(true);
  }, [tab]);
  useEffect(() => {
    if (!wantLibrary) return;
    let live = true;
    void sendToBackground('library.list', {}).then((result) => {
      if (live && result.ok) setLibrary(result.value);
    });
    return () => {
      live = false;
    };
  }, [wantLibrary, changes]);

  // The full cards of the page's cards, for the brief's key signals.
  const [cards, setCards] = useState<Map<string, Card>>(new Map());
  const pageCardIds = (state?.cards ?? []).map((c) => c.id).join(' ');
  useEffect(() => {
    const ids = pageCardIds ? pageCardIds.split(' ') : [];
    if (ids.length === 0) return setCards(new Map());
    let live = true;
    void sendToBackground('cards.some', { ids }).then((result) => {
      if (live && result.ok) setCards(new Map(result.value.map((card) => [card.id, card])));
    });
    return () => {
      live = false;
    };
  }, [pageCardIds, changes]);

  // Opening the panel from a popover (or "Track in Dossier") shows that card.
  useEffect(() => {
    if (focus) setView({ kind: 'card', id: focus });
  }, [focus]);

  const open = (id: string) => setView({ kind: 'card', id });
  const [clipping, setClipping] = useState(false);
  // "Capture as evidence": the next clips also keep an exact snapshot and a screenshot of the page.
  const [asEvidence, setAsEvidence] = useState(false);
  // Bumped after each clip, so that the Clips tab reloads.
  const [clipped, setClipped] = useState(0);
  // On a PDF in Dossier's reader, the user chooses, clip by clip, to keep the file itself with the clip.
  const [keepFile, setKeepFile] = useState(false);
  const onReader = state?.url.startsWith(browser.runtime.getURL('pdf.html')) ?? false;
  const clip = async (tabId: number, brief = false) => {
    setClipping(true);
    const result = await sendToBackground('clip.save', { tabId, brief, keepFile: onReader && keepFile });
    const into = result.ok && result.value.caseId ? cases.find((c) => c.caseId === result.value.caseId) : undefined;
    // A case that captures every clip filed into it does so whatever the box says.
    const captured =
      result.ok && (asEvidence || into?.evidenceAlways)
        ? await sendToBackground('evidence.capture', { tabId, clipId: result.value.clipId })
        : null;
    setClipping(false);
    setDeleted(null);
    // The choice is made clip by clip: the next clip keeps no file unless ticked again.
    setKeepFile(false);
    if (result.ok) setClipped((n) => n + 1);
    const evidence = !captured
      ? ''
      : captured.ok
        ? ` Captured as evidence: ${captured.value.files.map((f) => f.name).join(', ')}.`
        : ` Could not capture it as evidence: ${captured.error}`;
    setNotice(
      result.ok
        ? `Clipped “${result.value.title}” with ${result.value.mentions.length} mentions${result.value.brief ? ' and its brief' : ''}${into ? ` into the case “${into.name}”` : ''}.${onReader && keepFile ? ` ${keptLine(result.value)}` : ''}${evidence}`
        : `Could not clip: ${result.error}`,
    );
  };
  // A clip made from the page's menu or the keyboard shortcut is reported here too.
  const tabId = state?.tabId;
  useEffect(() => {
    const onMessage = (message: unknown, sender: browser.Runtime.MessageSender) => {
      // From the background only: a page's content script has a tab.
      if (sender.tab) return;
      const envelope = readEnvelope(message);
      const done = envelope?.payload as { tabId?: unknown; message?: unknown } | undefined;
      if (envelope?.type !== 'clip.done' || done?.tabId !== tabId || typeof done?.message !== 'string') return;
      setDeleted(null);
      setNotice(done.message);
      setClipped((n) => n + 1);
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [tabId]);
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
        <div class="bar-top">
          <h1>Dossier</h1>
          <div class="bar-actions">
            {state && !state.idleReason ? (
              <>
                <button type="button" class="btn" disabled={clipping} onClick={() => void clip(state.tabId)}>
                  {clipping ? 'Clipping…' : 'Clip page'}
                </button>
                <label
                  class="check evidence-check"
                  title={
                    current?.evidenceAlways
                      ? `The case “${current.name}” captures every clip as evidence`
                      : 'Also keep an exact snapshot and a screenshot of the page, hashed and never changed'
                  }
                >
                  <input
                    type="checkbox"
                    checked={asEvidence || current?.evidenceAlways === true}
                    disabled={current?.evidenceAlways === true}
                    onChange={(e) => setAsEvidence(e.currentTarget.checked)}
                  />
                  Capture as evidence
                </label>
                <button
                  type="button"
                  class="btn"
                  aria-pressed={view.kind === 'brief'}
                  onClick={() => {
                    setTab('page');
                    setView({ kind: 'brief' });
                  }}
                >
                  Brief
                </button>
              </>
            ) : null}
            <button type="button" class="btn new-card" onClick={() => setView({ kind: 'edit', card: null })}>
              New card
            </button>
            <a
              class="btn"
              href={browser.runtime.getURL('src/ui/insights/index.html#network')}
              target="_blank"
              rel="noreferrer"
              title="Network, map and timeline of your clips"
            >
              Insights
            </a>
          </div>
        </div>
        {state ? (
          <p class="page-title" title={state.url}>
            {state.title || state.url}
          </p>
        ) : null}
        {state && onReader ? (
          <label class="keep-file">
            <input type="checkbox" checked={keepFile} onChange={(event) => setKeepFile(event.currentTarget.checked)} />{' '}
            Keep the PDF file with the clip (up to {MAX_KEPT_PDF_BYTES / 1048576} MB; it opens offline, backups leave it
            out)
          </label>
        ) : null}
        {state ? <SiteToggle tabId={state.tabId} url={state.url} /> : null}
        <CaseBar
          cases={cases}
          current={current}
          onChanged={reloadCases}
          onNotice={(text) => {
            setDeleted(null);
            setNotice(text);
          }}
          onList={() => setView({ kind: 'cases' })}
          onNew={() => setView({ kind: 'new-case' })}
        />
      </header>
      <TeamSync teams={teams} />
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
      {view.kind === 'cases' ? (
        <CaseList
          cases={cases}
          currentId={current?.caseId ?? null}
          onOpen={(caseId) => setView({ kind: 'case', caseId })}
          onBack={() => setView({ kind: 'list' })}
        />
      ) : view.kind === 'new-case' ? (
        <CaseForm
          onCreated={(made) => {
            reloadCases();
            setNotice(`Created the case “${made.name}”: clips now go into it.`);
            setView({ kind: 'case', caseId: made.caseId });
          }}
          onCancel={() => setView({ kind: 'list' })}
        />
      ) : view.kind === 'case' ? (
        (() => {
          const found = cases.find((c) => c.caseId === view.caseId);
          return found ? (
            <CaseView
              key={found.caseId}
              found={found}
              current={current?.caseId === found.caseId}
              onChanged={reloadCases}
              onBack={() => setView({ kind: 'cases' })}
              onShowClips={(caseId) => {
                setClipsView((v) => ({ ...v, open: null, filters: { ...v.filters, caseId } }));
                setTab('clips');
                setView({ kind: 'list' });
              }}
            />
          ) : (
            <p class="empty">Reading the case…</p>
          );
        })()
      ) : view.kind === 'brief' && state ? (
        <PageBrief
          key={`${state.tabId}:${state.url}`}
          tabId={state.tabId}
          onBack={() => setView({ kind: 'list' })}
          onOpenCard={(id) => setView({ kind: 'card', id, from: 'brief' })}
          onOpenClip={(clipId) => {
            setClipsView((v) => ({ ...v, open: clipId }));
            setTab('clips');
            setView({ kind: 'list' });
          }}
          onClipWithBrief={() => clip(state.tabId, true)}
          clipping={clipping}
        />
      ) : view.kind === 'edit' ? (
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
          onBack={() => setView(view.from === 'brief' ? { kind: 'brief' } : { kind: 'list' })}
          onOpen={open}
          onEdit={(card) => {
            setNotice(null);
            setView({ kind: 'edit', card });
          }}
          backLabel={
            view.from === 'brief'
              ? 'Brief'
              : tab === 'page'
                ? 'This page'
                : tab === 'signals'
                  ? 'Signals'
                  : tab === 'library'
                    ? 'Library'
                    : tab === 'team'
                      ? 'Team'
                      : clipsView.open
                        ? 'Clip'
                        : 'Clips'
          }
          onDeleted={(card) => {
            setDeleted(card);
            void loadLibrary();
            setView({ kind: 'list' });
          }}
        />
      ) : (
        <>
          <Tabs selected={tab} onSelect={setTab} team={(teams?.length ?? 0) > 0} />
          <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
            {tab === 'page' ? (
              state ? (
                <>
                  <PageCards state={state} onOpen={open} cards={cards} onBrief={() => setView({ kind: 'brief' })} />
                  <PageNotes
                    tabId={state.tabId}
                    onNotice={(text) => {
                      setDeleted(null);
                      setNotice(text);
                    }}
                  />
                </>
              ) : null
            ) : tab === 'signals' ? (
              state ? (
                <Signals tabId={state.tabId} onOpen={open} />
              ) : null
            ) : tab === 'library' ? (
              <Library items={library?.items ?? null} lists={library?.lists ?? []} onOpen={open} />
            ) : tab === 'team' ? (
              <TeamActivity onOpenCard={open} />
            ) : (
              <Clips changes={clipped} view={clipsView} onView={setClipsView} onOpenCard={open} cases={cases} />
            )}
          </div>
        </>
      )}
    </main>
  );
}

/** What became of the PDF file the user asked to keep with a clip. */
function keptLine(clip: Clip): string {
  if (!clip.pdf) return '';
  const mb = (clip.pdf.bytes / 1048576).toFixed(1);
  return clip.pdf.kept
    ? `Its file (${mb} MB) is kept with it.`
    : `Its file (${mb} MB) is over the ${MAX_KEPT_PDF_BYTES / 1048576} MB Dossier keeps: the clip is kept without it.`;
}
