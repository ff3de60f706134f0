import { sendToTab } from '../messaging/client';
import type { PackSummary } from '../messaging/protocol';
import { contentToBackground, type LibraryItem, panelToBackground, type Settings } from '../messaging/protocol';
import { createRouter, type Sender } from '../messaging/router';
import type { Card } from '../model/card';
import type { CardSummary, Mention } from '../model/mention';
import { serialisePackCsv, serialisePackJson } from '../model/pack-io';
import { err, type Result } from '../model/result';
import type { LibraryEntry } from '../store/card-docs';
import type { SiteSettings } from '../store/settings';
import { openPanel, panelFromPageRefusal } from './browser/side-panel';
import { casePanelHandlers } from './cases/handlers';
import { annotationContentHandlers, annotationPanelHandlers } from './clips/annotation-handlers';
import { clipPanelHandlers } from './clips/handlers';
import { historyStore, insightPanelHandlers, recordVisit } from './clips/insight-handlers';
import { evidencePanelHandlers } from './evidence/handlers';
import type { Library } from './library';
import { listPanelHandlers } from './list-handlers';
import { showTabStatus } from './page/action';
import { annotatorContentHandlers, annotatorPanelHandlers, ignoredOn, withoutIgnored } from './page/ignore-handlers';
import { refreshTabs, setSiteOf, siteState } from './page/site-handlers';
import { siteOf } from './page/site-rules';
import { sites } from './page/sites';
import { styleDocument } from './page/style';
import { hasTab, recordFrame, setFocus, tabState } from './page/tab-state';
import { announce } from './page/track';
import { pageUrlOf } from './pdf/page-url';
import { signalPanelHandlers } from './signals/handlers';
import { watchSignals } from './signals/watch';
import { teamPanelHandlers } from './team/handlers';
import { sharedCardPanelHandlers } from './team/shared-card-handlers';
import { readCard, saveCard } from './team/shared-cards';
import { joinedTeams, joinTeam, leaveTeam, listTeams, originsOf, shareCard, teamCardList } from './team/teams';

/** After the cards changed, open tabs are annotated again (the answer does not wait for them). */
function cardsChanged<T>(value: T): T {
  void refreshTabs();
  return value;
}

/** The settings the options page shows. */
/** Most of the lists' cards a search of the side panel's library sends at once. */
export const LIST_SEARCH_PAGE = 200;

/** A card of the library as the side panel lists it: a card the user shared is read as the team's copy. */
function libraryItem(entry: LibraryEntry, packs: Map<string, PackSummary>, teamCopy: Map<string, Card>): LibraryItem {
  return {
    card: teamCopy.get(entry.card.id) ?? entry.card,
    packId: entry.pack,
    packName: packs.get(entry.pack)?.name ?? entry.pack,
    enabled: packs.get(entry.pack)?.enabled === true,
    edited: entry.edited,
  };
}

function settingsOf(settings: SiteSettings): Settings {
  return {
    paused: settings.paused,
    disabledSites: settings.disabledSites,
    highlight: settings.highlight,
    alerts: settings.alerts,
  };
}

/** Gives the sender's document the user's highlight style (once; see `styleDocument`). */
function styleSender(sender: Sender): void {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return;
  void styleDocument({ tabId, frameId: sender.frameId ?? 0, documentId: sender.documentId }).catch(() => undefined);
}

/**
 * What follows a page's match, whether the page matched its text itself (`page.found`) or had it matched here
 * (`page.match`): a whole page is styled, recorded for the side panel and the badge, watched for signals and
 * kept in the history; a `part` (text that changed on a live page; `page.record` follows) is watched for signals.
 */
function pageMatched(
  library: Library,
  { text, url, title, part, breaks }: { text: string; url: string; title: string; part?: boolean; breaks?: number[] },
  found: { mentions: Mention[]; cards: CardSummary[] },
  sender: Sender,
): void {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return;
  const frameId = sender.frameId ?? 0;
  const page = { tabId, frameId, url, title, incognito: sender.tab?.incognito === true };
  const signalPage = { text, mentions: found.mentions, ...(breaks ? { breaks } : {}) };
  if (part) {
    void watchSignals(library, { ...page, part: true }, signalPage)
      .then(async (hits) => {
        if (hits.length === 0) return;
        announce(tabId);
        await showTabStatus(tabId);
      })
      .catch((error: unknown) => console.warn('Dossier: could not watch signals', error));
    return;
  }
  styleSender(sender);
  // The record is queued per tab before this returns, so a later `page.record` of the same frame lands after it.
  void recordFrame(tabId, frameId, { url, title }, found)
    // The page's watch signals are evaluated once it is painted, before its badge is shown.
    .then(() => watchSignals(library, page, signalPage))
    .then(async () => {
      announce(tabId);
      await showTabStatus(tabId);
      // The opt-in history (never an incognito tab's page).
      await recordVisit(sender, { url, title }, found.mentions);
    })
    .catch((error: unknown) => console.warn('Dossier: could not record a page', error));
}

