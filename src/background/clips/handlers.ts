import { clipsCollection } from '../../clip/collection';
import { handOver } from '../../messaging/file-handover';
import type { panelToBackground } from '../../messaging/protocol';
import type { Handlers } from '../../messaging/router';
import { normaliseTags } from '../../model/clip';
import { sha256Hex } from '../../model/custody';
import { logClip } from '../cases/handlers';
import type { Library } from '../library';
import { annotationStore } from './annotation-handlers';
import { briefTab, clipStore, clipTab } from './clipping';

/*
 * The clips, for the side panel: clip a tab's page, read, tag and annotate, delete (with Undo) and export as
 * JSON-LD. Markdown and ZIP exports are made in the panel, where Turndown has a DOM to parse the article with.
 */

type ClipMessages =
  | 'page.brief'
  | 'clip.save'
  | 'clip.get'
  | 'clip.file'
  | 'clips.list'
  | 'clip.update'
  | 'clip.delete'
  | 'clip.restore'
  | 'clips.export';

/** The extension pages' clip handlers. */
export function clipPanelHandlers(library: Library): Pick<Handlers<typeof panelToBackground>, ClipMessages> {
  return {
    'page.brief': ({ tabId }) => briefTab(library, tabId),
    'clip.save': ({ tabId, brief, keepFile }) => clipTab(library, tabId, brief === true, keepFile === true),
    'clip.file': async ({ clipId }) => {
      const clip = await clipStore().get(clipId);
      const file = clip ? await clipStore().file(clipId) : null;
      if (!clip || !file) throw new Error('This clip keeps no PDF file: open it from its address.');
      return { key: await handOver(file), url: clip.url, title: clip.title };
    },
    'clip.get': async ({ clipId }) => {
      const clip = await clipStore().get(clipId);
      if (!clip) throw new Error(`No clip ${clipId}`);
      return clip;
    },
    'clips.list': () => clipStore().list(),
    'clip.update': async ({ clipId, tags, note }) => {
      const before = await clipStore().get(clipId);
      const after = await clipStore().update(clipId, normaliseTags(tags), note);
      if (before && (before.note !== after.note || before.tags.join('\n') !== after.tags.join('\n'))) {
        await logClip(after, 'edited', {
          change: 'tags or note',
          tags: after.tags.join(', ').slice(0, 2000),
          noteSha256: await sha256Hex(after.note),
        });
      }
      return after;
    },
    'clip.delete': async ({ clipId }) => {
      const deleted = await clipStore().trash(clipId);
      await logClip(deleted, 'deleted');
      return { title: deleted.title };
    },
    'clip.restore': async ({ clipId }) => {
      const restored = await clipStore().restore(clipId);
      await logClip(restored, 'edited', { change: 'brought back after its deletion' });
      return restored;
    },
    'clips.export': async () => {
      const now = new Date().toISOString();
      const collection = clipsCollection(await clipStore().list(), await annotationStore().list(), now);
      return {
        fileName: `dossier-clips-${now.slice(0, 10)}.jsonld`,
        mimeType: 'application/ld+json',
        text: `${JSON.stringify(collection, null, 2)}\n`,
      };
    },
  };
}
