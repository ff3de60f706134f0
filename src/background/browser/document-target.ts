/*
 * Which document a stylesheet or script goes to. Chromium names each document (`sender.documentId`), so a
 * frame that navigated is never mistaken for its successor; Firefox has no document ids in `scripting` or
 * `runtime.MessageSender`, so there the frame is the target, and its current document is the one reached.
 */

/** One document of a tab, as a message's sender names it. */
export interface DocumentRef {
  tabId: number;
  frameId: number;
  documentId?: string;
}

/** The `scripting` target of that document. */
export function documentTarget(ref: DocumentRef): chrome.scripting.InjectionTarget {
  if (ref.documentId) return { tabId: ref.tabId, documentIds: [ref.documentId] } as chrome.scripting.InjectionTarget;
  return { tabId: ref.tabId, frameIds: [ref.frameId] };
}

/**
 * A key for what was done to that document; `stable` is false where the key outlives the document (a frame
 * of Firefox), so that work keyed by it must be done again rather than skipped.
 */
export function documentKey(ref: DocumentRef): { key: string; stable: boolean } {
  if (ref.documentId) return { key: ref.documentId, stable: true };
  return { key: `frame:${ref.tabId}:${ref.frameId}`, stable: false };
}
