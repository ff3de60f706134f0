import { idleReason } from './page/idle-reason';

/**
 * Injects the content script into tabs that were open before Dossier was installed or updated: Chrome only
 * injects declared content scripts into pages loaded afterwards. A previous version's script retires itself.
 */
export async function annotateOpenTabs(): Promise<void> {
  const declared = chrome.runtime.getManifest().content_scripts ?? [];
  const tabs = await chrome.tabs.query({});
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined || idleReason(tab.url) || tab.discarded) return;
      for (const script of declared) {
        try {
          if (script.css?.length) {
            await chrome.scripting.insertCSS({ target: { tabId: tab.id, allFrames: true }, files: script.css });
          }
          if (script.js?.length) {
            await chrome.scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files: script.js });
          }
        } catch {
          // No permission on that page (file:// without access, a page that went away): it stays as it is.
        }
      }
    }),
  );
}
