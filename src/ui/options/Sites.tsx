import { useState } from 'preact/hooks';
import { sendToBackground } from '../../messaging/client';
import type { Settings } from '../../messaging/protocol';

interface Props {
  settings: Settings;
  onChange: (settings: Settings) => void;
}

/** Where Dossier runs: a global pause and the sites it is turned off on. */
export function Sites({ settings, onChange }: Props) {
  const [site, setSite] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

  const setEnabled = async (name: string, enabled: boolean) => {
    const result = await sendToBackground('site.enable', { site: name, enabled });
    if (!result.ok) return setError(result.error);
    setError(null);
    onChange(result.value);
    setNotice(enabled ? `Dossier runs on ${name} again.` : `Dossier is off on ${name}.`);
    return true;
  };
  const pause = async (paused: boolean) => {
    const result = await sendToBackground('pause.set', { paused });
    if (!result.ok) return setError(result.error);
    onChange({ ...settings, paused });
    setNotice(paused ? 'Dossier is paused everywhere.' : 'Dossier runs again.');
  };

  return (
    <section aria-labelledby="sites-title">
      <h2 id="sites-title">Where Dossier runs</h2>
      <label class="check">
        <input type="checkbox" checked={settings.paused} onChange={(e) => void pause(e.currentTarget.checked)} />
        Pause everywhere
      </label>
      {error ? <p role="alert">{error}</p> : null}
      <p role="status" class="notice">
        {notice}
      </p>
      <h3>Sites where Dossier is off</h3>
      {settings.disabledSites.length === 0 ? (
        <p class="hint">None: Dossier runs on every site.</p>
      ) : (
        <ul class="plain-list">
          {settings.disabledSites.map((name) => (
            <li key={name}>
              <span>{name}</span>
              <button type="button" class="btn" onClick={() => void setEnabled(name, true)}>
                Turn on for {name}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="inline-form"
        onSubmit={async (event) => {
          event.preventDefault();
          if (site.trim() && (await setEnabled(site.trim(), false)) === true) setSite('');
        }}
      >
        <label for="site-off">Turn off on a site</label>
        <input
          id="site-off"
          type="text"
          placeholder="example.com"
          value={site}
          onInput={(e) => setSite(e.currentTarget.value)}
        />
        <button type="submit" class="btn">
          Turn off
        </button>
      </form>
    </section>
  );
}
