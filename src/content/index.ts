import browser from 'webextension-polyfill';
import { sendToBackground } from '../messaging/client';
import { backgroundToContent } from '../messaging/protocol';
import { createRouter } from '../messaging/router';
import { Annotator } from './annotator';
import { clearEvidence, revealEvidence } from './evidence';
import { currentHost, isOurs, removeHost } from './host';
import { watchMutations } from './live';
import { type LocalMatcher, localMatcher } from './local-match';
import { watchNavigation } from './navigation';
import { OwnNotes } from './own-notes';
import { clearPaint, paintFocus } from './paint';
import { watchPopover } from './popover-controller';
import { reportMentions } from './report';
import { watchSelection } from './selection-toolbar';

/*
 * The content script: runs in every frame, each annotating its own document. A newer copy of this script
 * (after an update, or injected into an open tab) retires the older one in the same world, and a copy whose
 * extension went away retires itself on its next event.
 */

const INSTANCE = Symbol.for('dossier.content.retire');
type Retire = () => void;
const scope = globalThis as unknown as Record<symbol, Retire | undefined>;
scope[INSTANCE]?.();

const controller = new AbortController();
const { signal } = controller;
scope[INSTANCE] = () => controller.abort();

/** Whether our extension is still there; an orphaned script (extension updated or removed) must step aside. */
function isAlive(): boolean {
  if (signal.aborted) return false;
  if (globalThis.chrome?.runtime?.id) return true;
  controller.abort();
  return false;
}

const report = reportMentions(document);
/**
 * Whether Dossier may read this page (site on, not paused), asked before every full collection: an off site or
 * a paused Dossier reads nothing of the page. The answer is asked for as soon as the script starts, so that the
 * round trip overlaps the page's own loading, and kept until the background says the settings changed (it
 * sends `page.refresh` to every tab then) or the page comes back from the back/forward cache or a freeze,
 * where that message could not reach it.
 */
let status: Promise<boolean> | null = null;
function allowed(): Promise<boolean> {
  if (!status) {
    const asked = sendToBackground('site.status', {}).then((answer) => {
      // A background that could not answer is asked again next time.
      if (!answer.ok && status === asked) status = null;
      return answer.ok && answer.value.enabled;
    });
    status = asked;
  }
  return status;
}
/**
 * The dictionary the background hands this frame to match with (null where it keeps matching itself: the
 * dictionary is too big to copy into pages, or Dossier may not read this page). The top frame asks as the
 * script starts, beside the site's status; another frame when it first has text to match (most frames of a
 * page, ads and widgets, never do). Forgotten with the status: after `page.refresh` (cards, packs, teams or
 * settings changed) the next annotation asks again, so an edit reaches open pages as it did.
 */
let dictionary: Promise<LocalMatcher | null> | null = null;
function matcher(): Promise<LocalMatcher | null> {
  if (!dictionary) {
    const asked = sendToBackground('page.dictionary', {}).then((answer) => {
      // A background that could not answer is asked again next time; meanwhile the text goes to it.
      if (!answer.ok) {
        if (dictionary === asked) dictionary = null;
        return null;
      }
      return answer.value && localMatcher(answer.value);
    });
    dictionary = asked;
  }
  return dictionary;
}
const forgetStatus = () => {
  status = null;
  dictionary = null;
};
window.addEventListener('pageshow', (event) => event.persisted && forgetStatus(), { signal });
document.addEventListener('resume', forgetStatus, { signal });

/** The user's own highlights and notes: kept for the top frame's page only. */
const topFrame = window.top === window;
let notesChanged = 0;
const notes = new OwnNotes(document, {
  exclude: currentHost,
  changed: () => {
    // Several changes in a row make one message to the side panel.
    window.clearTimeout(notesChanged);
    notesChanged = window.setTimeout(() => isAlive() && void sendToBackground('annotations.changed', {}), 100);
  },
});

