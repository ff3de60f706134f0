import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../../../messaging/client';
import type { SiteState } from '../../../messaging/protocol';

/** Turns Dossier on or off for the tab's site, and pauses it everywhere. */
export function SiteToggle({ tabId, url }: { tabId: number; url: string }) {
  const [site, setSite] = useState<SiteState | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void sendToBackground('tab.site', { tabId }).then((result) => {
      if (result.ok) setSite(result.value);
    });
  }, [tabId, url]);

  const apply = (pending: Promise<{ ok: true; value: SiteState } | { ok: false; error: string }>) => {
    void pending.then((result) => {
      if (result.ok) {
        setSite(result.value);
        setError(null);
      } else setError(result.error);
    });
  };

  if (!site?.site) return null;
  return (
    <fieldset class="site-toggle">
      <legend class="visually-hidden">Where Dossier runs</legend>
      <label>
        <input
          type="checkbox"
          checked={site.enabled || site.paused}
          disabled={site.paused}
          onChange={(event) => apply(sendToBackground('tab.site.set', { tabId, enabled: event.currentTarget.checked }))}
        />
        On for {site.site}
      </label>
      <label>
        <input
          type="checkbox"
          checked={site.paused}
          onChange={(event) => {
            const paused = event.currentTarget.checked;
            apply(sendToBackground('pause.set', { paused }).then(() => sendToBackground('tab.site', { tabId })));
          }}
        />
        Pause everywhere
      </label>
      {error ? <p role="alert">{error}</p> : null}
    </fieldset>
  );
}