/** Builds the background's message dispatcher: content scripts and extension pages get separate maps. */
export function createDispatcher(library: Library) {
  const fromContent = createRouter(contentToBackground, {
    ...annotatorContentHandlers(sites, library),
    ...annotationContentHandlers(),
    'teams.names': async () => (await joinedTeams()).map((t) => t.team),
    'card.share': async ({ cardId, team }, sender) => {
      // From a mention's popover: only a card the sender's page shows can be shared from it.
      const tabId = sender.tab?.id;
      const shown = tabId !== undefined && (await tabState(tabId)).cards.some((card) => card.id === cardId);
      if (!shown) throw new Error('Only a card this page mentions can be shared from it.');
      return shareCard(team, await library.getCard(cardId));
    },
    'page.match': async ({ text, url, title, part, preview, breaks }, sender) => {
      const found = await withoutIgnored(sites, sender.tab?.url, await library.match(text));
      if (!preview) pageMatched(library, { text, url, title, part, breaks }, found, sender);
      return found;
    },
    'page.dictionary': async (_payload, sender) => {
      // Deny by default: a page Dossier may not read gets no names to look for.
      if (!(await siteState(sites, sender.tab?.url)).enabled) return null;
      const [page, ignored] = await Promise.all([library.pageDictionary(), ignoredOn(sites, sender.tab?.url)]);
      if (!page) return null;
      // The page paints as soon as it has matched: it gets the user's highlight style now.
      styleSender(sender);
      return { dictionary: page.dictionary, cards: page.cards.filter((card) => !ignored.has(card.id)) };
    },
    'page.found': ({ text, url, title, part, breaks, mentions, cards }, sender) => {
      pageMatched(library, { text, url, title, part, breaks }, { mentions, cards }, sender);
      return { recorded: mentions.length };
    },
    'card.get': ({ id }) => readCard(library, id),
    'site.status': (_payload, sender) => siteState(sites, sender.tab?.url),
    'site.set': ({ enabled }, sender) => setSiteOf(sites, sender.tab?.url, enabled),
    'panel.open': ({ cardId }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new Error('Only a page can open its side panel.');
      // Called before any await: the user's click is only honoured within this turn.
      const opening = openPanel(tabId);
      return opening.then(async (opened) => {
        // The card waits in the panel even where the browser would not open it from a page (Firefox).
        await setFocus(tabId, cardId ?? null, sender.tab?.url);
        announce(tabId);
        if (!opened) throw new Error(panelFromPageRefusal() ?? 'The browser did not open the side panel.');
        return { opened };
      });
    },
  });

  const fromPanel = createRouter(panelToBackground, {
    ...annotatorPanelHandlers(sites, library),
    ...annotationPanelHandlers(),
    ...clipPanelHandlers(library),
    ...evidencePanelHandlers(),
    ...casePanelHandlers(),
    ...signalPanelHandlers(library),
    ...teamPanelHandlers(library),
    ...listPanelHandlers(library),
    ...sharedCardPanelHandlers(library),
    ...insightPanelHandlers(library),
    'tab.state': async ({ tabId }) => {
      const tab = await chrome.tabs.get(tabId).catch(() => null);
      if (!tab) throw new Error(`No tab ${tabId}`);
      // After a restart of the browser session nothing is recorded: ask the page again.
      if (!(await hasTab(tabId)) && tab.url) await sendToTab(tabId, 'page.refresh', {});
      const state = await tabState(tabId, tab.url);
      return { ...state, title: tab.title ?? state.title };
    },
    'card.get': ({ id }) => readCard(library, id),
    'cards.list': () => library.listCards(),
    'cards.named': ({ names }) => library.idsByName(names),
    'teams.list': () => listTeams(),
    'team.join': (payload) => joinTeam(payload),
    'team.leave': ({ team }) => leaveTeam(team),
    'card.share': async ({ cardId, team }) => shareCard(team, await readCard(library, cardId)),
    'card.origins': ({ cardId }) => originsOf(cardId),
    'cards.some': ({ ids }) => library.someCards(ids),
    'pack.import': async ({ fileName, text }) => {
      const report = await library.importPack(fileName, text);
      void refreshTabs();
      return report;
    },
    'packs.list': () => library.listPacks(),
    'card.save': async ({ card, create }) => cardsChanged(await saveCard(library, card, create)),
    'card.delete': async ({ id }) => cardsChanged(await library.trashCard(id)),
    'card.restore': async ({ id }) => cardsChanged(await library.restoreCard(id)),
    'pack.enable': async ({ packId, enabled }) => {
      await library.setPackEnabled(packId, enabled);
      return cardsChanged(await library.listPacks());
    },
    'pack.remove': async ({ packId }) => cardsChanged({ removed: await library.removePack(packId) }),
    'pack.export': async ({ packId, format }) => {
      const pack = await library.exportPack(packId);
      return format === 'csv'
        ? { fileName: `${pack.id}.csv`, mimeType: 'text/csv', text: serialisePackCsv(pack) }
        : { fileName: `${pack.id}.json`, mimeType: 'application/json', text: serialisePackJson(pack) };
    },
    'mention.reveal': async ({ tabId, cardId, index }) => {
      const answer = await sendToTab(tabId, 'page.reveal', { cardId, index });
      return answer.ok ? answer.value : { found: false };
    },
    'library.list': async () => {
      const packs = new Map((await library.listPacks()).map((p) => [p.packId, p]));
      // Sorted by name here, once: the panel's list is then in order from the start.
      const names = new Intl.Collator(undefined, { sensitivity: 'base' });
      // The lists' cards (300,000 of them in a big one) are not sent: the panel searches them with library.search.
      const [{ entries, lists }, shared] = await Promise.all([library.entriesBesideLists(), teamCardList()]);
      // A card the user shared is read as the team's copy (members co-edit it); a teammate's card is listed
      // under its team, unless the user has a card of that id (theirs links instead).
      const teamCopy = new Map(shared.filter((s) => s.mine).map((s) => [s.card.id, s.card]));
      const own = new Set(entries.map((entry) => entry.card.id));
      const items: LibraryItem[] = entries.map((entry) => libraryItem(entry, packs, teamCopy));
      const listed = new Set<string>();
      for (const { team, card } of shared) {
        if (own.has(card.id) || listed.has(card.id)) continue;
        listed.add(card.id);
        items.push({ card, packId: `team:${team}`, packName: `Team ${team}`, enabled: true, edited: false });
      }
      return {
        items: items.sort((a, b) => names.compare(a.card.name, b.card.name)),
        lists: [...lists].flatMap((id) => {
          const pack = packs.get(id);
          return pack ? [{ packId: id, name: pack.name, enabled: pack.enabled, cards: pack.cards }] : [];
        }),
      };
    },
    'library.search': async ({ query, offset, kind, tag, pack }) => {
      const packs = new Map((await library.listPacks()).map((p) => [p.packId, p]));
      const keep = (entry: LibraryEntry) =>
        (!kind || entry.card.kind === kind) &&
        (!tag || entry.card.tags.includes(tag)) &&
        (!pack || entry.pack === pack);
      const found = await library.searchLists(query, { offset, limit: LIST_SEARCH_PAGE }, keep);
      const teamCopy = new Map((await teamCardList()).filter((s) => s.mine).map((s) => [s.card.id, s.card]));
      return {
        items: found.entries.map((entry) => libraryItem(entry, packs, teamCopy)),
        matched: found.matched,
        read: found.read,
      };
    },
    'settings.get': async () => settingsOf(await sites.settings()),
    'site.enable': async ({ site, enabled }) => {
      const host = siteOf(/^[a-z][a-z0-9+.-]*:\/\//i.test(site) ? site : `https://${site}`);
      if (!host || !/^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/i.test(host)) {
        throw new Error(`“${site.slice(0, 80)}” is not a site name such as example.com.`);
      }
      const next = await sites.setSite(host, enabled);
      void refreshTabs();
      return settingsOf(next);
    },
    'alerts.set': async ({ enabled }) => settingsOf(await sites.setAlerts(enabled)),
    'highlight.set': async ({ style }) => {
      const next = await sites.setHighlight(style);
      void refreshTabs();
      return settingsOf(next);
    },
    'data.export': async () => ({
      fileName: `dossier-backup-${new Date().toISOString().slice(0, 10)}.json`,
      mimeType: 'application/json',
      text: await library.exportAll(),
    }),
    'data.restore': async ({ text }) => {
      const report = await library.restore(text);
      sites.forget();
      return cardsChanged(report);
    },
    'data.wipe': async () => {
      await library.wipe();
      await historyStore().clear();
      sites.forget();
      return cardsChanged({ wiped: true as const });
    },
    'tab.site': async ({ tabId }) => siteState(sites, (await chrome.tabs.get(tabId)).url),
    'tab.site.set': async ({ tabId, enabled }) => setSiteOf(sites, (await chrome.tabs.get(tabId)).url, enabled),
    'pause.set': async ({ paused }) => {
      await sites.setPaused(paused);
      void refreshTabs();
      return siteState(sites, undefined);
    },
  });

  const extensionOrigin = chrome.runtime.getURL('');
  const reader = chrome.runtime.getURL('pdf.html');
  return (message: unknown, sender: Sender): Promise<Result<unknown>> => {
    if (sender.id !== chrome.runtime.id) return Promise.resolve(err('Messages from other extensions are refused.'));
    // The PDF reader is the page of its tab: it asks what a content script asks (match, record, the popover's).
    // Its site is the PDF's (turning Dossier off there, ignoring a card there), not the extension's.
    if (sender.tab && sender.url?.startsWith(reader) && isContentMessage(message)) {
      return fromContent(message, { ...sender, tab: { ...sender.tab, url: pageUrlOf(sender.tab.url, reader) } });
    }
    if (sender.url?.startsWith(extensionOrigin)) return fromPanel(message, sender);
    if (sender.tab) return fromContent(message, sender);
    return Promise.resolve(err('Unknown sender.'));
  };
}

/** Whether a message is one of those a tab's page sends (by its type; its payload is checked by the router). */
function isContentMessage(message: unknown): boolean {
  const type = (message as { type?: unknown } | null)?.type;
  return typeof type === 'string' && Object.hasOwn(contentToBackground, type);
}
