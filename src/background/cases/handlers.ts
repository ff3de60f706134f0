import type { casePanelMessages } from '../../messaging/cases';
import type { Handlers } from '../../messaging/router';
import type { Case } from '../../model/case';
import type { Clip } from '../../model/clip';
import { verifyChains } from '../../model/custody';
import { clipStore } from '../clips/clipping';
import { shareCase } from '../team/share';
import { joinedTeams } from '../team/teams';
import {
  caseStore,
  createCase,
  currentCase,
  findCase,
  forgetCurrent,
  listCases,
  ownCase,
  setCurrentCase,
} from './cases';
import { appendCustody, custodyForks, custodyLog } from './custody';

/*
 * Cases for the side panel: create, rename, describe, close and reopen, the current case, sharing with a team,
 * filing a clip, and the custody log with its check. Every change to a case or its items is appended to its log.
 */

type CaseMessages = keyof typeof casePanelMessages;

/** A clip's facts for its log entries. */
const clipFacts = (clip: Clip): Record<string, string> => ({
  title: clip.title.slice(0, 500),
  url: clip.url.slice(0, 1500),
});

/** Writes a shared case's new state into its team (its members see the change), while this browser is in it. */
async function follow(found: Case): Promise<void> {
  const team = found.team;
  if (team && (await joinedTeams()).some((c) => c.team === team)) await shareCase(team, found);
}

/** Logs an event on a clip when it is filed in a case; whether it was logged. */
export async function logClip(
  clip: Clip | null,
  event: Parameters<typeof appendCustody>[1],
  detail: Record<string, string> = {},
): Promise<boolean> {
  if (!clip?.caseId) return false;
  await appendCustody(clip.caseId, event, clip.clipId, { ...clipFacts(clip), ...detail });
  return true;
}

export function casePanelHandlers(): Pick<Handlers<typeof casePanelMessages>, CaseMessages> {
  return {
    'cases.list': () => listCases(),
    'case.create': async ({ name, description, evidenceAlways, current }) => {
      const made = await createCase(name, description ?? '', evidenceAlways === true);
      await appendCustody(made.caseId, 'created', made.caseId, { name: made.name });
      if (current) await setCurrentCase(made.caseId);
      return made;
    },
    'case.update': async ({ caseId, name, description, evidenceAlways }) => {
      const before = await ownCase(caseId);
      const change = {
        ...(name !== undefined ? { name } : {}),
        ...(description !== undefined ? { description } : {}),
        ...(evidenceAlways !== undefined ? { evidenceAlways } : {}),
      };
      const after = await caseStore().update(caseId, change);
      const detail: Record<string, string> = {};
      if (name !== undefined && name !== before.name) detail.name = name;
      if (description !== undefined && description !== before.description)
        detail.description = description.slice(0, 2000);
      if (evidenceAlways !== undefined && evidenceAlways !== before.evidenceAlways)
        detail.evidenceAlways = String(evidenceAlways);
      if (Object.keys(detail).length > 0) await appendCustody(caseId, 'edited', caseId, detail);
      await follow(after);
      return after;
    },
    'case.status': async ({ caseId, status }) => {
      const before = await ownCase(caseId);
      if (before.status === status) return before;
      const after = await caseStore().update(caseId, { status });
      await appendCustody(caseId, status === 'closed' ? 'closed' : 'reopened', caseId, { name: after.name });
      if (status === 'closed') await forgetCurrent(caseId);
      await follow(after);
      return after;
    },
    'case.current': () => currentCase(),
    'case.current.set': ({ caseId }) => setCurrentCase(caseId),
    'case.log': async ({ caseId }) => {
      if (!(await findCase(caseId))) throw new Error('This case no longer exists.');
      const entries = await custodyLog(caseId);
      const { problems, heads } = await verifyChains(entries);
      return { entries, problems: [...(await custodyForks(caseId)), ...problems], heads };
    },
    'case.share': async ({ caseId, team }) => {
      const before = await ownCase(caseId);
      if (before.team && before.team !== team) throw new Error(`This case is shared with ${before.team} already.`);
      const clips = (await clipStore().list()).filter((clip) => clip.caseId === caseId);
      await shareCase(team, before, clips);
      const user = (await joinedTeams()).find((c) => c.team === team)?.user ?? before.createdBy;
      await caseStore().update(caseId, { team, createdBy: user }, before.updated);
      await appendCustody(caseId, 'shared', caseId, { team, clips: String(clips.length) });
      for (const clip of clips) await appendCustody(caseId, 'shared', clip.clipId, { ...clipFacts(clip), team });
      return { team, caseId, clips: clips.length };
    },
    'clip.case': async ({ clipId, caseId }) => {
      const before = await clipStore().get(clipId);
      if (!before) throw new Error('This clip no longer exists.');
      if (before.caseId === (caseId ?? undefined)) return before;
      let target: Case | null = null;
      if (caseId) {
        target = await findCase(caseId);
        if (!target) throw new Error('This case no longer exists.');
        if (target.status !== 'open') throw new Error(`The case “${target.name}” is closed: reopen it first.`);
      }
      const after = await clipStore().setCase(clipId, caseId);
      if (before.caseId) {
        await appendCustody(before.caseId, 'edited', clipId, {
          ...clipFacts(before),
          change: 'moved out of the case',
          to: target ? target.caseId : 'no case',
        });
      }
      if (target) {
        await appendCustody(target.caseId, 'created', clipId, {
          ...clipFacts(after),
          change: 'moved into the case',
          from: before.caseId ?? 'no case',
        });
      }
      return after;
    },
    'clip.viewed': async ({ clipId }) => ({ logged: await logClip(await clipStore().get(clipId), 'viewed') }),
    'clip.exported': async ({ clipId, format }) => ({
      logged: await logClip(await clipStore().get(clipId), 'exported', { format }),
    }),
  };
}
