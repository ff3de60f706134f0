import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { ListedCase } from '../../../messaging/cases';
import { sendToBackground } from '../../../messaging/client';
import { type Clip, MAX_CLIP_NOTE, normaliseTags } from '../../../model/clip';
import { safeLink } from '../../../model/safe-url';
import { SafeLink } from '../../SafeLink';
import { ShareWith } from '../../ShareWith';
import { BriefView } from '../page/BriefView';
import { Captures } from './Captures';
import { exportMarkdown } from './export';
import { readerHtml } from './reader-html';
import { siteOfClip } from './search';
import '../cases/cases.css';

interface Props {
  clip: Clip;
  onBack: () => void;
  /** Opens a card in the panel (a mention's link). */
  onOpenCard: (cardId: string) => void;
  /** Opens another clip (a related clip of the brief's). */
  onOpenClip: (clipId: string) => void;
  onSaved: (clip: Clip) => void;
  onDeleted: (clip: Clip) => void;
  /** The cases the clip may be filed in (open ones, and the one it is in). */
  cases: readonly ListedCase[];
}

const day = (iso: string | null) => {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(undefined, { dateStyle: 'medium' });
};

/** One clip read in the panel: its article sanitised again, mentions linked to their cards, nothing remote. */
export function ClipReader({ clip, onBack, onOpenCard, onOpenClip, onSaved, onDeleted, cases }: Props) {
  const [images, setImages] = useState(false);
  const rendered = useMemo(() => readerHtml(clip.html, clip.mentions, { images }), [clip.html, clip.mentions, images]);
  const [tags, setTags] = useState(clip.tags.join(', '));
  const [note, setNote] = useState(clip.note);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const dirty = tags !== clip.tags.join(', ') || note !== clip.note;

  useEffect(() => {
    heading.current?.focus();
  }, []);
  // Opening a clip of a case is an event of its custody log.
  useEffect(() => {
    void sendToBackground('clip.viewed', { clipId: clip.clipId });
  }, [clip.clipId]);
  const fileIn = async (event: Event) => {
    const value = (event.currentTarget as HTMLSelectElement).value;
    const result = await sendToBackground('clip.case', { clipId: clip.clipId, caseId: value || null });
    if (!result.ok) return setStatus(`Could not move the clip: ${result.error}`);
    onSaved(result.value);
    const to = cases.find((c) => c.caseId === value);
    setStatus(to ? `Filed in “${to.name}”.` : 'Taken out of its case.');
  };
  const choices = cases.filter((c) => c.status === 'open' || c.caseId === clip.caseId);

  // Listening from the moment the reader is drawn (a layout effect), so that an Escape pressed at once is heard.
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      // Escape in a field with unsaved words does not throw them away.
      const field = (event.target as Element | null)?.closest?.('input, textarea');
      if (field && dirty) return;
      event.preventDefault();
      onBack();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onBack, dirty]);

  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const result = await sendToBackground('clip.update', { clipId: clip.clipId, tags: normaliseTags(tags), note });
    setBusy(false);
    if (!result.ok) return setStatus(`Could not save: ${result.error}`);
    setTags(result.value.tags.join(', '));
    setNote(result.value.note);
    setStatus('Saved the tags and note.');
    onSaved(result.value);
  };
  const remove = async () => {
    const result = await sendToBackground('clip.delete', { clipId: clip.clipId });
    if (result.ok) onDeleted(clip);
    else setStatus(`Could not delete: ${result.error}`);
  };
  // A mention is a link to its card in the panel; the article's other links open in a new tab.
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const follow = (event: MouseEvent) => {
      const mention = (event.target as Element).closest?.('a.mention[data-card]');
      if (!mention) return;
      event.preventDefault();
      onOpenCard((mention as HTMLElement).dataset.card ?? '');
    };
    const element = body.current;
    element?.addEventListener('click', follow);
    return () => element?.removeEventListener('click', follow);
  }, [onOpenCard]);

  const site = siteOfClip(clip);
  const published = day(clip.published);
  return (
    <article class="reader" aria-labelledby="clip-title">
      <button type="button" class="back link" onClick={onBack}>
        ← Clips
      </button>
      <h2 id="clip-title" tabIndex={-1} ref={heading}>
        {clip.title}
      </h2>
      <p class="reader-meta">
        {[...new Set([clip.byline, site])].filter(Boolean).join(' · ')}
        {clip.byline || site ? <br /> : null}
        {published ? `Published ${published} · ` : ''}Clipped {day(clip.clipped)}
        {clip.updated.slice(0, 10) !== clip.clipped.slice(0, 10) ? ` · updated ${day(clip.updated)}` : ''}
      </p>
      <p class="reader-actions">
        {safeLink(clip.url) ? (
          <SafeLink class="btn" href={clip.url}>
            Open the source
          </SafeLink>
        ) : null}
        {clip.pdf?.kept ? (
          <a
            class="btn"
            href={browser.runtime.getURL(`pdf.html?clip=${clip.clipId}`)}
            target="_blank"
            rel="noreferrer"
            title="The PDF file kept with this clip, in Dossier’s reader (no network)"
          >
            Open the kept PDF
          </a>
        ) : null}
        <button
          type="button"
          class="btn"
          onClick={() =>
            void exportMarkdown(clip).then(() =>
              sendToBackground('clip.exported', { clipId: clip.clipId, format: 'markdown' }),
            )
          }
        >
          Export Markdown
        </button>
        <button type="button" class="btn danger" onClick={() => void remove()}>
          Delete clip
        </button>
        <ShareWith
          onNotice={setStatus}
          share={async (team) => {
            const result = await sendToBackground('clip.share', { clipId: clip.clipId, team });
            return result.ok ? `Shared with ${team}, with its tags and note.` : `Could not share: ${result.error}`;
          }}
        />
      </p>
      <label class="clip-case">
        Case
        <select value={clip.caseId ?? ''} onChange={(event) => void fileIn(event)}>
          <option value="">No case</option>
          {choices.map((c) => (
            <option key={c.caseId} value={c.caseId}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <Captures clipId={clip.clipId} />
      <form class="editor clip-notes" onSubmit={(event) => void save(event)}>
        <div class="field">
          <label for="clip-tags">Tags</label>
          <input
            id="clip-tags"
            value={tags}
            aria-describedby="clip-tags-hint"
            onInput={(event) => setTags(event.currentTarget.value)}
          />
          <p class="hint" id="clip-tags-hint">
            Separated by commas.
          </p>
        </div>
        <div class="field">
          <label for="clip-note">Note</label>
          <textarea
            id="clip-note"
            rows={2}
            maxLength={MAX_CLIP_NOTE}
            value={note}
            onInput={(event) => setNote(event.currentTarget.value)}
          />
        </div>
        <div class="form-row">
          <button type="submit" class="btn primary" disabled={busy || !dirty}>
            Save tags and note
          </button>
          <span role="status" class="saved">
            {status}
          </span>
        </div>
      </form>
      {clip.brief ? (
        <details class="clip-brief" open>
          <summary>Brief, as clipped</summary>
          <BriefView brief={clip.brief} onOpenCard={onOpenCard} onOpenClip={onOpenClip} />
        </details>
      ) : null}
      <p class="reader-mentions">
        {clip.mentions.length === 0
          ? 'No mentions of your cards.'
          : `${rendered.painted} of ${clip.mentions.length} mentions marked: each opens its card.`}
        {rendered.remote > 0 ? (
          <>
            {' '}
            <button type="button" class="btn" onClick={() => setImages(true)}>
              Show images ({rendered.remote})
            </button>
          </>
        ) : null}
      </p>
      <div
        class="reader-body"
        ref={body}
        lang={clip.lang ?? undefined}
        // Sanitised again by readerHtml (DOMPurify), above.
        dangerouslySetInnerHTML={{ __html: rendered.html }}
      />
    </article>
  );
}
