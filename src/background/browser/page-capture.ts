import type { Result } from '../../model/result';

/*
 * A tab's page as rendered, for an evidence capture. Chromium saves it as MHTML (pageCapture: the DOM as it is now
 * with every subresource the page loaded, as the browser has them). Firefox has no pageCapture; there, or where it
 * fails, the snapshot script serialises the DOM with its images and style sheets inlined (snapshot.ts).
 */

/** A tab's snapshot. */
export interface PageSnapshot {
  kind: 'mhtml' | 'dom';
  type: string;
  bytes: Uint8Array;
  /** What the snapshot could not hold, and why a fallback was used. */
  gaps: string[];
}

/** The snapshot of a tab's page: MHTML where the browser offers it, else the serialised DOM. */
export async function snapshotTab(tabId: number): Promise<PageSnapshot> {
  const gaps: string[] = [];
  // Firefox has no chrome.pageCapture (https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/Chrome_incompatibilities).
  const pageCapture = (chrome as { pageCapture?: typeof chrome.pageCapture }).pageCapture;
  if (pageCapture?.saveAsMHTML) {
    // Once more on a failure: the MHTML is a temporary file behind a Blob, which was once found gone when read.
    for (let attempt = 1; attempt <= 2; attempt++) {
      try {
        const blob = await pageCapture.saveAsMHTML({ tabId });
        if (blob && blob.size > 0) {
          return { kind: 'mhtml', type: 'multipart/related', bytes: new Uint8Array(await blob.arrayBuffer()), gaps };
        }
        if (attempt === 2) gaps.push('MHTML: the browser returned nothing; the serialised DOM was kept instead');
      } catch (error) {
        if (attempt === 2) gaps.push(`MHTML: ${(error as Error).message}; the serialised DOM was kept instead`);
      }
    }
  }
  let injected: chrome.scripting.InjectionResult<unknown>[];
  try {
    injected = await chrome.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['snapshot.js'] });
  } catch {
    throw new Error('Dossier cannot capture this page (browser pages, the Web Store and PDFs cannot be captured).');
  }
  const answer = injected[0]?.result as Result<{ html: string; gaps: string[] }> | undefined;
  if (!answer) throw new Error('The page did not answer; reload it and capture again.');
  if (!answer.ok) throw new Error(answer.error);
  return {
    kind: 'dom',
    type: 'text/html;charset=utf-8',
    bytes: new TextEncoder().encode(answer.value.html),
    gaps: [...gaps, ...answer.value.gaps.map((gap) => `not inlined: ${gap}`)],
  };
}

/** A PNG of the visible part of a tab's page (the tab is brought to the front first: only a shown tab can be). */
export async function screenshotTab(tabId: number): Promise<Uint8Array> {
  const tab = await chrome.tabs.get(tabId);
  if (!tab.active) {
    await chrome.tabs.update(tabId, { active: true });
    // The tab paints before it can be captured.
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  // Needs the <all_urls> host permission (https://developer.chrome.com/docs/extensions/reference/api/tabs#method-captureVisibleTab).
  const url = await chrome.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
  const base64 = url.slice(url.indexOf(',') + 1);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let at = 0; at < binary.length; at++) bytes[at] = binary.charCodeAt(at);
  return bytes;
}
