import { clipsCollection } from '../../clip/collection';
import { handOver } from '../../messaging/file-handover';
import type { panelToBackground } from '../../messaging/protocol';
import type { Handlers } from '../../messaging/router';
import { normaliseTags } from '../../model/clip';
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
    'clip.update': ({ clipId, tags, note }) => clipStore().update(clipId, normaliseTags(tags), note),
    'clip.delete': async ({ clipId }) => ({ title: (await clipStore().trash(clipId)).title }),
    'clip.restore': ({ clipId }) => clipStore().restore(clipId),
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
