import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../../../messaging/client';
import type { Evidence } from '../../../model/evidence';

/** The viewer's address for a capture. */
export function viewerUrl(captureId: string): string {
  return chrome.runtime.getURL(`src/ui/evidence/index.html?capture=${encodeURIComponent(captureId)}`);
}

/** A clip's evidence captures (exact snapshots, never changed), each opening in the offline viewer. */
export function Captures({ clipId }: { clipId: string }) {
  const [captures, setCaptures] = useState<Evidence[]>([]);
  useEffect(() => {
    void sendToBackground('evidence.list', { clipId }).then((answer) => {
      if (answer.ok) setCaptures(answer.value);
    });
  }, [clipId]);
  if (captures.length === 0) return null;
  return (
    <section class="captures" aria-label="Evidence captures">
      <h3>Evidence</h3>
      <ul class="plain-list">
        {captures.map((capture) => (
          <li key={capture.captureId}>
            <span>
              Captured {capture.capturedAt.replace('T', ' ').slice(0, 19)} UTC ·{' '}
              {capture.snapshot === 'mhtml' ? 'MHTML' : 'serialised DOM'}
            </span>{' '}
            <button
              type="button"
              class="link"
              onClick={() => void chrome.tabs.create({ url: viewerUrl(capture.captureId) })}
            >
              View snapshot
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
