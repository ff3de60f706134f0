import { closedShadowRootReader } from './browser/closed-shadow-root';
import { BLOCK_BREAK, isBlockBoundary, SKIPPED } from './text-rules';

export { BLOCK_BREAK } from './text-rules';

/** The visible text of a document (or part of it) with a map from text offsets back to its text nodes. */
export interface PageText {
  text: string;
  /** Text nodes in document order. */
  nodes: Text[];
  /** Offset in `text` at which each node's data starts. */
  starts: number[];
}

/** Finds an element's shadow root, open or closed (content scripts may see closed ones). */
export type ShadowLookup = (element: Element) => ShadowRoot | null;

/**
 * The elements that may host a shadow root besides custom elements (whose names have a hyphen): the DOM's
 * valid shadow host names. `attachShadow` (and a declarative shadow root) refuses any other element.
 */
const SHADOW_HOSTS = new Set([
  'article',
  'aside',
  'blockquote',
  'body',
  'div',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'main',
  'nav',
  'p',
  'section',
  'span',
]);

/** Whether an element can host a shadow root at all: an HTML element of a valid shadow host name. */
export function mayHostShadow(element: Element): element is HTMLElement {
  const name = element.localName;
  return element instanceof HTMLElement && (name.includes('-') || SHADOW_HOSTS.has(name));
}

/** The shadow root lookup of the content script's world, or the open one only outside an extension. */
export function defaultShadowLookup(): ShadowLookup {
  const closed = closedShadowRootReader();
  // Reading a closed root costs a call into the browser (an extension API in Chromium, through Firefox's X-ray
  // wrapper there): asked only of the elements that can have one, about half of a news page's.
  if (closed) return (element) => element.shadowRoot ?? (mayHostShadow(element) ? closed(element) : null);
  return (element) => element.shadowRoot;
}

/** Options of a collection. */
export interface CollectOptions {
  /** Our own UI, which is never page text. */
  exclude?: Node | null;
  shadowRoot?: ShadowLookup;
  /** Called with each shadow root entered, so that it can be watched for changes. */
  onShadowRoot?: (root: ShadowRoot) => void;
}

/**
 * Collects visible text in slices: call `step(deadline)` until it returns true, then read `result()`. A block
 * boundary (or a <br>, or a shadow root's edge) between two text nodes becomes a line break in the text, so two
 * blocks never glue two words; inline elements (<b>Ali</b>baba) do not break a word.
 */
export class TextCollector {
  private readonly parts: string[] = [];
  private readonly nodes: Text[] = [];
  private readonly starts: number[] = [];
  private length = 0;
  private lastBlock: Element | null = null;
  private pendingBreak = false;
  private readonly walkers: TreeWalker[];
  private readonly lookup: ShadowLookup;
  private readonly filter: NodeFilter;

  constructor(
    root: Node,
    private readonly options: CollectOptions = {},
  ) {
    this.lookup = options.shadowRoot ?? defaultShadowLookup();
    const exclude = options.exclude ?? null;
    this.filter = {
      acceptNode(node) {
        if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
        const el = node as Element;
        if (el === exclude || SKIPPED.has(el.localName)) return NodeFilter.FILTER_REJECT;
        if (el.hasAttribute('hidden') || (el as HTMLElement).isContentEditable) return NodeFilter.FILTER_REJECT;
        if (!el.checkVisibility()) {
          // display: contents has no box of its own, yet its children show.
          return getComputedStyle(el).display === 'contents' ? NodeFilter.FILTER_SKIP : NodeFilter.FILTER_REJECT;
        }
        return NodeFilter.FILTER_ACCEPT;
      },
    };
    this.walkers = [this.walker(root)];
  }

  private walker(root: Node): TreeWalker {
    const doc = root.ownerDocument ?? (root as Document);
    return doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, this.filter);
  }

  /** Collects until `deadline` (a `performance.now()` time); true when the whole root was walked. */
  step(deadline = Number.POSITIVE_INFINITY): boolean {
    let budget = 0;
    while (this.walkers.length > 0) {
      const walker = this.walkers[this.walkers.length - 1]!;
      const node = walker.nextNode();
      if (!node) {
        this.walkers.pop();
        this.pendingBreak = true; // the edge of a shadow root is a block edge
        continue;
      }
      if (node.nodeType === Node.TEXT_NODE) this.addText(node as Text);
      else this.enter(node as Element);
      // Reading the clock costs more than a node: look every 64 nodes.
      if ((++budget & 63) === 0 && performance.now() > deadline) return this.walkers.length === 0;
    }
    return true;
  }

  private enter(el: Element): void {
    if (el.localName === 'br') this.pendingBreak = true;
    const shadow = this.lookup(el);
    if (shadow) {
      this.options.onShadowRoot?.(shadow);
      this.pendingBreak = true;
      this.walkers.push(this.walker(shadow));
    }
  }

  private addText(node: Text): void {
    const data = node.data;
    if (data.length === 0) return;
    const block = blockOf(node);
    if ((this.pendingBreak || block !== this.lastBlock) && this.length > 0) {
      this.parts.push(BLOCK_BREAK);
      this.length += BLOCK_BREAK.length;
    }
    this.pendingBreak = false;
    this.lastBlock = block;
    this.nodes.push(node);
    this.starts.push(this.length);
    this.parts.push(data);
    this.length += data.length;
  }

  /** How many text nodes were collected so far. */
  get size(): number {
    return this.nodes.length;
  }

  /** The text collected so far. */
  result(): PageText {
    return { text: this.parts.join(''), nodes: this.nodes, starts: this.starts };
  }
}

/** Walks a root's visible text at once (tests, small parts of a page). */
export function collectText(root: Node, exclude: Node | null = null): PageText {
  const collector = new TextCollector(root, { exclude });
  collector.step();
  return collector.result();
}

/** The nearest ancestor that starts a block (not an inline element). */
export function blockOf(node: Node): Element | null {
  let el = node.parentElement;
  while (el && !isBlockBoundary(el)) el = el.parentElement;
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

/**
 * Where the text's block breaks are: the line breaks put between two blocks, as opposed to those inside a text
 * node (a page's source formatting), which are part of a paragraph.
 */
export function blockBreaks(page: PageText): number[] {
  const breaks: number[] = [];
  for (let i = 1; i < page.starts.length; i++) {
    const end = page.starts[i - 1]! + page.nodes[i - 1]!.data.length;
    if (page.starts[i]! > end) breaks.push(end);
  }
  return breaks;
}

/** Joins several collected parts into one text, each part a block of its own. */
export function joinParts(parts: readonly PageText[]): PageText {
  const texts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  for (const part of parts) {
    if (part.nodes.length === 0) continue;
    if (length > 0) {
      texts.push(BLOCK_BREAK);
      length += BLOCK_BREAK.length;
    }
    for (let i = 0; i < part.nodes.length; i++) {
      nodes.push(part.nodes[i]!);
      starts.push(part.starts[i]! + length);
    }
    texts.push(part.text);
    length += part.text.length;
  }
  return { text: texts.join(''), nodes, starts };
}
