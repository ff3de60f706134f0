import { hostAccessReason } from '../browser/host-access';
import { signalBadge } from '../signals/badge';
import { NO_TEAM, sameBadge, type TeamBadge, type TeamSync, teamBadge } from '../team/badge';
import { idleReason } from './idle-reason';
import { siteStatus } from './site-rules';
import { sites } from './sites';
import { tabState } from './tab-state';

/** The joined teams' part of the button (their sync state), shown on every tab beside the tab's own. */
let team: TeamBadge = NO_TEAM;

/**
 * The button's look on a tab: its own title and text, with the teams' colour, text and title line; a `strong`
 * look (watch signals that fired) keeps its own colour.
 */
async function show(
  tabId: number,
  own: { title: string; text: string; color: string; strong?: boolean },
): Promise<void> {
  await chrome.action.setTitle({ tabId, title: team.title ? `${own.title}\n${team.title}` : own.title });
  await chrome.action.setBadgeBackgroundColor({ tabId, color: own.strong ? own.color : (team.color ?? own.color) });
  await chrome.action.setBadgeText({ tabId, text: own.text || team.text });
}

/** Each tab's latest drawing of its button, which the next one waits for. */
const drawing = new Map<number, Promise<void>>();

/**
 * Shows on the toolbar button what Dossier does on a tab: why it is idle, or how many cards it found. A tab's
 * drawings run one after the other, each reading the tab's state when its turn comes: two at once (a page's
 * report and the tab's load completing) could otherwise read the state in one order and write the button in the
 * other, leaving an old count on it.
 */
export function showTabStatus(tabId: number, url?: string): Promise<void> {
  const previous = drawing.get(tabId)?.catch(() => undefined) ?? Promise.resolve();
  const next = previous.then(() => drawTabStatus(tabId, url));
  drawing.set(tabId, next);
  next
    .finally(() => {
      if (drawing.get(tabId) === next) drawing.delete(tabId);
    })
    .catch(() => undefined);
  return next;
}

async function drawTabStatus(tabId: number, url?: string): Promise<void> {
  const liveUrl = url ?? (await chrome.tabs.get(tabId).catch(() => null))?.url;
  const reason = idleReason(liveUrl) ?? (await hostAccessReason(liveUrl));
  try {
    if (reason) {
      await show(tabId, { title: `Dossier is idle here. ${reason}`, text: '', color: '#3b4a6b' });
      return;
    }
    const status = siteStatus(await sites.settings(), liveUrl);
    if (!status.enabled) {
      await show(tabId, { title: status.reason ?? 'Dossier is off here.', text: 'off', color: '#6b7280' });
      return;
    }
    const state = await tabState(tabId, liveUrl);
    const count = state.cards.length;
    // Watch signals that fired here outrank the count of cards, and the teams' colour.
    const signals = await signalBadge(tabId, liveUrl, count);
    if (signals) {
      await show(tabId, { ...signals, strong: true });
      return;
    }
    await show(tabId, {
      title: count ? `Dossier: ${count} tracked ${count === 1 ? 'card' : 'cards'} on this page` : 'Dossier',
      text: count ? String(count) : '',
      color: '#3b4a6b',
    });
  } catch {
    // The tab closed meanwhile: nothing to show.
  }
}

/** Shows the status of every open tab: at install and browser start, tabs loaded before the worker listened. */
export async function showAllTabsStatus(): Promise<void> {
  const tabs = await chrome.tabs.query({});
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : showTabStatus(tab.id, tab.url))));
}

let pending: ReturnType<typeof setTimeout> | null = null;

/**
 * Shows the joined teams' sync state on the button of every tab (and of tabs opened later) when it changed;
 * a live replication switches between syncing and synced often, so the tabs are redrawn once per 200 ms.
 */
export function showTeamStatus(teams: readonly TeamSync[]): void {
  const next = teamBadge(teams);
  if (sameBadge(next, team)) return;
  team = next;
  if (pending) return;
  pending = setTimeout(() => {
    pending = null;
    void chrome.action.setTitle({ title: team.title ?? 'Dossier' }).catch(() => undefined);
    void chrome.action.setBadgeBackgroundColor({ color: team.color ?? '#3b4a6b' }).catch(() => undefined);
    void showAllTabsStatus().catch(() => undefined);
  }, 200);
}
