import { useEffect, useRef, useState } from 'preact/hooks';
import { briefMarkdown } from '../../../brief/markdown';
import { sendToBackground } from '../../../messaging/client';
import type { Brief } from '../../../model/brief';
import { saveFile } from '../clips/export';
import { BriefView } from './BriefView';

interface Props {
  tabId: number;
  onBack: () => void;
  onOpenCard: (cardId: string) => void;
  onOpenClip: (clipId: string) => void;
  /** Clips the page with this brief; resolves when done (the panel says how it went). */
  onClipWithBrief: () => Promise<void>;
  clipping: boolean;
}

/** The current page's brief (computed in the background, locally), copied or exported as Markdown, or clipped. */
export function PageBrief({ tabId, onBack, onOpenCard, onOpenClip, onClipWithBrief, clipping }: Props) {
  const [brief, setBrief] = useState<Brief | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    setBrief(null);
    setError(null);
    void sendToBackground('page.brief', { tabId }).then((result) => {
      if (!live) return;
      if (result.ok) setBrief(result.value);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [tabId]);
  useEffect(() => {
    if (brief) heading.current?.focus();
  }, [brief]);

  const copy = async (markdown: string) => {
    try {
      await navigator.clipboard.writeText(markdown);
      setStatus('Copied the brief as Markdown.');
    } catch (e) {
      setStatus(`Could not copy: ${(e as Error).message}`);
    }
  };
  const exportFile = async (b: Brief) => {
    const { safeStem } = await import('../../../clip/file-names');
    saveFile(`${safeStem(`Brief - ${b.title}`, 'brief')}.md`, 'text/markdown;charset=utf-8', briefMarkdown(b));
    setStatus('Exported the brief as Markdown.');
  };

  return (
    <article class="reader page-brief" aria-labelledby="page-brief-title" aria-busy={!brief && !error}>
      <button type="button" class="back link" onClick={onBack}>
        ← This page
      </button>
      {error ? (
        <p role="alert" class="error">
          No brief for this page: {error}
        </p>
      ) : !brief ? (
        <p class="empty" role="status">
          Making the brief…
        </p>
      ) : (
        <>
          <h2 id="page-brief-title" tabIndex={-1} ref={heading}>
            <span class="brief-label">Brief</span> {brief.title}
          </h2>
          <p class="reader-meta">
            {brief.entities.length} entities · {brief.topics.length} topics · {brief.mentions} mentions
          </p>
          <p class="reader-actions">
            <button type="button" class="btn" onClick={() => void copy(briefMarkdown(brief))}>
              Copy as Markdown
            </button>
            <button type="button" class="btn" onClick={() => void exportFile(brief)}>
              Export .md
            </button>
            <button type="button" class="btn primary" disabled={clipping} onClick={() => void onClipWithBrief()}>
              {clipping ? 'Clipping…' : 'Clip with brief'}
            </button>
          </p>
          <p role="status" class="saved">
            {status}
          </p>
          <BriefView brief={brief} onOpenCard={onOpenCard} onOpenClip={onOpenClip} />
        </>
      )}
    </article>
  );
}
