import browser from 'webextension-polyfill';

/*
 * The side panel: Chromium's `sidePanel` API, Firefox's sidebar (`sidebarAction`). Both open only within a
 * user's gesture (a toolbar click, a menu item, a keyboard command), so each call here is made before any
 * await of its caller. Firefox does not count a content script's message as a gesture (checked in firefox-esr
 * 153: `sidebarAction.open()` is refused there), so a page's "Open in side panel" cannot open its sidebar.
 */

/** What the browser offers for a panel beside the page. */
type Panel =
  | { kind: 'side-panel'; api: typeof chrome.sidePanel }
  | { kind: 'sidebar'; api: NonNullable<typeof browser.sidebarAction> }
  | { kind: 'none' };

function panel(): Panel {
  // Each API exists in one browser only, whatever the type declarations say.
  const sidePanel = (globalThis.chrome as Partial<typeof chrome> | undefined)?.sidePanel;
  if (sidePanel) return { kind: 'side-panel', api: sidePanel };
  const sidebar = (browser as Partial<typeof browser>).sidebarAction;
  if (sidebar) return { kind: 'sidebar', api: sidebar };
  return { kind: 'none' };
}

/**
 * Opens the panel beside a tab, within the user's gesture; resolves to false when the browser refused (Firefox,
 * from a page's click) or has no panel. Chromium's refusals reject, as its API does.
 */
export function openPanel(tabId: number): Promise<boolean> {
  const found = panel();
  if (found.kind === 'side-panel') return found.api.open({ tabId }).then(() => true);
  if (found.kind === 'sidebar') {
    return found.api.open().then(
      () => true,
      () => false,
    );
  }
  return Promise.resolve(false);
}

/** Why a page's own button could not open the panel, for the user; null where it can. */
export function panelFromPageRefusal(): string | null {
  return panel().kind === 'side-panel'
    ? null
    : 'Firefox opens its sidebar only from the toolbar button or the View menu: the card is shown there.';
}

/** Makes a click on the toolbar button open (Firefox: toggle) the panel. Call once at the worker's start. */
export function openPanelOnToolbarClick(): void {
  const found = panel();
  if (found.kind === 'side-panel') {
    void found.api.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
  } else if (found.kind === 'sidebar') {
    const sidebar = found.api;
    // Called synchronously in the click's listener: Firefox honours the gesture only there.
    browser.action.onClicked.addListener(() => void sidebar.toggle().catch(() => undefined));
  }
}
