import browser from 'webextension-polyfill';
import { backgroundToContent } from '../messaging/protocol';
import { createRouter } from '../messaging/router';
import { Annotator } from './annotator';
import { currentHost, removeHost } from './host';
import { watchMutations } from './live';
import { clearPaint, paintFocus } from './paint';
import { watchHover } from './popover-controller';

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

const annotator = new Annotator(document);

/** Whether our extension is still there; an orphaned script (extension updated or removed) must step aside. */
function isAlive(): boolean {
  if (signal.aborted) return false;
  if (globalThis.chrome?.runtime?.id) return true;
  controller.abort();
  return false;
}

signal.addEventListener('abort', () => {
  annotator.clear();
  clearPaint();
  removeHost();
  if (scope[INSTANCE] === retire) scope[INSTANCE] = undefined;
});
const retire = scope[INSTANCE];

const handle = createRouter(backgroundToContent, {
  'page.refresh': async () => ({ mentions: (await annotator.annotate(true)).painted.length }),
  'page.step': ({ direction }) => ({ found: stepper.step(direction) }),
  'page.reveal': ({ cardId, index }) => {
    const matches = annotator.current.painted.filter((p) => p.mention.cardId === cardId);
    const target = matches[(index ?? 0) % Math.max(matches.length, 1)];
    if (!target) return { found: false };
    target.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    paintFocus(target.range);
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

const stepper = watchHover(document, annotator, signal, isAlive);

function start(): void {
  if (!isAlive()) return;
  annotator.annotate().catch((error: unknown) => {
    // A background that went away mid-update is not the page's problem: stay quiet, retry on next event.
    if (!isAlive()) return;
    console.debug('Dossier could not annotate this page:', error);
  });
}

function watch(): void {
  start();
  const isOurs = (node: Node) => {
    const host = currentHost();
    return host !== null && (node === host || host.contains(node));
  };
  watchMutations(document, start, isOurs, signal);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch, { once: true, signal });
else watch();
