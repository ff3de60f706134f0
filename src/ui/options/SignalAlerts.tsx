import { useState } from 'preact/hooks';
import { sendToBackground } from '../../messaging/client';
import type { Settings } from '../../messaging/protocol';

interface Props {
  settings: Settings;
  onChange: (settings: Settings) => void;
}

/** Watch-signal alerts: a system notification when a page the user reads fires a signal (off by default). */
export function SignalAlerts({ settings, onChange }: Props) {
  const [status, setStatus] = useState('');
  const toggle = async (enabled: boolean) => {
    // Asked for within the user's click: the browser shows its own prompt once.
    if (enabled && !(await chrome.permissions.request({ permissions: ['notifications'] }))) {
      setStatus('Alerts stay off: the browser was not allowed to show notifications.');
      return;
    }
    const result = await sendToBackground('alerts.set', { enabled });
    if (!result.ok) return setStatus(result.error);
    onChange(result.value);
    setStatus(enabled ? 'Alerts are on.' : 'Alerts are off.');
  };
  return (
    <section aria-labelledby="alerts-title">
      <h2 id="alerts-title">Watch signals</h2>
      <label class="check">
        <input
          type="checkbox"
          checked={settings.alerts}
          onChange={(event) => void toggle(event.currentTarget.checked)}
        />
        Show a notification when a page I read fires a card’s watch signal
      </label>
      <p class="hint">
        Signals always show on the toolbar button and in the side panel’s Signals view. What fired, and where, stays in
        this browser.
      </p>
      {status ? <p role="status">{status}</p> : null}
    </section>
  );
}
