import type { Painted, Painter } from './paint';

type CaretFromPoint = (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => CaretPosition | null;

/** Finds the painted mention under a point, or null. */
export type HitTest = (x: number, y: number) => Painted | null;

/** Hit-tests painted mentions with the caret position under the pointer (the page's DOM is never touched). */
export function createHitTest(doc: Document, painter: Painter, shadowRoots: () => ShadowRoot[]): HitTest {
  return (x, y) => {
    if (painter.painted.size === 0) return null;
    // Without the shadow roots named, the caret stops at their host (Chromium 128+ takes the option).
    const caret = (doc.caretPositionFromPoint as CaretFromPoint | undefined)?.call(doc, x, y, {
      shadowRoots: shadowRoots(),
    });
    if (!caret) return null;
    for (const item of painter.at(caret.offsetNode)) {
      if (!item.range.isPointInRange(caret.offsetNode, caret.offset)) continue;
      // The caret snaps to the nearest text even past a line's end: check the pointer is on the mention.
      for (const rect of item.range.getClientRects()) {
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return item;
      }
    }
    return null;
  };
}
