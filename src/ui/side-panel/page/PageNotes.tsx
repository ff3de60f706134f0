import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { sendToBackground } from '../../../messaging/client';
import type { PageAnnotations } from '../../../messaging/protocol';
import { readEnvelope } from '../../../messaging/router';
import { type AnchoredAnnotation, MAX_NOTE, noteOf, quoteOf, withNote } from '../../../model/annotation';
import { download } from '../../options/download';
import { ShareWith } from '../../ShareWith';

/** Loads a tab's highlights and notes, and again whenever the tab's page reports a change. */
function usePageAnnotations(tabId: number): { page: PageAnnotations | null; reload: () => void } {
  const [page, setPage] = useState<PageAnnotations | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    const load = () =>
      void sendToBackground('tab.annotations', { tabId }).then((result) => {
        if (live) setPage(result.ok ? result.value : { source: null, items: [] });
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
  }, [tabId, version]);
  return { page, reload: () => setVersion((n) => n + 1) };
}

/** On a PDF its page; when an annotation was last changed, and "Show" to scroll the page to it (when it is on the page). */
function WhenAndShow({ item, tabId }: { item: AnchoredAnnotation; tabId: number }) {
  const { annotation, anchored } = item;
  return (
    <>
      {item.page ? <span class="note-page">Page {item.page}</span> : null}
      <time dateTime={annotation.modified}>{new Date(annotation.modified).toLocaleString()}</time>
      {anchored ? (
        <button
          type="button"
          class="link"
          onClick={() => void sendToBackground('annotation.reveal', { tabId, id: annotation.id })}
        >
          Show
        </button>
      ) : null}
    </>
  );
}

/** A teammate's highlight or note: its author and time, shown, not editable here. */
function SharedItem({ item, tabId }: { item: AnchoredAnnotation; tabId: number }) {
  const { annotation, anchored } = item;
  const note = noteOf(annotation);
  return (
    <li class={anchored ? 'own-note shared-note' : 'own-note shared-note orphan'}>
      <blockquote>{quoteOf(annotation)}</blockquote>
      {!anchored ? <p class="orphan-label">Not found on this page (the text changed).</p> : null}
      {note ? <p class="notes">{note}</p> : null}
      <p class="own-meta">
        <span class="author">
          {annotation.creator?.name}
          {annotation.creator?.team ? ` in ${annotation.creator.team}` : ''}
        </span>
        <WhenAndShow item={item} tabId={tabId} />
      </p>
    </li>
  );
}

function NoteItem({
  item,
  tabId,
  onNotice,
}: {
  item: AnchoredAnnotation;
  tabId: number;
  onNotice: (s: string) => void;
}) {
  const { annotation, anchored } = item;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(noteOf(annotation));
  const note = noteOf(annotation);
  const save = async () => {
    const result = await sendToBackground('annotation.save', { annotation: withNote(annotation, text) });
    if (result.ok) setEditing(false);
    onNotice(result.ok ? 'Note saved.' : `Could not save the note: ${result.error}`);
  };
  const remove = async () => {
    const result = await sendToBackground('annotation.delete', { source: annotation.target.source, id: annotation.id });
    onNotice(result.ok ? 'Highlight deleted.' : `Could not delete: ${result.error}`);
  };
  const id = annotation.id.slice(-12);
  return (
    <li class={anchored ? 'own-note' : 'own-note orphan'}>
      <blockquote>{quoteOf(annotation)}</blockquote>
      {!anchored ? <p class="orphan-label">Not found on this page (the text changed); kept here.</p> : null}
      {editing ? (
        <form
          class="editor"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <div class="field">
            <label for={`note-${id}`}>Note</label>
            <textarea
              id={`note-${id}`}
              rows={3}
              maxLength={MAX_NOTE}
              value={text}
              onInput={(event) => setText(event.currentTarget.value)}
            />
          </div>
          <div class="actions">
            <button type="submit" class="btn">
              Save
            </button>
            <button type="button" class="btn" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : note ? (
        <p class="notes">{note}</p>
      ) : null}
      <p class="own-meta">
        <WhenAndShow item={item} tabId={tabId} />
        {editing ? null : (
          <button type="button" class="link" onClick={() => setEditing(true)}>
            {note ? 'Edit note' : 'Add note'}
          </button>
        )}
        <button type="button" class="link" onClick={() => void remove()}>
          Delete
        </button>
      </p>
    </li>
  );
}

/** The user's highlights and notes on the page: anchored ones in page order, orphans listed, never dropped. */
export function PageNotes({ tabId, onNotice }: { tabId: number; onNotice: (notice: string) => void }) {
  const { page, reload } = usePageAnnotations(tabId);
  const setNotice = onNotice;
  const all = page?.items ?? [];
  const items = all.filter((i) => !i.annotation.creator);
  const shared = all.filter((i) => i.annotation.creator);
  const orphans = items.filter((i) => !i.anchored).length;

  const exportPage = async () => {
    const result = await sendToBackground('annotations.export', { tabId });
    if (result.ok) download(result.value);
    else setNotice(result.error);
  };
  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const result = await sendToBackground('annotations.import', { text: await file.text() });
    setNotice(
      result.ok
        ? `Imported ${result.value.imported} highlights and notes for ${result.value.pages} page${result.value.pages === 1 ? '' : 's'}.`
        : result.error,
    );
    reload();
  };

  return (
    <section class="own-notes" aria-labelledby="own-notes-title">
      <h2 id="own-notes-title">
        Your highlights and notes <span class="badge">{items.length}</span>
      </h2>
      {items.length === 0 ? (
        <p class="empty">Select text on the page to highlight it or add a note.</p>
      ) : (
        <>
          {orphans > 0 ? (
            <p class="orphan-label">{orphans} could not be found on the page as it is now; they stay listed here.</p>
          ) : null}
          <ul class="own-list">
            {items.map((item) => (
              <NoteItem key={item.annotation.id} item={item} tabId={tabId} onNotice={setNotice} />
            ))}
          </ul>
        </>
      )}
      <div class="actions">
        <button type="button" class="btn" disabled={items.length === 0} onClick={() => void exportPage()}>
          Export (JSON-LD)
        </button>
        <label class="btn file-button">
          Import…
          <input
            type="file"
            accept=".jsonld,.json,application/ld+json,application/json"
            class="visually-hidden"
            onChange={(event) => void importFile(event.currentTarget)}
          />
        </label>
        <ShareWith
          disabled={items.length === 0}
          onNotice={setNotice}
          share={async (team) => {
            const result = await sendToBackground('annotations.share', { tabId, team });
            if (!result.ok) return `Could not share: ${result.error}`;
            const n = result.value.shared;
            return `Shared ${n} highlight${n === 1 ? '' : 's'} and note${n === 1 ? '' : 's'} with ${team}; later changes follow.`;
          }}
        />
      </div>
      {shared.length > 0 ? (
        <>
          <h3 id="team-notes-title">
            From your teams <span class="badge">{shared.length}</span>
          </h3>
          <ul class="own-list" aria-labelledby="team-notes-title">
            {shared.map((item) => (
              <SharedItem key={item.annotation.id} item={item} tabId={tabId} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
