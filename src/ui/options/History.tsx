import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { sendToBackground } from '../../messaging/client';
import { type HistoryState, RETENTION_DAYS } from '../../model/history';

/**
 * The opt-in history of visited pages (for the entity network): off by default, a retention period, and
 * Clear history (confirmed). Nothing is recorded in incognito windows.
 */
export function History() {
  const [state, setState] = useState<HistoryState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    void sendToBackground('history.get', {}).then((result) => {
      if (result.ok) setState(result.value);
      else setError(result.error);
    });
  }, []);
  const answer = (result: Awaited<ReturnType<typeof sendToBackground<'history.set'>>>, message: string) => {
    if (!result.ok) return setError(result.error);
    setError(null);
    setState(result.value);
    setNotice(message);
  };
  const set = async (enabled: boolean, retentionDays: HistoryState['retentionDays']) =>
    answer(
      await sendToBackground('history.set', { enabled, retentionDays }),
      enabled ? `Visited pages are kept for ${retentionDays} days.` : 'Visited pages are no longer recorded.',
    );
  const clear = async () => {
    setConfirming(false);
    answer(await sendToBackground('history.clear', {}), 'History cleared.');
  };

  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">History of visited pages</h2>
      <p class="muted">
        When on, each page where Dossier finds mentions is kept in this browser (address, title, time and the cards it
        mentions) so that the entity network counts what you read, not only what you clip. Never in incognito windows;
        nothing leaves the browser.
      </p>
      {error ? <p role="alert">{error}</p> : null}
      {state ? (
        <>
          <label class="check">
            <input
              type="checkbox"
              checked={state.enabled}
              onChange={(e) => void set(e.currentTarget.checked, state.retentionDays)}
            />
            Keep a history of visited pages
          </label>
          <label class="check">
            Keep for
            <select
              value={state.retentionDays}
              onChange={(e) => void set(state.enabled, Number(e.currentTarget.value) as HistoryState['retentionDays'])}
            >
              {RETENTION_DAYS.map((days) => (
                <option key={days} value={days}>
                  {days} days
                </option>
              ))}
            </select>
          </label>
          <div class="data-actions">
            <span class="muted">
              {state.pages} {state.pages === 1 ? 'page' : 'pages'} kept
            </span>
            {confirming ? (
              <>
                <span>Forget every visited page?</span>
                <button type="button" class="btn danger" onClick={() => void clear()}>
                  Clear history
                </button>
                <button type="button" class="btn" onClick={() => setConfirming(false)}>
                  Cancel
                </button>
              </>
            ) : (
              <button type="button" class="btn" disabled={!state.pages} onClick={() => setConfirming(true)}>
                Clear history…
              </button>
            )}
            <a
              class="btn"
              href={browser.runtime.getURL('src/ui/insights/index.html#network')}
              target="_blank"
              rel="noreferrer"
            >
              Open the entity network
            </a>
          </div>
          {notice ? <p role="status">{notice}</p> : null}
        </>
      ) : null}
    </section>
  );
}
