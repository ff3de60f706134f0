import { mountToolbar, type ToolbarHandle } from '../ui/toolbar/mount';
import type { ToolbarMode } from '../ui/toolbar/Toolbar';
import { ensureHost, isOurs } from './host';
import type { OwnNotes, Placed } from './own-notes';

type CaretFromPoint = (x: number, y: number) => CaretPosition | null;

const sameRange = (a: Range, b: Range) =>
  a.compareBoundaryPoints(Range.START_TO_START, b) === 0 && a.compareBoundaryPoints(Range.END_TO_END, b) === 0;

/** Whether a node is inside something the user types into (their selection there is not page text). */
function inEditable(node: Node): boolean {
  const element = node instanceof Element ? node : node.parentElement;
  return element?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') != null;
}

/**
 * The annotation toolbar: selecting text of the page shows "Highlight" and "Add note" beside it; clicking one
 * of the user's highlights shows its note with "Edit note" and "Delete". Created on first need, inside the
 * one host element; nothing is added to the page before the user selects or clicks.
 */
export function watchSelection(
  doc: Document,
  notes: OwnNotes,
  signal: AbortSignal,
  isAlive: () => boolean,
): { annotateSelection(): boolean } {
  let toolbar: ToolbarHandle | null = null;
  /** What the toolbar acts on: a copy of the selection's range, or the clicked highlight. */
  let target: { range: Range; placed: Placed | null } | null = null;
  let mode: ToolbarMode | null = null;
  let timer = 0;

  const hide = () => {
    toolbar?.hide();
    target = null;
    mode = null;
  };

  const show = (next: ToolbarMode, status: string | null = null, focus = false) => {
    if (!target) return;
    mode = next;
    const host = ensureHost(doc);
    toolbar ??= mountToolbar(host.root);
    toolbar.update(
      {
        mode: next,
        status,
        onHighlight: () => void save(''),
        onEdit: () => show({ kind: 'editor', note: target?.placed ? noteOf(target.placed) : '' }),
        onSave: (note) => void save(note),
        onDelete: () => void remove(),
        onClose: hide,
      },
      target.range,
      focus,
    );
  };

  const noteOf = (placed: Placed) => placed.annotation.body.map((b) => b.value).join('\n\n');

  const save = async (note: string) => {
    const current = target;
    if (!current || !isAlive()) return;
    const result = current.placed
      ? await notes.setNote(current.placed.annotation.id, note)
      : await notes.create(current.range, note);
    if (target !== current) return;
    if (!result.ok) return show(mode ?? { kind: 'selection' }, result.error ?? 'Could not save.');
    hide();
    // The selection that was highlighted is cleared (not one the user made since).
    const selection = doc.getSelection();
    if (!current.placed && selection?.rangeCount && sameRange(selection.getRangeAt(0), current.range)) {
      selection.removeAllRanges();
    }
  };

  const remove = async () => {
    const current = target;
    if (!current?.placed || !isAlive()) return;
    const result = await notes.remove(current.placed.annotation.id);
    if (target !== current) return;
    if (!result.ok) return show(mode ?? { kind: 'selection' }, result.error ?? 'Could not delete.');
    hide();
  };

  /** After a pointer or key release: a selection of page text gets the toolbar (focused from the keyboard command). */
  const check = (focus = false): boolean => {
    timer = 0;
    if (!isAlive() || mode?.kind === 'editor') return false;
    const selection = doc.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) {
      if (mode?.kind === 'selection') hide();
      return false;
    }
    const range = selection.getRangeAt(0);
    const container = range.commonAncestorContainer;
    if (isOurs(container) || inEditable(container) || !/[\p{L}\p{N}]/u.test(range.toString())) return false;
    if (!notes.enabled || !notes.sourceOf()) return false;
    target = { range: range.cloneRange(), placed: null };
    show({ kind: 'selection' }, null, focus);
    return true;
  };
  const later = (event: Event) => {
    if (!timer && !isOurs(event.target as Node)) timer = window.setTimeout(() => check(), 0);
  };

  /** A click on one of the user's highlights (with nothing selected) shows its note. */
  const onClick = (event: MouseEvent) => {
    if (!isAlive() || isOurs(event.target as Node) || !doc.getSelection()?.isCollapsed) return;
    const caret = (doc.caretPositionFromPoint as CaretFromPoint | undefined)?.call(doc, event.clientX, event.clientY);
    const placed = caret ? notes.at(caret.offsetNode, caret.offset) : null;
    if (!placed) {
      if (mode?.kind === 'highlight') hide();
      return;
    }
    const range = notes.rangeOf(placed.annotation.id);
    if (!range) return;
    target = { range, placed };
    const { creator, modified } = placed.annotation;
    show(
      creator
        ? { kind: 'shared', note: noteOf(placed), author: creator.name, team: creator.team ?? null, at: modified }
        : { kind: 'highlight', note: noteOf(placed) },
    );
  };

  const onPointerDown = (event: PointerEvent) => {
    if (mode && mode.kind !== 'editor' && !isOurs(event.target as Node)) hide();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && mode && mode.kind !== 'editor') hide();
  };

  const options = { capture: true, passive: true, signal };
  doc.addEventListener('pointerup', later, options);
  doc.addEventListener('keyup', later, options);
  doc.addEventListener('click', onClick, options);
  doc.addEventListener('pointerdown', onPointerDown, options);
  doc.addEventListener('keydown', onKeyDown, options);
  signal.addEventListener('abort', hide);
  return { annotateSelection: () => check(true) };
}
