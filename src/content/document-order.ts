/*
 * Document order across shadow trees: Range.compareBoundaryPoints throws for ranges in different trees, and
 * compareDocumentPosition calls nodes of different trees disconnected. A node in a shadow tree is placed where
 * its host is, after the host itself (its shadow content renders inside it).
 */

/** The node, then its shadow host, then that host's host…, up to a node of the document tree. */
function hostChain(node: Node): Node[] {
  const chain: Node[] = [node];
  let root = node.getRootNode();
  while (root instanceof ShadowRoot) {
    chain.push(root.host);
    root = root.host.getRootNode();
  }
  return chain.reverse();
}

/** Compares two boundary points in composed document order: negative when `a` comes first. */
export function compareComposed(a: Node, aOffset: number, b: Node, bOffset: number): number {
  if (a === b) return aOffset - bOffset;
  const chainA = hostChain(a);
  const chainB = hostChain(b);
  let i = 0;
  while (i < chainA.length && i < chainB.length && chainA[i] === chainB[i]) i++;
  // One is the host of the other's tree: the host comes first.
  if (i === chainA.length) return -1;
  if (i === chainB.length) return 1;
  const position = chainA[i]!.compareDocumentPosition(chainB[i]!);
  if (position & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
  if (position & Node.DOCUMENT_POSITION_PRECEDING) return 1;
  return 0;
}

/** Compares two ranges' starts in composed document order. */
export function compareRanges(a: AbstractRange, b: AbstractRange): number {
  return compareComposed(a.startContainer, a.startOffset, b.startContainer, b.startOffset);
}
