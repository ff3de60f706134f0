import browser from 'webextension-polyfill';
import { askForSitesOnInstall } from './browser/host-access';
import { openPanelOnToolbarClick } from './browser/side-panel';
import { refreshPages } from './clips/annotation-handlers';
import { clipFromUser } from './clips/clipping';
import { HISTORY_ALARM, pruneHistory } from './clips/insight-handlers';
import { captureIfAlways } from './evidence/handlers';
import { forgetNavigationFacts, watchNavigationFacts } from './evidence/http-facts';
import { createDispatcher } from './handlers';
import { annotateOpenTabs } from './install';
import { Library } from './library';
import { showAllTabsStatus, showTabStatus, showTeamStatus } from './page/action';
import { CLIP, createActionMenu, onActionMenu, TRACK } from './page/action-menu';
import { runCommand } from './page/ignore-handlers';
import { refreshTabs } from './page/site-handlers';
import { forgetStyled } from './page/style';
import { forgetTab } from './page/tab-state';
import { trackSelection } from './page/track';
import { createPdfMenu, OPEN_LINK, OPEN_PAGE, onPdfMenu } from './pdf/open';
import { watchPdfNavigations } from './pdf/redirect';
import { listenToAlerts } from './signals/alerts';
import { forgetTabSignals } from './signals/badge';
import {
  checkTeamAccess,
  resumeTeams,
  SYNC_ALARM,
  teamCards,
  whenTeamCardsChange,
  whenTeamDocsPulled,
  whenTeamSyncChanges,
} from './team/teams';

/*
 * The service worker: every listener is registered synchronously at the top level, so that a worker woken
 * by an event finds its listener. State lives in the store and storage.session, never only in memory.
 */

const library = new Library();
// The joined teams' cards link on pages too; when a teammate's card arrives, open pages are annotated again.
library.setExtraCards(teamCards);
whenTeamCardsChange(() => {
  library.invalidate();
  void refreshTabs();
});
// A teammate's highlights and notes arrived: open pages anchor theirs again (once per burst of changes).
let pulledAnnotations = 0;
whenTeamDocsPulled((_team, ids) => {
  if (!ids.some((id) => id.startsWith('anno:')) || pulledAnnotations) return;
  pulledAnnotations = setTimeout(() => {
    pulledAnnotations = 0;
    void refreshPages().catch((error: unknown) => console.warn('Dossier: could not refresh highlights', error));
  }, 200) as unknown as number;
});
// The toolbar button says when a team is offline or its sync stopped (with the reason in its title).
whenTeamSyncChanges(showTeamStatus);
const dispatch = createDispatcher(library);

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) =>
  dispatch(message, sender),
);

chrome.runtime.onInstalled.addListener(({ reason }) => {
  if (reason === 'install') void askForSitesOnInstall().catch(() => undefined);
  void library.installDefaultPack().catch((error: unknown) => console.error('Dossier: install failed', error));
  void annotateOpenTabs();
  void showAllTabsStatus();
  void createActionMenu()
    .then(createPdfMenu)
    .catch((error: unknown) => console.error('Dossier: could not create the menu', error));
});
/** The context menus' one listener (also what e2e calls, since a test cannot open a native menu). */
function onMenuClick(info: chrome.contextMenus.OnClickData, tab?: chrome.tabs.Tab) {
  if (info.menuItemId === TRACK) return trackSelection(library, info.selectionText, tab);
  if (info.menuItemId === CLIP) {
    const tabId = tab?.id;
    return tabId === undefined ? undefined : clipFromUser(library, tabId, (clip) => captureIfAlways(tabId, clip));
  }
  if (info.menuItemId === OPEN_LINK || info.menuItemId === OPEN_PAGE) return onPdfMenu(info, tab);
  return onActionMenu(info, tab?.url);
}
chrome.contextMenus.onClicked.addListener((info, tab) => {
  void onMenuClick(info, tab)?.catch((error: unknown) => console.warn('Dossier:', error));
});
// Reachable from the worker's own scope only (no page or content script can reach a service worker's globals).
Object.assign(globalThis, { dossierMenuClick: onMenuClick, dossierCommand: onCommand });

// PDFs go to the reader while the user has turned that on (the optional webRequest permission).
watchPdfNavigations();
// Evidence captures record the main document's HTTP facts while webRequest is held.
watchNavigationFacts();

chrome.runtime.onStartup.addListener(() => void showAllTabsStatus());
// Joined teams replicate whenever the worker runs (from the last checkpoint); their alarm wakes it to do so.
const resume = (restartStopped = false) =>
  void resumeTeams(restartStopped).catch((error: unknown) =>
    console.warn('Dossier: could not resume team sync', error),
  );
chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === HISTORY_ALARM) {
    void pruneHistory().catch((error: unknown) => console.warn('Dossier: could not prune the history', error));
    return;
  }
  if (alarm.name !== SYNC_ALARM) return;
  // A replication that gave up on an error is started again too.
  resume(true);
  void checkTeamAccess().catch((error: unknown) => console.warn('Dossier: could not check team access', error));
});
resume();
// The keyboard shortcuts: the top frame of the active tab moves to the next or previous mention; or the
// page is clipped.
function onCommand(command: string, tab?: chrome.tabs.Tab) {
  if (tab?.id === undefined) return undefined;
  if (command === 'next-mention' || command === 'previous-mention' || command === 'annotate-selection') {
    return runCommand(command, tab.id);
  }
  const tabId = tab.id;
  if (command === 'clip-page') return clipFromUser(library, tabId, (clip) => captureIfAlways(tabId, clip));
  return undefined;
}
chrome.commands.onCommand.addListener((command, tab) => {
  void onCommand(command, tab)?.catch((error: unknown) => console.warn('Dossier:', error));
});

openPanelOnToolbarClick();

chrome.tabs.onRemoved.addListener((tabId) => {
  forgetStyled(tabId);
  void forgetTab(tabId);
  void forgetNavigationFacts(tabId);
  void forgetTabSignals(tabId);
});
// A click on a watch signal's notification opens its page (the API exists once the user allowed alerts).
listenToAlerts();
chrome.permissions.onAdded.addListener(({ origins }) => {
  listenToAlerts();
  // Sites just allowed (Firefox asks the user): their open pages are read now, not at their next load.
  if (origins?.length) void annotateOpenTabs().then(showAllTabsStatus);
});
chrome.permissions.onRemoved.addListener(({ origins }) => {
  if (origins?.length) void showAllTabsStatus();
});
chrome.tabs.onUpdated.addListener((tabId, change, tab) => {
  if (change.url || change.status === 'complete') void showTabStatus(tabId, tab.url);
});
chrome.tabs.onActivated.addListener(({ tabId }) => void showTabStatus(tabId));
