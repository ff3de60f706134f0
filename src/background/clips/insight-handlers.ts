import type { InsightData, panelToBackground } from '../../messaging/protocol';
import type { Handlers, Sender } from '../../messaging/router';
import type { Card } from '../../model/card';
import { clipIdOf } from '../../model/clip';
import type { HistorySettings, HistoryState } from '../../model/history';
import { countMentions, type InsightArticle, type InsightCard } from '../../model/insights/sources';
import type { Mention } from '../../model/mention';
import { openDatabase } from '../../store/db';
import { HistoryStore } from '../../store/history';
import { teamDbName } from '../../team/names';
import type { Library } from '../library';
import { cardsOfTeam } from '../team/cards';
import { configs, teamCards } from '../team/teams';
import { clipStore } from './clipping';
import { countryCode } from './country-code';

/*
 * What the insight pages (network, map, timeline) read, and the opt-in history of visited pages: its setting,
 * its recording (top frames of pages with mentions, never an incognito tab) and its pruning.
 */

/** The alarm that drops visits past the retention period. */
export const HISTORY_ALARM = 'history-prune';

const history = new HistoryStore();

/** The history store. */
export function historyStore(): HistoryStore {
  return history;
}

async function historyState(settings?: HistorySettings): Promise<HistoryState> {
  const current = settings ?? (await history.settings());
  return { ...current, pages: (await history.list()).length };
}

/** Drops visits past the retention period (the alarm's work). */
export async function pruneHistory(): Promise<number> {
  return history.prune((await history.settings()).retentionDays);
}

/**
 * Whether the history is on, mirrored in the extension's storage: a page's match then opens no database while
 * it is off (the default). A worker stopped in the middle of opening one left the next worker's first answer
 * waiting (e2e/demo.spec.ts, a stopped service worker woken by a hover).
 */
const HISTORY_ON = 'history-on';
async function historyOn(): Promise<boolean> {
  return (await chrome.storage.local.get(HISTORY_ON))[HISTORY_ON] === true;
}

/** Turns the history on or off (with its retention), and its pruning alarm with it. */
export async function setHistory(settings: HistorySettings): Promise<HistorySettings> {
  const next = await history.setSettings(settings);
  await chrome.storage.local.set({ [HISTORY_ON]: next.enabled });
  if (next.enabled) await chrome.alarms.create(HISTORY_ALARM, { periodInMinutes: 60 * 6 });
  else await chrome.alarms.clear(HISTORY_ALARM);
  return next;
}

/** Keeps a visit to the sender's page when the user turned the history on; never from an incognito tab. */
export async function recordVisit(
  sender: Sender,
  page: { url: string; title: string },
  mentions: readonly Mention[],
): Promise<boolean> {
  if (!sender.tab || sender.tab.incognito || (sender.frameId ?? 0) !== 0 || !mentions.length) return false;
  if (!/^https?:/i.test(page.url) || !(await historyOn()) || !(await history.settings()).enabled) return false;
  await history.record({
    url: page.url.replace(/#.*$/, ''),
    title: page.title,
    time: new Date().toISOString(),
    counts: countMentions(mentions),
  });
  return true;
}

/** Each card's teams: the joined teams whose database holds it (a card the extension skips is in none). */
async function cardTeams(): Promise<Map<string, string[]>> {
  const teams = new Map<string, string[]>();
  for (const { team } of await configs()) {
    for (const { card } of (await cardsOfTeam(team, openDatabase(teamDbName(team)))).cards) {
      teams.set(card.id, [...(teams.get(card.id) ?? []), team]);
    }
  }
  return teams;
}

function insightCard(card: Card, teams: Map<string, string[]>): InsightCard {
  const iso = countryCode(card);
  return {
    id: card.id,
    name: card.name,
    kind: card.kind,
    tags: card.tags,
    ...(iso ? { iso } : {}),
    teams: teams.get(card.id) ?? [],
  };
}

/** The clips (and visits, when the history is on) reduced to their counts per card, and the cards. */
export async function insightData(library: Library): Promise<InsightData> {
  const [own, shared, teams, clips, settings] = await Promise.all([
    library.listCards(),
    teamCards(),
    cardTeams(),
    clipStore().list(),
    history.settings(),
  ]);
  const cards = new Map<string, InsightCard>();
  for (const card of [...shared.cards, ...own]) cards.set(card.id, insightCard(card, teams));
  const articles: InsightArticle[] = clips.map((clip) => ({
    id: clip.clipId,
    source: 'clip',
    title: clip.title,
    url: clip.url,
    time: clip.published && !Number.isNaN(Date.parse(clip.published)) ? clip.published : clip.clipped,
    counts: countMentions(clip.mentions),
  }));
  if (settings.enabled) {
    for (const visit of await history.list()) {
      articles.push({ id: clipIdOf(visit.url), source: 'visit', ...visit });
    }
  }
  return { articles, cards: [...cards.values()], history: await historyState(settings) };
}

type InsightMessages = 'insights.data' | 'history.get' | 'history.set' | 'history.clear';

/** The extension pages' insight and history handlers. */
export function insightPanelHandlers(library: Library): Pick<Handlers<typeof panelToBackground>, InsightMessages> {
  return {
    'insights.data': () => insightData(library),
    'history.get': () => historyState(),
    'history.set': async (settings) => historyState(await setHistory(settings)),
    'history.clear': async () => {
      await history.clear();
      return historyState();
    },
  };
}
