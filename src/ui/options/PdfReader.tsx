import { useEffect, useState } from 'preact/hooks';

const PERMISSION: chrome.permissions.Permissions = { permissions: ['webRequest'] };

/**
 * "Open every PDF in Dossier": off by default. It is the optional webRequest permission (the background sends
 * PDF responses to the reader while it holds it), asked for in the user's click and given back when turned off.
 */
export function PdfReader() {
  const [on, setOn] = useState<boolean | null>(null);
  const [status, setStatus] = useState('');
  useEffect(() => {
    void chrome.permissions.contains(PERMISSION).then(setOn);
  }, []);
  const toggle = async (enabled: boolean) => {
    const done = enabled ? await chrome.permissions.request(PERMISSION) : await chrome.permissions.remove(PERMISSION);
    const now = await chrome.permissions.contains(PERMISSION);
    setOn(now);
    if (enabled && !done) setStatus('PDFs still open in the browser’s viewer: the permission was not given.');
    else setStatus(now ? 'PDFs now open in Dossier’s reader.' : 'PDFs open in the browser’s viewer.');
  };
  const reader = chrome.runtime.getURL('pdf.html');
  return (
    <section aria-labelledby="pdf-title">
      <h2 id="pdf-title">PDFs</h2>
      <label class="check">
        <input
          type="checkbox"
          checked={on === true}
          disabled={on === null}
          onChange={(event) => void toggle(event.currentTarget.checked)}
        />
        Open every PDF in Dossier’s reader instead of the browser’s viewer
      </label>
      <p class="hint">
        The browser’s viewer lets no extension read a PDF. Without this, right-click a PDF or a link to one and choose
        “Open in Dossier”, or <a href={reader}>open a file in the reader</a>.
      </p>
      {status ? <p role="status">{status}</p> : null}
    </section>
  );
}
