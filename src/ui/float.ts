import { autoUpdate, computePosition, flip, offset, type Placement, shift } from '@floating-ui/dom';

/**
 * Keeps a floating frame (the popover, the annotation toolbar) beside a range of the page and inside the
 * viewport, following scrolls and resizes; returns the function that stops following.
 */
export function keepBeside(frame: HTMLElement, anchor: Range, placement: Placement): () => void {
  const reference = {
    getBoundingClientRect: () => anchor.getBoundingClientRect(),
    getClientRects: () => anchor.getClientRects(),
  };
  return autoUpdate(reference, frame, () => {
    void computePosition(reference, frame, {
      placement,
      strategy: 'fixed',
      middleware: [offset(placement.startsWith('top') ? 8 : 6), flip({ padding: 8 }), shift({ padding: 8 })],
    }).then(({ x, y }) => {
      frame.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
    });
  });
}
