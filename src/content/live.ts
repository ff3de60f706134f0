/*
 * Live pages: one MutationObserver for the document, batched. Changes to the page's text schedule one
 * re-annotation, after the page has been quiet for a moment or at most once a second during a storm of
 * mutations, so a busy page costs one rescan per second at worst. Our own host element is ignored.
 */

const QUIET_MS = 250;
const MAX_WAIT_MS = 1000;

/** Calls `rescan` after the page's text changed; stops when the signal aborts. */
export function watchMutations(
  doc: Document,
  rescan: () => void,
  isOurs: (node: Node) => boolean,
  signal: AbortSignal,
) {
  let quiet = 0;
  let deadline = 0;
  const run = () => {
    window.clearTimeout(quiet);
    window.clearTimeout(deadline);
    quiet = 0;
    deadline = 0;
    if (!signal.aborted) rescan();
  };
  const observer = new MutationObserver((records) => {
    if (!records.some((record) => changesText(record, isOurs))) return;
    window.clearTimeout(quiet);
    quiet = window.setTimeout(run, QUIET_MS);
    if (!deadline) deadline = window.setTimeout(run, MAX_WAIT_MS);
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    window.clearTimeout(quiet);
    window.clearTimeout(deadline);
  });
}

/** Whether a mutation can change what a reader sees as text (not our own element coming or going). */
function changesText(record: MutationRecord, isOurs: (node: Node) => boolean): boolean {
  if (record.type === 'characterData') return !isOurs(record.target);
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.some(
    (node) => !isOurs(node) && (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.ELEMENT_NODE),
  );
}
