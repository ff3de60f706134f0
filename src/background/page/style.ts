import { highlightCss } from '../../model/highlight-style';
import { type DocumentRef, documentKey, documentTarget } from '../browser/document-target';
import { sites } from './sites';

/*
 * The user's highlight style reaches pages as a stylesheet inserted by the browser (scripting.insertCSS), as
 * invisible to the page as highlights.css itself. Each document gets it once, when it first reports its
 * mentions, and again with the new style when the style changed (every tab is then asked to report again).
 * A stylesheet this worker did not insert (before it was restarted) cannot be removed; the newer one, inserted
 * later, wins over it.
 */

interface Styled {
  tabId: number;
  css: string;
}

/** The documents that got a stylesheet from this worker, by document id. */
const styled = new Map<string, Styled>();

/** Replaces one document's stylesheet. */
async function swap(ref: DocumentRef, from: string, to: string): Promise<void> {
  const target = documentTarget(ref);
  if (from) await chrome.scripting.removeCSS({ target, css: from }).catch(() => undefined);
  if (to) await chrome.scripting.insertCSS({ target, css: to });
}

/** Gives a document that reported its mentions the user's highlight style (nothing for the default style). */
export async function styleDocument(ref: DocumentRef): Promise<void> {
  const { key, stable } = documentKey(ref);
  const css = highlightCss((await sites.settings()).highlight);
  const before = styled.get(key)?.css ?? '';
  // A frame's key may have outlived its document (Firefox): the sheet is removed and inserted again.
  if (stable && before === css && styled.has(key)) return;
  styled.set(key, { tabId: ref.tabId, css });
  await swap(ref, before, css).catch(() => styled.delete(key));
}

/** Forgets the documents of a closed tab. */
export function forgetStyled(tabId: number): void {
  for (const [documentId, entry] of styled) if (entry.tabId === tabId) styled.delete(documentId);
}
