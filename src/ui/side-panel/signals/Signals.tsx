import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { sendToBackground } from '../../../messaging/client';
import type { SignalsView } from '../../../messaging/protocol';
import { readEnvelope } from '../../../messaging/router';
import type { SignalHitRecord } from '../../../model/signal-hit';
import { SafeLink } from '../../SafeLink';
import { ShareWith } from '../../ShareWith';

/** Loads the Signals view of a tab, and again whenever the tab's page reports a change. */
function useSignals(tabId: number): SignalsView | null {
  const [view, setView] = useState<SignalsView | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      void sendToBackground('signals.list', { tabId }).then((result) => {
        if (live) setView(result.ok ? result.value : { page: [], recent: [] });
      });
    const onMessage = (message: unknown) => {
      const envelope = readEnvelope(message);
      if (envelope?.type === 'tab.changed' && (envelope.payload as { tabId?: unknown }).tabId === tabId) load();
    };
    browser.runtime.onMessage.addListener(onMessage);
    load();
    return () => {
      live = false;
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [tabId]);
  return view;
}

/** One hit: its card, the signal, the sentence that shows it, and where and when it fired. */
function Hit({
  hit,
  here,
  onOpen,
  onShow,
  onNotice,
}: {
  hit: SignalHitRecord;
  here: boolean;
  onOpen: (cardId: string) => void;
  onShow: (hit: SignalHitRecord) => void;
  onNotice: (notice: string) => void;
}) {
  const share = async (team: string) => {
    const result = await sendToBackground('signal.share', { hitId: hit.hitId, team });
    return result.ok ? `Shared “${hit.signal}” on this page with ${team}.` : result.error;
  };
  return (
    <li class="signal-hit">
      <p class="signal-head">
        <button type="button" class="link signal-card-name" onClick={() => onOpen(hit.cardId)}>
          {hit.cardName}
        </button>{' '}
        <span class="signal-text">{hit.signal}</span>
      </p>
      <blockquote>{hit.evidence}</blockquote>
      <p class="own-meta">
        {here ? null : (
          <SafeLink href={hit.url} class="signal-page">
            {hit.title || hit.url}
          </SafeLink>
        )}
        <time dateTime={hit.time}>{new Date(hit.time).toLocaleString()}</time>
        {here ? (
          <button type="button" class="link" onClick={() => onShow(hit)}>
            Show in page
          </button>
        ) : null}
      </p>
      <p class="signal-terms">Matched: {hit.terms.join(', ')}</p>
      <div class="actions">
        <ShareWith share={share} onNotice={onNotice} label={(team) => `Share “${hit.signal}” with ${team}`} />
      </div>
    </li>
  );
}

/** The Signals view: the watch signals that fired on this page first, then the latest ones elsewhere. */
export function Signals({ tabId, onOpen }: { tabId: number; onOpen: (cardId: string) => void }) {
  const view = useSignals(tabId);
  const [status, setStatus] = useState('');
  if (!view) return <p class="empty">Loading signals…</p>;
  const show = async (hit: SignalHitRecord) => {
    const result = await sendToBackground('signal.reveal', { tabId, hitId: hit.hitId });
    setStatus(
      result.ok && result.value.found
        ? `Showing the sentence of “${hit.signal}” in the page.`
        : 'That sentence is no longer on the page.',
    );
  };
  return (
    <section class="signals-view" aria-label="Signals">
      <p role="status" class="notice">
        {status}
      </p>
      <h2>On this page</h2>
      {view.page.length ? (
        <ul class="own-list signal-list" aria-label="Signals on this page">
          {view.page.map((hit) => (
            <Hit key={hit.hitId} hit={hit} here onOpen={onOpen} onShow={(h) => void show(h)} onNotice={setStatus} />
          ))}
        </ul>
      ) : (
        <p class="empty">No watch signal fired on this page.</p>
      )}
      <h2>Recent elsewhere</h2>
      {view.recent.length ? (
        <ul class="own-list signal-list" aria-label="Recent signals elsewhere">
          {view.recent.map((hit) => (
            <Hit key={hit.hitId} hit={hit} here={false} onOpen={onOpen} onShow={() => undefined} onNotice={setStatus} />
          ))}
        </ul>
      ) : (
        <p class="empty">None yet. Signals fire when a page you read matches a card’s signal rule.</p>
      )}
    </section>
  );
}
