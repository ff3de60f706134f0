import type { CardSummary, Mention } from '../model/mention';
import { locate, type PageText } from './collect-text';

/**
 * Highlight registry keys. The page can list them, so they say nothing about Dossier; the styles for them
 * come from the content script's stylesheet (highlights.css), which the page cannot see.
 */
export const HIGHLIGHT_KEYS = {
  entity: 'ann-entity',
  topic: 'ann-topic',
  fuzzy: 'ann-fuzzy',
  focus: 'ann-focus',
} as const;

type Style = 'entity' | 'topic' | 'fuzzy';

/** A painted mention: the mention and the live range it covers. */
export interface Painted {
  mention: Mention;
  range: Range;
  style: Style;
  /** The text nodes the range covered when painted (a removed node's range collapses, these stay). */
  nodes: Node[];
}

/** Which style a mention is painted in. */
export function styleOf(mention: Pick<Mention, 'match'>, card: Pick<CardSummary, 'topic'> | undefined): Style {
  if (mention.match === 'fuzzy') return 'fuzzy';
  return card?.topic ? 'topic' : 'entity';
}

/** Creates the live range of a mention in collected text, or null when the page changed under us. */
export function rangeOf(page: PageText, mention: Pick<Mention, 'start' | 'end'>): Range | null {
  const start = locate(page, mention.start, false);
  const end = locate(page, mention.end, true);
  if (!start || !end) return null;
  const range = start.node.ownerDocument.createRange();
  try {
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
  } catch {
    return null;
  }
  return range.collapsed ? null : range;
}

/**
 * Owns what we paint: one Highlight per style, registered only while it has ranges, and an index of painted
 * mentions by text node for hit-testing. Ranges are added and dropped one by one as the page changes.
 */
export class Painter {
  private readonly highlights = new Map<Style, Highlight>();
  private readonly byNode = new Map<Node, Painted[]>();
  private readonly all = new Set<Painted>();

  /** Every painted mention (insertion order, not document order). */
  get painted(): ReadonlySet<Painted> {
    return this.all;
  }

  /**
   * Paints one mention over a range. When `keep` holds a painted mention of the same card, style and range, that
   * one stays painted (taken out of `keep`) and carries the new mention.
   */
  add(mention: Mention, range: Range, card: CardSummary | undefined, keep?: Set<Painted>): Painted {
    const style = styleOf(mention, card);
    if (keep && keep.size > 0) {
      for (const old of this.byNode.get(range.startContainer) ?? []) {
        if (!keep.has(old) || old.style !== style || old.mention.cardId !== mention.cardId) continue;
        if (!sameBounds(old.range, range)) continue;
        keep.delete(old);
        old.mention = mention;
        return old;
      }
    }
    const item: Painted = { mention, range, style, nodes: nodesOf(range) };
    this.all.add(item);
    let highlight = this.highlights.get(style);
    if (!highlight) {
      highlight = new Highlight();
      this.highlights.set(style, highlight);
      CSS.highlights.set(HIGHLIGHT_KEYS[style], highlight);
    }
    highlight.add(range);
    for (const node of item.nodes) {
      const list = this.byNode.get(node);
      if (list) list.push(item);
      else this.byNode.set(node, [item]);
    }
    return item;
  }

  /** Removes one painted mention. */
  remove(item: Painted): void {
    if (!this.all.delete(item)) return;
    const highlight = this.highlights.get(item.style);
    highlight?.delete(item.range);
    if (highlight && highlight.size === 0) {
      this.highlights.delete(item.style);
      CSS.highlights.delete(HIGHLIGHT_KEYS[item.style]);
    }
    for (const node of item.nodes) {
      const list = this.byNode.get(node);
      if (!list) continue;
      const i = list.indexOf(item);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) this.byNode.delete(node);
    }
  }

  /** Drops every mention for which `test` holds; returns how many. */
  removeWhere(test: (item: Painted) => boolean): number {
    let removed = 0;
    for (const item of [...this.all]) {
      if (test(item)) {
        this.remove(item);
        removed++;
      }
    }
    return removed;
  }

  /** Drops the mentions that start in the text of these roots (their text is matched again); returns how many. */
  removeWithin(roots: readonly Node[]): number {
    let removed = 0;
    for (const root of roots) {
      const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const item of [...(this.byNode.get(node) ?? [])]) {
          if (item.nodes[0] !== node) continue;
          this.remove(item);
          removed++;
        }
      }
    }
    return removed;
  }

  /** The painted mentions that cover a text node. */
  at(node: Node): readonly Painted[] {
    return this.byNode.get(node) ?? [];
  }

  /** Removes everything we painted. */
  clear(): void {
    for (const style of this.highlights.keys()) CSS.highlights.delete(HIGHLIGHT_KEYS[style]);
    this.highlights.clear();
    this.byNode.clear();
    this.all.clear();
  }
}

function sameBounds(a: AbstractRange, b: AbstractRange): boolean {
  return (
    a.startContainer === b.startContainer &&
    a.startOffset === b.startOffset &&
    a.endContainer === b.endContainer &&
    a.endOffset === b.endOffset
  );
}

/** The text nodes a range starts in, ends in, and covers in between. */
function nodesOf(range: Range): Node[] {
  if (range.startContainer === range.endContainer) return [range.startContainer];
  const nodes: Node[] = [range.startContainer];
  const walker = range.startContainer.ownerDocument!.createTreeWalker(
    range.commonAncestorContainer,
    NodeFilter.SHOW_TEXT,
  );
  walker.currentNode = range.startContainer;
  for (let node = walker.nextNode(); node && node !== range.endContainer; node = walker.nextNode()) nodes.push(node);
  nodes.push(range.endContainer);
  return nodes;
}

/** Marks one range as the focused mention (keyboard navigation, a mention revealed from the side panel). */
export function paintFocus(range: Range | null): void {
  if (range) CSS.highlights.set(HIGHLIGHT_KEYS.focus, new Highlight(range));
  else CSS.highlights.delete(HIGHLIGHT_KEYS.focus);
}

/** Removes every highlight key we own (teardown of an older copy of the script). */
export function clearPaint(): void {
  for (const key of Object.values(HIGHLIGHT_KEYS)) CSS.highlights.delete(key);
}
