import { render } from 'preact';
import { keepBeside } from '../float';
import { Toolbar, type ToolbarProps } from './Toolbar';

/** A mounted toolbar: update it in place, or hide it. */
export interface ToolbarHandle {
  /** Shows the toolbar beside `anchor`; with `focus`, moves keyboard focus to its first control. */
  update(props: ToolbarProps, anchor: Range, focus?: boolean): void;
  hide(): void;
  readonly element: HTMLElement;
}

/** Mounts the annotation toolbar into a shadow root and keeps it above its range, inside the viewport. */
export function mountToolbar(root: ShadowRoot): ToolbarHandle {
  const frame = root.ownerDocument.createElement('div');
  frame.className = 'toolbar-frame';
  frame.hidden = true;
  root.append(frame);
  let stop: (() => void) | null = null;
  let placed: Range | null = null;

  const place = (anchor: Range) => {
    if (placed === anchor && stop) return;
    placed = anchor;
    stop?.();
    stop = keepBeside(frame, anchor, 'top-start');
  };

  return {
    element: frame,
    update(props, anchor, focus = false) {
      render(<Toolbar {...props} />, frame);
      frame.hidden = false;
      place(anchor);
      if (focus) frame.querySelector<HTMLElement>('button, textarea')?.focus({ preventScroll: true });
    },
    hide() {
      stop?.();
      stop = null;
      placed = null;
      frame.hidden = true;
      render(null, frame);
    },
  };
}
