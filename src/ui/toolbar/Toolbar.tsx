import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { MAX_NOTE } from '../../model/annotation';

/** What the toolbar shows: actions on a selection, the note editor, or a highlight the user clicked. */
export type ToolbarMode =
  | { kind: 'selection' }
  | { kind: 'editor'; note: string }
  | { kind: 'highlight'; note: string }
  /** A teammate's highlight or note: read only, with its author and time. */
  | { kind: 'shared'; note: string; author: string; team: string | null; at: string };

/** The toolbar's actions; each is a user's click (or key) on one of its buttons. */
export interface ToolbarActions {
  onHighlight: () => void;
  /** Opens the note editor (on a selection, or on the clicked highlight). */
  onEdit: () => void;
  onSave: (note: string) => void;
  onDelete: () => void;
  onClose: () => void;
}

export interface ToolbarProps extends ToolbarActions {
  mode: ToolbarMode;
  status: string | null;
}

/** Keeps the page's selection when a toolbar button is pressed (the click still happens). */
const keepSelection = (event: MouseEvent) => event.preventDefault();

function Editor({ note, onSave, onClose }: { note: string } & Pick<ToolbarActions, 'onSave' | 'onClose'>) {
  const [text, setText] = useState(note);
  const area = useRef<HTMLTextAreaElement>(null);
  // Before the browser's next task, so that keys typed right after the click land in the note.
  useLayoutEffect(() => area.current?.focus({ preventScroll: true }), []);
  return (
    <form
      class="note-editor"
      aria-label="Note"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(text);
      }}
    >
      <label for="note-text">Note</label>
      <textarea
        id="note-text"
        ref={area}
        rows={4}
        maxLength={MAX_NOTE}
        value={text}
        onInput={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            onSave(text);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            onClose();
          }
        }}
      />
      <div class="row">
        <button type="submit" class="primary">
          Save
        </button>
        <button type="button" class="plain" onClick={onClose}>
          Cancel
        </button>
        <span class="hint">Ctrl+Enter saves</span>
      </div>
    </form>
  );
}

/** The small toolbar beside a selection or a highlight of the user's. */
export function Toolbar(props: ToolbarProps) {
  const { mode, status } = props;
  return (
    <div class="toolbar">
      {mode.kind === 'selection' && (
        <div role="toolbar" aria-label="Dossier: annotate the selection" class="row" onMouseDown={keepSelection}>
          <button type="button" class="primary" onClick={props.onHighlight}>
            Highlight
          </button>
          <button type="button" class="plain" onClick={props.onEdit}>
            Add note
          </button>
        </div>
      )}
      {mode.kind === 'editor' && <Editor note={mode.note} onSave={props.onSave} onClose={props.onClose} />}
      {mode.kind === 'highlight' && (
        <section aria-label="Your highlight">
          {mode.note ? <p class="note">{mode.note}</p> : <p class="note empty">Highlighted, no note.</p>}
          <div class="row">
            <button type="button" class="plain" onClick={props.onEdit}>
              {mode.note ? 'Edit note' : 'Add note'}
            </button>
            <button type="button" class="plain" onClick={props.onDelete}>
              Delete
            </button>
          </div>
        </section>
      )}
      {mode.kind === 'shared' && (
        <section aria-label={`${mode.author}’s highlight`}>
          <p class="byline">
            {mode.author}
            {mode.team ? ` in ${mode.team}` : ''} · <time dateTime={mode.at}>{new Date(mode.at).toLocaleString()}</time>
          </p>
          {mode.note ? <p class="note">{mode.note}</p> : <p class="note empty">Highlighted, no note.</p>}
          <div class="row">
            <button type="button" class="plain" onClick={props.onClose}>
              Close
            </button>
          </div>
        </section>
      )}
      {status && (
        <p class="status" role="status">
          {status}
        </p>
      )}
    </div>
  );
}
