/** The visible text of a document with a map from text offsets back to its text nodes. */
export interface PageText {
  text: string;
  /** Text nodes in document order. */
  nodes: Text[];
  /** Offset in `text` at which each node's data starts. */
  starts: number[];
}

/** Elements whose content a reader never sees as page text. */
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'SVG',
  'MATH',
  'HEAD',
  'TITLE',
]);

/** Elements that flow inside a line; every other element starts a new block, which separates words. */
const INLINE = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'CODE',
  'DATA',
  'DEL',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'KBD',
  'LABEL',
  'MARK',
  'NOBR',
  'Q',
  'RUBY',
  'RT',
  'S',
  'SAMP',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'TT',
  'U',
  'VAR',
  'WBR',
]);

/** The separator put between blocks: a character no name contains. */
export const BLOCK_BREAK = '\n';

/**
 * Walks a root's visible text once. `exclude` is our own UI, which is never page text. A block boundary
 * (or a <br>) between two text nodes becomes a line break in `text`, so two blocks never glue two words.
 */
export function collectText(root: Node, exclude: Node | null = null): PageText {
  const doc = root.ownerDocument ?? (root as Document);
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  let lastBlock: Element | null = null;
  let pendingBreak = false;

  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      const el = node as Element;
      if (el === exclude || SKIPPED.has(el.tagName.toUpperCase())) return NodeFilter.FILTER_REJECT;
      if ((el as HTMLElement).isContentEditable || el.hasAttribute('hidden')) return NodeFilter.FILTER_REJECT;
      if (!el.checkVisibility()) {
        // display: contents has no box of its own, yet its children show.
        return getComputedStyle(el).display === 'contents' ? NodeFilter.FILTER_SKIP : NodeFilter.FILTER_REJECT;
      }
      return NodeFilter.FILTER_ACCEPT;
    },
  });

  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType !== Node.TEXT_NODE) {
      if ((node as Element).tagName === 'BR') pendingBreak = true;
      continue;
    }
    const textNode = node as Text;
    const data = textNode.data;
    if (data.length === 0) continue;
    const block = blockOf(textNode);
    if ((pendingBreak || block !== lastBlock) && length > 0) {
      parts.push(BLOCK_BREAK);
      length += BLOCK_BREAK.length;
    }
    pendingBreak = false;
    lastBlock = block;
    nodes.push(textNode);
    starts.push(length);
    parts.push(data);
    length += data.length;
  }
  return { text: parts.join(''), nodes, starts };
}

/** The nearest ancestor that is not an inline element. */
function blockOf(node: Node): Element | null {
  let el = node.parentElement;
  while (el && INLINE.has(el.tagName.toUpperCase())) el = el.parentElement;
  return el;
}

/** Finds the text node and offset of a position in `text`; `end` positions attach to the node before. */
export function locate(page: PageText, offset: number, end: boolean): { node: Text; offset: number } | null {
  const { starts, nodes } = page;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = starts[mid]!;
    if (start < offset || (!end && start === offset)) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo];
  const start = starts[lo];
  if (!node || start === undefined) return null;
  const inner = offset - start;
  if (inner < 0 || inner > node.data.length) return null;
  return { node, offset: inner };
}
