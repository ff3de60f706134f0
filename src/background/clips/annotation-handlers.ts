import { withoutTracking } from '../../clip/canonical';
import { sendToTab } from '../../messaging/client';
import type { DownloadFile, PageAnnotations } from '../../messaging/protocol';
import type { Sender } from '../../messaging/router';
import type { Annotation } from '../../model/annotation';
import { parseAnnotations, toAnnotationCollection } from '../../model/annotation-io';
import { clipIdOf } from '../../model/clip';
import { AnnotationStore } from '../../store/annotations';
import { logClip } from '../cases/handlers';
import { announce } from '../page/track';
import { followAnnotation, teammatesAnnotations } from '../team/share';
import { clipStore } from './clipping';

/*
 * The user's highlights and notes: the background stores them; each page's top frame anchors its own and
 * knows which are orphaned, so the side panel asks the page.
 */

const store = new AnnotationStore();

/** The annotation store (backups read it). */
export function annotationStore(): AnnotationStore {
  return store;
}

/** Asks a tab's top frame for its highlights and notes (none where no content script runs). */
async function pageAnnotations(tabId: number): Promise<PageAnnotations> {
  const answer = await sendToTab(tabId, 'page.annotations', {}, 0);
  return answer.ok ? answer.value : { source: null, items: [] };
}

/** Has open pages (those of `source`, or all) load their highlights and notes again. */
export async function refreshPages(source?: string): Promise<void> {
  const tabs = await chrome.tabs.query({});
  const payload = source === undefined ? {} : { source };
  await Promise.all(
    tabs.map((tab) => (tab.id === undefined ? undefined : sendToTab(tab.id, 'page.annotations.refresh', payload, 0))),
  );
}

/** A safe file name part from a URL's host. */
function hostOf(source: string): string {
  try {
    return new URL(source).hostname.replace(/[^a-z0-9.-]/gi, '_') || 'page';
  } catch {
    return 'page';
  }
}

/** The annotations of a page as a JSON-LD file. */
export function annotationFile(source: string, annotations: readonly Annotation[], now = new Date()): DownloadFile {
  return {
    fileName: `dossier-annotations-${hostOf(source)}-${now.toISOString().slice(0, 10)}.jsonld`,
    mimeType: 'application/ld+json',
    text: `${JSON.stringify(toAnnotationCollection(`Highlights and notes on ${source}`, annotations), null, 2)}\n`,
  };
}

/**
 * A page's content script reads and writes the annotations of its own origin only: a page that took over its
 * renderer still cannot read what the user noted on other sites.
 */
export function ownOrigin(source: string, sender: Sender): string {
  const from = sender.url ?? sender.tab?.url ?? '';
  // A PDF's annotations (urn:x-pdf:<fingerprint>) are read and written by Dossier's reader page alone.
  if (source.startsWith('urn:x-pdf:')) {
    if (from.startsWith(chrome.runtime.getURL('pdf.html'))) return source;
    throw new Error('A page may only read and write its own annotations.');
  }
  let same = false;
  try {
    same = new URL(source).origin === new URL(from).origin;
  } catch {
    same = false;
  }
  if (!same) throw new Error('A page may only read and write its own annotations.');
  return source;
}

/** The user's annotations on a page, then those teammates shared there (each naming its author). */
async function forPage(source: string): Promise<Annotation[]> {
  const [own, shared] = await Promise.all([
    store.forPage(source),
    teammatesAnnotations(source).catch((error: unknown) => {
      console.warn('Dossier: could not read the teams’ highlights of a page', error);
      return [];
    }),
  ]);
  if (shared.length === 0) return own;
  const ids = new Set(own.map((a) => a.id));
  return [...own, ...shared.filter((a) => !ids.has(a.id))];
}

/** A teammate's annotation is theirs: it is shown, never changed or deleted here. */
function ownAnnotation(annotation: Annotation): Annotation {
  if (annotation.creator) {
    throw new Error(`This is ${annotation.creator.name}’s note: only they can change it.`);
  }
  return annotation;
}

