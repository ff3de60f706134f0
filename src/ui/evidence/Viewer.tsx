import { useEffect, useState } from 'preact/hooks';
import { fromBase64 } from '../../evidence/bytes';
import { sendToBackground } from '../../messaging/client';
import type { Evidence, Fact } from '../../model/evidence';
import { type RenderedSnapshot, renderSnapshot } from './snapshot-html';

/*
 * The evidence viewer: a capture's record (where, when, by whom, the HTTP facts, every file's SHA-256) above its
 * snapshot, shown in a sandboxed frame with no scripts under a CSP that allows data: resources only, so viewing
 * loads nothing from the web. Opening it is entered in the case's custody log as a viewing.
 */

type State =
  | { status: 'loading' }
  | { status: 'error'; error: string }
  | { status: 'ready'; evidence: Evidence; snapshot: RenderedSnapshot };

function fact<T>(value: Fact<T>, show: (v: T) => string = String): string {
  return value.available ? show(value.value) : value.reason;
}

/** The viewer of one capture. */
export function Viewer({ captureId }: { captureId: string }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [shot, setShot] = useState<string | null>(null);
  useEffect(() => {
    void (async () => {
      const answer = await sendToBackground('evidence.view', { captureId });
      if (!answer.ok) return setState({ status: 'error', error: answer.error });
      const { evidence, snapshot } = answer.value;
      try {
        setState({
          status: 'ready',
          evidence,
          snapshot: renderSnapshot(evidence.snapshot, fromBase64(snapshot.base64)),
        });
        document.title = `Dossier evidence: ${evidence.title}`;
      } catch (error) {
        setState({ status: 'error', error: `The snapshot cannot be shown: ${(error as Error).message}` });
      }
    })();
  }, [captureId]);
  const showScreenshot = async () => {
    if (shot) return setShot(null);
    const answer = await sendToBackground('evidence.file', { captureId, name: 'screenshot.png' });
    if (answer.ok) setShot(`data:image/png;base64,${answer.value.base64}`);
  };
  if (state.status === 'loading') return <p class="empty">Loading the capture…</p>;
  if (state.status === 'error') return <p role="alert">{state.error}</p>;
  const { evidence, snapshot } = state;
  // The final URL, redirects and Date were not observed for one reason: said once.
  const unobserved =
    !evidence.finalUrl.available && !evidence.redirects.available && !evidence.httpDate.available
      ? evidence.finalUrl.reason
      : null;
  return (
    <main class="evidence">
      <header>
        <h1>{evidence.title}</h1>
        <dl aria-label="Capture record">
          <dt>Address</dt>
          <dd>{evidence.url}</dd>
          <dt>Captured (UTC)</dt>
          <dd>{evidence.capturedAt}</dd>
          <dt>By</dt>
          <dd>
            {evidence.user} on {evidence.device}, Dossier {evidence.version}
          </dd>
          {unobserved ? (
            <>
              <dt>HTTP facts</dt>
              <dd>{unobserved}</dd>
            </>
          ) : (
            <>
              <dt>Final URL</dt>
              <dd>
                {fact(evidence.finalUrl)}
                {evidence.status.available ? ` (HTTP ${evidence.status.value})` : ''}
              </dd>
              <dt>Redirects</dt>
              <dd>{fact(evidence.redirects, (list) => (list.length ? list.join(' → ') : 'none'))}</dd>
              <dt>HTTP Date</dt>
              <dd>{fact(evidence.httpDate)}</dd>
            </>
          )}
          <dt>Snapshot</dt>
          <dd>
            {evidence.snapshot === 'mhtml'
              ? 'MHTML (as the browser saved the page)'
              : 'serialised DOM, resources inlined'}
            {` · shown offline: ${snapshot.inlined} resources from the capture, ${snapshot.removed} references to the web removed`}
          </dd>
          {evidence.files.map((file) => (
            <>
              <dt>{file.name}</dt>
              <dd>
                {file.bytes.toLocaleString('en')} bytes · SHA-256 <code>{file.sha256}</code>
              </dd>
            </>
          ))}
          {evidence.gaps.length > 0 ? (
            <>
              <dt>Not held</dt>
              <dd>{evidence.gaps.join('; ')}</dd>
            </>
          ) : null}
        </dl>
        <div class="tools">
          {evidence.files.some((file) => file.name === 'screenshot.png') ? (
            <button type="button" class="btn" onClick={() => void showScreenshot()}>
              {shot ? 'Show the snapshot' : 'Show the screenshot'}
            </button>
          ) : null}
          <span class="hint">Scripts never run here and nothing is loaded from the web.</span>
        </div>
      </header>
      {shot ? (
        <img class="shot" src={shot} alt="Screenshot of the visible page when captured" />
      ) : (
        // No sandbox token at all: no scripts, no forms, no navigation of the top page; an opaque origin.
        <iframe
          class="frame"
          title="Snapshot of the page"
          sandbox=""
          srcdoc={snapshot.html}
          referrerpolicy="no-referrer"
        />
      )}
    </main>
  );
}
