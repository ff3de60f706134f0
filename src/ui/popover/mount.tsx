import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';
import { render } from 'preact';
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
    const reference = {
      getBoundingClientRect: () => anchor.getBoundingClientRect(),
      getClientRects: () => anchor.getClientRects(),
    };
    stop?.();
    stop = autoUpdate(reference, frame, () => {
      void computePosition(reference, frame, {
        placement: 'bottom-start',
        strategy: 'fixed',
        middleware: [offset(6), flip({ padding: 8 }), shift({ padding: 8 })],
      }).then(({ x, y }) => {
        frame.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      });
    });
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