const annotator = new Annotator(document, {
  exclude: currentHost,
  allowed,
  changed: report,
  // The user's highlights and notes are asked for while the page's text is collected and matched, and
  // anchored in that same text once its mentions are painted.
  annotations: () => (topFrame ? notes.fetch() : null),
  placeAnnotations: (list, page) => topFrame && quietly(notes.receive(list, page)),
  matcher,
});

signal.addEventListener('abort', () => {
  annotator.clear();
  notes.clear();
  clearPaint();
  clearEvidence();
  removeHost();
  if (scope[INSTANCE] === retire) scope[INSTANCE] = undefined;
});
const retire = scope[INSTANCE];

const popover = watchPopover(document, annotator, signal, isAlive);
/** The annotation toolbar (top frame only, once started). */
let toolbar: ReturnType<typeof watchSelection> | null = null;

const handle = createRouter(backgroundToContent, {
  'page.refresh': async () => {
    // Sent after the settings changed: the site's status is asked again.
    forgetStatus();
    popover.hide();
    return { mentions: await annotator.annotate() };
  },
  'page.evidence.reveal': ({ sentence }) => ({ found: revealEvidence(document, sentence, currentHost()) }),
  'page.reveal': ({ cardId, index }) => {
    const matches = annotator.ordered(cardId);
    const target = matches[(index ?? 0) % Math.max(matches.length, 1)];
    if (!target) return { found: false };
    // Instant: a page that is not the focused one (the side panel is) may not animate a smooth scroll.
    target.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
    paintFocus(target.range);
    setTimeout(() => paintFocus(null), 1500);
    return { found: true };
  },
  'page.step': ({ direction }) => ({ found: popover.step(direction) }),
  'page.annotations': () => notes.list(),
  'page.annotate': () => ({ found: toolbar?.annotateSelection() ?? false }),
  'page.annotations.refresh': async ({ source }) => {
    if (topFrame) await notes.load(source);
    return notes.list();
  },
  'page.annotation.reveal': ({ id }) => {
    const range = notes.rangeOf(id);
    if (!range) return { found: false };
    range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
    paintFocus(range);
    setTimeout(() => paintFocus(null), 1500);
    return { found: true };
  },
});

const onMessage = (message: unknown, sender: browser.Runtime.MessageSender) => {
  if (!isAlive()) return undefined;
  return handle(message, sender);
};
browser.runtime.onMessage.addListener(onMessage);
signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));

function quietly(work: Promise<unknown>): void {
  work.catch((error: unknown) => {
    // A background that went away mid-update is not the page's problem: stay quiet, retry on next event.
    if (!isAlive()) return;
    console.debug('Dossier could not annotate this page:', error);
  });
}

/** Runs once the page is idle (its own load work done), or after a second at the latest. */
function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 1000 });
  else setTimeout(run, 0);
}

function start(): void {
  if (!isAlive()) return;
  // Asked now, answered while the page finishes loading.
  void allowed();
  if (topFrame) void matcher();
  // The first annotation waits for the page to be idle, so it never competes with the page's own loading.
  whenIdle(() => isAlive() && quietly(annotator.annotate()));
  if (topFrame) toolbar = watchSelection(document, notes, signal, isAlive);
  const live = watchMutations(
    document,
    {
      update: (roots) => {
        if (!isAlive()) return;
        quietly(annotator.update(roots));
        if (topFrame) quietly(notes.reanchor());
      },
      dropDetached: () => {
        if (!isAlive()) return;
        annotator.dropDetached();
        if (topFrame) quietly(notes.reanchor());
      },
      rescan: () => {
        if (!isAlive()) return;
        quietly(annotator.annotate());
        if (topFrame) quietly(notes.reanchor());
      },
      isOurs,
    },
    signal,
  );
  annotator.onShadowRoot = (root) => live.observe(root);
  watchNavigation(() => isAlive() && quietly(annotator.annotate()), signal);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true, signal });
else start();
