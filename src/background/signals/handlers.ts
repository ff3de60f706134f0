import * as v from 'valibot';
import { evaluateSignals } from '../../engine';
import { sendToTab } from '../../messaging/client';
import type { panelToBackground, SignalPreview } from '../../messaging/protocol';
import type { Handlers } from '../../messaging/router';
import { SignalRuleSchema } from '../../model/card';
import { clipStore } from '../clips/clipping';
import type { Library } from '../library';
import { shareSignalHit } from '../team/share';
import { tabSignals } from './badge';
import { signalHitStore } from './watch';

/** Most hits from other pages the Signals view lists. */
const RECENT = 50;
/** Most clips a rule preview lists. */
const PREVIEW = 20;

type SignalMessages = 'signals.list' | 'signal.reveal' | 'signal.preview' | 'signal.share';

/** The extension pages' watch-signal handlers: the Signals view and the card editor's rule preview. */
export function signalPanelHandlers(library: Library): Pick<Handlers<typeof panelToBackground>, SignalMessages> {
  return {
    'signals.list': async ({ tabId }) => {
      const tab = await chrome.tabs.get(tabId).catch(() => null);
      const page = await tabSignals(tabId, tab?.url);
      const here = new Set(page.map((h) => h.hitId));
      const recent = (await signalHitStore().list()).filter((h) => !here.has(h.hitId)).slice(0, RECENT);
      return { page, recent };
    },
    'signal.reveal': async ({ tabId, hitId }) => {
      const tab = await chrome.tabs.get(tabId);
      const hit = (await tabSignals(tabId, tab.url)).find((h) => h.hitId === hitId);
      if (!hit) return { found: false };
      const answer = await sendToTab(tabId, 'page.evidence.reveal', { sentence: hit.evidence });
      return answer.ok ? answer.value : { found: false };
    },
    'signal.share': async ({ hitId, team }) => {
      const hit = await signalHitStore().get(hitId);
      if (!hit) throw new Error('This signal is no longer stored (hits in private windows are not kept).');
      return shareSignalHit(team, hit);
    },
    'signal.preview': async ({ cardId, name, rule }) => {
      const parsed = v.safeParse(SignalRuleSchema, rule);
      if (!parsed.success) throw new Error(`The rule is not valid: ${parsed.issues[0].message}`);
      const compiled = await library.previewSignal(cardId, name, parsed.output);
      const found: SignalPreview[] = [];
      for (const clip of await clipStore().list()) {
        const [hit] = evaluateSignals(compiled, { text: clip.text, mentions: clip.mentions });
        if (hit) found.push({ clipId: clip.clipId, title: clip.title, url: clip.url, evidence: hit.evidence.sentence });
        if (found.length >= PREVIEW) break;
      }
      return found;
    },
  };
}
