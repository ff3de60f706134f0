import { blockOf } from './collect-text';
import { isBlockBoundary } from './text-rules';

/*
 * Live pages: one MutationObserver for the document and the shadow roots we walked, batched per frame. Text
 * that was added or changed is re-annotated block by block; text that was removed drops its mentions; a burst
 * of more than HUGE_MUTATIONS added nodes becomes one rescan of the page (darkreader does the same).
 */

/** Past this many added nodes in one batch, rescanning the page is cheaper than following each node. */
export const HUGE_MUTATIONS = 1000;

/** What the watcher asks of the annotator. */
export interface LiveTarget {
  /** Re-annotate these roots (blocks whose text changed). */
  update(roots: Element[]): void;
  /** Drop mentions whose nodes left the page. */
  dropDetached(): void;
  /** Re-annotate the whole page. */
  rescan(): void;
  /** Our own nodes, whose changes are not the page's. */
  isOurs(node: Node): boolean;
}

/** The watcher: observe more roots (shadow roots found later), or stop. */
export interface LiveWatcher {
  observe(root: Node): void;
}

const OPTIONS: MutationObserverInit = { childList: true, subtree: true, characterData: true };

/** Watches the document; stops when the signal aborts. */
export function watchMutations(doc: Document, target: LiveTarget, signal: AbortSignal): LiveWatcher {
  let pending: MutationRecord[] = [];
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    const records = pending;
    pending = [];
    if (signal.aborted || records.length === 0) return;
    const plan = planBatch(records, target.isOurs);
    if (plan.rescan) {
      target.rescan();
      return;
    }
    if (plan.removed) target.dropDetached();
    if (plan.roots.length > 0) target.update(plan.roots);
  };

  const observer = new MutationObserver((records) => {
    for (const r of records) pending.push(r);
    if (scheduled) return;
    scheduled = true;
    // One batch per frame; a hidden tab gets no frames, so a timer backs the frame up.
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      flush();
    };
    requestAnimationFrame(once);
    setTimeout(once, 100);
  });
  observer.observe(doc.documentElement, OPTIONS);
  signal.addEventListener('abort', () => observer.disconnect());
  return { observe: (root) => observer.observe(root, OPTIONS) };
}

/** What one batch of mutations asks for. */
export interface BatchPlan {
  rescan: boolean;
  removed: boolean;
  roots: Element[];
}

/** Turns a batch of mutation records into the least work: the changed blocks, outermost only. */
export function planBatch(records: readonly MutationRecord[], isOurs: (node: Node) => boolean): BatchPlan {
  const blocks = new Set<Element>();
  let added = 0;
  let removed = false;
  for (const record of records) {
    if (isOurs(record.target)) continue;
    if (record.type === 'characterData') {
      const block = blockOf(record.target);
      if (block) blocks.add(block);
      continue;
    }
    for (const node of record.removedNodes) {
      if (!isOurs(node)) removed = true;
    }
    for (const node of record.addedNodes) {
      if (isOurs(node) || (node.nodeType !== Node.TEXT_NODE && node.nodeType !== Node.ELEMENT_NODE)) continue;
      added++;
      // White space beside a block (the line breaks a template leaves between paragraphs) joins or splits no
      // words: redoing its whole block for it would make a growing list quadratic.
      if (node.nodeType === Node.TEXT_NODE && besideBlock(node as Text)) continue;
      // A name may now span the new node and its neighbours: redo the block around it.
      const block = node.nodeType === Node.ELEMENT_NODE ? blockAround(node as Element) : blockOf(node);
      if (block) blocks.add(block);
    }
    // Removing an inline node can join two halves of a name: redo its block (unless a block stays between them).
    if (
      record.removedNodes.length > 0 &&
      record.target.nodeType === Node.ELEMENT_NODE &&
      !isBlock(record.previousSibling) &&
      !isBlock(record.nextSibling)
    ) {
      const block = blockAround(record.target as Element);
      if (block) blocks.add(block);
    }
  }
  if (added > HUGE_MUTATIONS) return { rescan: true, removed, roots: [] };
  return { rescan: false, removed, roots: outermost(blocks) };
}

/** An element that starts a block of its own (text on either side of it never joins). */
function isBlock(node: Node | null): boolean {
  return node?.nodeType === Node.ELEMENT_NODE && isBlockBoundary(node as Element);
}

/** White space only, next to a block. */
function besideBlock(node: Text): boolean {
  return !/\S/.test(node.data) && (isBlock(node.previousSibling) || isBlock(node.nextSibling));
}

/** An element that is a block itself, or the block it flows in. */
function blockAround(el: Element): Element | null {
  return blockOf(el.firstChild ?? el) ?? el;
}

/** Keeps only the blocks not inside another block of the set. */
function outermost(blocks: Set<Element>): Element[] {
  const out: Element[] = [];
  for (const block of blocks) {
    let inner = false;
    for (let el = block.parentElement; el; el = el.parentElement) {
      if (blocks.has(el)) {
        inner = true;
        break;
      }
    }
    if (!inner && block.isConnected) out.push(block);
  }
  return out;
}
