import { highlightCss } from '../../model/highlight-style';
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
async function swap(documentId: string, tabId: number, from: string, to: string): Promise<void> {
  const target = { tabId, documentIds: [documentId] } as chrome.scripting.InjectionTarget;
  if (from) await chrome.scripting.removeCSS({ target, css: from }).catch(() => undefined);
  if (to) await chrome.scripting.insertCSS({ target, css: to });
}

/** Gives a document that reported its mentions the user's highlight style (nothing for the default style). */
export async function styleDocument(tabId: number, documentId: string | undefined): Promise<void> {
  if (!documentId) return;
  const css = highlightCss((await sites.settings()).highlight);
  const before = styled.get(documentId)?.css ?? '';
  if (before === css && styled.has(documentId)) return;
  styled.set(documentId, { tabId, css });
  await swap(documentId, tabId, before, css).catch(() => styled.delete(documentId));
}

/** Forgets the documents of a closed tab. */
export function forgetStyled(tabId: number): void {
  for (const [documentId, entry] of styled) if (entry.tabId === tabId) styled.delete(documentId);
}
