import { readerUrl } from './open';

/*
 * "Open every PDF in Dossier" (the options page; off by default). The browser's PDF viewer runs no extension
 * code, so a PDF the user opens is sent to the reader instead. The switch is the optional `webRequest`
 * permission itself: the options page asks for it when the user turns the option on and gives it back when
 * they turn it off, so there is no second copy of the setting to disagree with it.
 *
 * Why webRequest and not declarativeNetRequest: a PDF is known by its response's Content-Type, not its address
 * (many are served from addresses without ".pdf"); a redirect rule on response headers needs Chrome 128 and
 * the reader page listed as a web-accessible resource (which any site could then probe for). Observing the
 * response (not blocking it) and moving the tab to the reader needs neither. The browser's viewer may start
 * before the tab moves on; nothing is lost, the reader fetches the file again.
 */

/** Whether a main-frame response is a PDF to show in the reader (not a download). */
export function isPdfResponse(details: {
  method: string;
  statusCode: number;
  responseHeaders?: { name: string; value?: string }[];
}): boolean {
  if (details.method !== 'GET' || details.statusCode !== 200) return false;
  const header = (name: string) =>
    details.responseHeaders?.find((h) => h.name.toLowerCase() === name)?.value?.toLowerCase() ?? '';
  return (
    header('content-type').split(';')[0]!.trim() === 'application/pdf' &&
    !header('content-disposition').startsWith('attachment')
  );
}

const onHeaders = (details: chrome.webRequest.OnHeadersReceivedDetails) => {
  if (details.tabId < 0 || !isPdfResponse(details)) return undefined;
  void chrome.tabs.update(details.tabId, { url: readerUrl(details.url) }).catch(() => undefined);
  return undefined;
};

/** Starts sending PDFs to the reader when the permission is held (now, or as soon as it is granted). */
export function watchPdfNavigations(): void {
  const start = () => {
    const events = chrome.webRequest?.onHeadersReceived;
    if (!events || events.hasListener(onHeaders)) return;
    events.addListener(onHeaders, { urls: ['http://*/*', 'https://*/*'], types: ['main_frame'] }, ['responseHeaders']);
  };
  start();
  chrome.permissions.onAdded.addListener((added) => {
    if (added.permissions?.includes('webRequest')) start();
  });
  chrome.permissions.onRemoved.addListener((removed) => {
    if (removed.permissions?.includes('webRequest')) chrome.webRequest?.onHeadersReceived.removeListener(onHeaders);
  });
}
