import { render } from 'preact';
import { keepBeside } from '../float';
import { Popover, type PopoverProps } from './Popover';

/** A mounted popover: update it in place, or remove it. */
export interface PopoverHandle {
  /** Shows the popover beside `anchor`; with `focus`, moves keyboard focus into it. */
  update(props: PopoverProps, anchor: Range, focus?: boolean): void;
  hide(): void;
  /** Whether keyboard focus is inside the popover. */
  hasFocus(): boolean;
  readonly element: HTMLElement;
}

/** Mounts the popover into a shadow root and keeps it beside its anchor range, inside the viewport. */
export function mountPopover(root: ShadowRoot): PopoverHandle {
  const frame = root.ownerDocument.createElement('div');
  frame.className = 'frame';
  frame.hidden = true;
  root.append(frame);
  let stop: (() => void) | null = null;

  const place = (anchor: Range) => {
    stop?.();
    stop = keepBeside(frame, anchor, 'bottom-start');
  };

  return {
    element: frame,
    update(props, anchor, focus = false) {
      render(<Popover {...props} />, frame);
      frame.hidden = false;
      place(anchor);
      if (focus) frame.querySelector<HTMLElement>('[role="dialog"]')?.focus({ preventScroll: true });
    },
    hide() {
      stop?.();
      stop = null;
      frame.hidden = true;
    },
    hasFocus() {
      return root.activeElement !== null && frame.contains(root.activeElement);
    },
  };
}
