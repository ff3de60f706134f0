import { sendToTab } from '../../messaging/client';
import type { panelToBackground } from '../../messaging/protocol';
import type { Handlers } from '../../messaging/router';
import { logClip } from '../cases/handlers';
import { annotationStore } from '../clips/annotation-handlers';
import { clipStore } from '../clips/clipping';
import type { Library } from '../library';
import { shareAnnotations, shareClip, sharePack, teamActivity } from './share';

/*
 * Sharing packs, clips and a page's highlights and notes with a joined team, and the team's recent activity,
 * for the side panel and the options page.
 */

type TeamMessages = 'pack.share' | 'clip.share' | 'annotations.share' | 'team.activity';

export function teamPanelHandlers(library: Library): Pick<Handlers<typeof panelToBackground>, TeamMessages> {
  return {
    'pack.share': async ({ packId, team }) => sharePack(team, await library.exportPack(packId)),
    'clip.share': async ({ clipId, team }) => {
      const clip = await clipStore().get(clipId);
      if (!clip) throw new Error('This clip no longer exists.');
      const shared = await shareClip(team, clip);
      await logClip(clip, 'shared', { team });
      return shared;
    },
    'annotations.share': async ({ tabId, team }) => {
      const answer = await sendToTab(tabId, 'page.annotations', {}, 0);
      const source = answer.ok ? answer.value.source : null;
      if (!source) throw new Error('This page has no highlights or notes to share.');
      return { team, shared: await shareAnnotations(team, await annotationStore().forPage(source)) };
    },
    'team.activity': () => teamActivity(),
  };
}
