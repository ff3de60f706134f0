import { sendToTab } from '../../messaging/client';
import type { Answers, Command, IgnoredCard } from '../../messaging/protocol';
import type { Sender } from '../../messaging/router';
import type { CardSummary, Mention } from '../../model/mention';
import type { Library } from '../library';
import { showTabStatus } from './action';
import { refreshTabs, siteState } from './site-handlers';
import { siteOf } from './site-rules';
import type { Sites } from './sites';
import { recordFrame } from './tab-state';
import { announce } from './track';

/*
 * Cards ignored per site, the page's own reports of what it painted, and keyboard commands. A content script
 * may only send user actions, each applied to the site of the tab that sent it (sender.tab, which the browser
 * sets), never to a site named in the message.
 */

/** Runs a keyboard command on a tab: the shortcut's listener and the UI's buttons both call this. */
export async function runCommand(command: Command, tabId: number): Promise<{ found: boolean }> {
  if (command === 'annotate-selection') {
    const result = await sendToTab(tabId, 'page.annotate', {}, 0);
    return result.ok ? result.value : { found: false };
  }
  const direction = command === 'next-mention' ? 'next' : 'previous';
  const result = await sendToTab(tabId, 'page.step', { direction }, 0);
  return result.ok ? result.value : { found: false };
}

/** The ids of the cards ignored on a page's site. */
export async function ignoredOn(sites: Sites, url: string | undefined): Promise<Set<string>> {
  const site = siteOf(url);
  return new Set(site ? ((await sites.settings()).ignored[site] ?? []) : []);
}

/** Drops the mentions of cards ignored on a page's site. */
export async function withoutIgnored<T extends { mentions: Mention[]; cards: CardSummary[] }>(
  sites: Sites,
  url: string | undefined,
  found: T,
): Promise<T> {
  const ignored = await ignoredOn(sites, url);
  if (ignored.size === 0) return found;
  return {
    ...found,
    mentions: found.mentions.filter((m) => !ignored.has(m.cardId)),
    cards: found.cards.filter((c) => !ignored.has(c.id)),
  };
}

function tabOf(sender: Sender): { id: number; url: string | undefined } {
  const id = sender.tab?.id;
  if (id === undefined) throw new Error('Only a page may ask this.');
  return { id, url: sender.tab?.url };
}

/** The content script's handlers added by the annotator. */
export function annotatorContentHandlers(sites: Sites, library: Library) {
  return {
    'pause.set': async ({ paused }: { paused: boolean }, sender: Sender): Promise<Answers['pause.set']> => {
      tabOf(sender);
      await sites.setPaused(paused);
      void refreshTabs();
      return siteState(sites, sender.tab?.url);
    },
    'card.ignore': async ({ cardId }: { cardId: string }, sender: Sender) => {
      const site = siteOf(tabOf(sender).url);
      if (!site) throw new Error('This page has no site to ignore a card on.');
      await library.getCard(cardId);
      await sites.setIgnored(site, cardId, true);
      void refreshTabs();
      return { ignored: true };
    },
    'page.record': async (
      { url, title, mentions, cards }: { url: string; title: string; mentions: Mention[]; cards: CardSummary[] },
      sender: Sender,
    ) => {
      const tab = tabOf(sender);
      await recordFrame(tab.id, sender.frameId ?? 0, { url, title }, { mentions, cards });
      // The side panel and the button's count show what changed (a live page's new text, a PDF's pages as they
      // are matched).
      announce(tab.id);
      await showTabStatus(tab.id);
      return { recorded: mentions.length };
    },
  };
}

/** The extension pages' handlers added by the annotator (options page, side panel, e2e). */
export function annotatorPanelHandlers(sites: Sites, library: Library) {
  return {
    'ignored.list': async (): Promise<IgnoredCard[]> => {
      const { ignored } = await sites.settings();
      const out: IgnoredCard[] = [];
      for (const [site, ids] of Object.entries(ignored)) {
        for (const cardId of ids) {
          const name = await library.getCard(cardId).then(
            (card) => card.name,
            () => null,
          );
          out.push({ site, cardId, name });
        }
      }
      return out.sort((a, b) => a.site.localeCompare(b.site) || (a.name ?? '').localeCompare(b.name ?? ''));
    },
    'ignored.remove': async ({ site, cardId }: { site: string; cardId: string }) => {
      await sites.setIgnored(site, cardId, false);
      void refreshTabs();
      return { removed: true };
    },
    'command.run': ({ command, tabId }: { command: Command; tabId: number }) => runCommand(command, tabId),
  };
}