/** Stores the user's annotation, and updates the teams' copies when it was shared. */
async function saveOwn(annotation: Annotation): Promise<Annotation> {
  const saved = await store.put(ownAnnotation(annotation));
  await followAnnotation(saved).catch((error: unknown) =>
    console.warn('Dossier: could not update a shared highlight', error),
  );
  await logAnnotation(saved.target.source, saved.id, 'saved');
  return saved;
}

/**
 * A highlight or note on the page of a clip filed in a case is an event of the case's log (the clip is the one
 * of the page's address, as clipping files it).
 */
async function logAnnotation(source: string, id: string, change: 'saved' | 'deleted'): Promise<void> {
  let page: string;
  try {
    page = withoutTracking(source);
  } catch {
    return;
  }
  const clip = await clipStore().get(clipIdOf(page));
  await logClip(clip, 'annotated', { annotation: id, change: `highlight or note ${change}` });
}

/** Deletes the user's annotation, and the teams' copies when it was shared. */
async function removeOwn(source: string, id: string): Promise<boolean> {
  const removed = await store.remove(source, id);
  await followAnnotation({ id, target: { source } as Annotation['target'] }, true).catch((error: unknown) =>
    console.warn('Dossier: could not delete a shared highlight', error),
  );
  if (removed) await logAnnotation(source, id, 'deleted');
  return removed;
}

/** What content scripts may ask about annotations. */
export function annotationContentHandlers() {
  return {
    'annotations.page': ({ source }: { source: string }, sender: Sender) => forPage(ownOrigin(source, sender)),
    'annotation.save': ({ annotation }: { annotation: Annotation }, sender: Sender) => {
      ownOrigin(annotation.target.source, sender);
      return saveOwn(annotation);
    },
    'annotation.delete': async ({ source, id }: { source: string; id: string }, sender: Sender) => ({
      removed: await removeOwn(ownOrigin(source, sender), id),
    }),
    'annotations.changed': (_payload: unknown, sender: Sender) => {
      const tabId = sender.tab?.id;
      if (tabId !== undefined) announce(tabId);
      return { announced: tabId !== undefined };
    },
  };
}

/** What the side panel may ask about annotations. */
export function annotationPanelHandlers() {
  /** After a change, the pages showing that source anchor their annotations again. */
  const changed = async <T>(source: string, value: T): Promise<T> => {
    await refreshPages(source);
    return value;
  };
  return {
    'tab.annotations': ({ tabId }: { tabId: number }) => pageAnnotations(tabId),
    'annotation.save': async ({ annotation }: { annotation: Annotation }) =>
      changed(annotation.target.source, await saveOwn(annotation)),
    'annotation.delete': async ({ source, id }: { source: string; id: string }) =>
      changed(source, { removed: await removeOwn(source, id) }),
    'annotation.reveal': async ({ tabId, id }: { tabId: number; id: string }) => {
      const answer = await sendToTab(tabId, 'page.annotation.reveal', { id }, 0);
      return answer.ok ? answer.value : { found: false };
    },
    'annotations.export': async ({ tabId }: { tabId: number }) => {
      const { source } = await pageAnnotations(tabId);
      if (!source) throw new Error('This page has no highlights or notes to export.');
      const annotations = await store.forPage(source);
      if (annotations.length === 0) throw new Error('This page has no highlights or notes to export.');
      return annotationFile(source, annotations);
    },
    'annotations.import': async ({ text }: { text: string }) => {
      const parsed = parseAnnotations(text);
      if (!parsed.ok) throw new Error(`This file cannot be imported: ${parsed.error}. Nothing was changed.`);
      const { annotations } = parsed.value;
      if (annotations.length === 0) throw new Error('This file holds no highlights or notes. Nothing was changed.');
      await store.putAll(annotations);
      void refreshPages();
      return { imported: annotations.length, pages: new Set(annotations.map((a) => a.target.source)).size };
    },
  };
}
