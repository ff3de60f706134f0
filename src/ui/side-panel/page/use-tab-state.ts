import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { sendToBackground } from '../../../messaging/client';
import type { TabState } from '../../../messaging/protocol';
import { readEnvelope } from '../../../messaging/router';

/** The tab this panel shows: `?tab=N` when bound to a tab, else the active tab of its window. */
async function boundTab(): Promise<{ tabId: number | null; follow: boolean }> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return { tabId: Number(param), follow: false };
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { tabId: tab?.id ?? null, follow: true };
}

/** Loads the state of the panel's tab and keeps it current as the page, the tab or the cards change. */
export function useTabState(): { state: TabState | null; error: string | null } {
  const [state, setState] = useState<TabState | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let tabId: number | null = null;
    let disposed = false;
    const load = async () => {
      if (tabId === null) return;
      const result = await sendToBackground('tab.state', { tabId });
      if (disposed) return;
      if (result.ok) {
        setState(result.value);
        setError(null);
      } else setError(result.error);
    };
    const onMessage = (message: unknown) => {
      const envelope = readEnvelope(message);
      const changed = (envelope?.payload as { tabId?: unknown } | undefined)?.tabId;
      if (envelope?.type === 'tab.changed' && changed === tabId) void load();
    };
    browser.runtime.onMessage.addListener(onMessage);
    let onActivated: ((info: { tabId: number }) => void) | null = null;
    void boundTab().then(({ tabId: id, follow }) => {
      tabId = id;
      if (id === null) setError('No tab to show.');
      if (follow) {
        onActivated = (info) => {
          tabId = info.tabId;
          void load();
        };
        browser.tabs.onActivated.addListener(onActivated);
      }
      void load();
    });
    return () => {
      disposed = true;
      browser.runtime.onMessage.removeListener(onMessage);
      if (onActivated) browser.tabs.onActivated.removeListener(onActivated);
    };
  }, []);

  return { state, error };
}
