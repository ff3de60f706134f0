import type { Painted } from './paint';

/** Finds the painted mention under a point, or null. */
export type HitTest = (x: number, y: number) => Painted | null;

/** Indexes painted mentions by the text nodes they start in, for hit-testing with the caret position. */
export function createHitTest(painted: readonly Painted[]): HitTest {
  const byNode = new Map<Node, Painted[]>();
  for (const item of painted) {
    for (const node of nodesOf(item.range)) {
      const list = byNode.get(node);
      if (list) list.push(item);
      else byNode.set(node, [item]);
    }
  }
  return (x, y) => {
    const caret = document.caretPositionFromPoint?.(x, y);
    if (!caret) return null;
    const candidates = byNode.get(caret.offsetNode);
    if (!candidates) return null;
    for (const item of candidates) {
      if (!item.range.isPointInRange(caret.offsetNode, caret.offset)) continue;
      // The caret snaps to the nearest text even past a line's end: check the pointer is on the mention.
      for (const rect of item.range.getClientRects()) {
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return item;
      }
    }
    return null;
  };
}

/** The text nodes a range starts in, ends in, and covers in between. */
function nodesOf(range: Range): Node[] {
  if (range.startContainer === range.endContainer) return [range.startContainer];
  const nodes: Node[] = [range.startContainer];
  const walker = document.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  walker.currentNode = range.startContainer;
  for (let node = walker.nextNode(); node && node !== range.endContainer; node = walker.nextNode()) nodes.push(node);
  nodes.push(range.endContainer);
  return nodes;
}
