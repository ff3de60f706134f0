/**
 * The extension's service worker seen through the Chrome DevTools Protocol, from a page of the same browser
 * (Playwright opens CDP sessions on pages only): its JS heap after a garbage collection, and stopping it as
 * Chromium does when it has been idle.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** A CDP session on some page of the context (a blank one is opened and kept when there is none). */
async function pageSession(context: BrowserContext): Promise<{ page: Page; cdp: CDPSession }> {
  const page = context.pages()[0] ?? (await context.newPage());
  return { page, cdp: await context.newCDPSession(page) };
}

/** What `Runtime.getHeapUsage` says of the service worker after `HeapProfiler.collectGarbage`. */
export interface WorkerHeap {
  /** The V8 heap in use: the worker's JavaScript objects. */
  usedSize: number;
  /** The V8 heap reserved. */
  totalSize: number;
  /** Blink's own heap (Oilpan) in use: the worker's platform objects. */
  embedderHeapUsedSize: number;
  /** ArrayBuffer backing stores. */
  backingStorageSize: number;
}

/** A CDP session on the extension's service worker. */
export interface WorkerSession {
  send<T>(method: string, params?: Record<string, unknown>): Promise<T>;
  /** Listens to the worker's CDP events of one method (`Debugger.paused` …). */
  on(method: string, listener: (params: Record<string, unknown>) => void): void;
  detach(): Promise<void>;
}

/**
 * Attaches to the extension's running service worker. The page's session attaches to the worker's target in
 * the non-flat mode (commands wrapped in Target.sendMessageToTarget), which a page-level session may do.
 */
export async function attachWorker(context: BrowserContext): Promise<WorkerSession> {
  const { cdp } = await pageSession(context);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
  if (!worker) {
    await cdp.detach();
    throw new Error('The extension has no running service worker.');
  }
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
  let next = 1;
  const waiting = new Map<number, (message: { result?: unknown; error?: { message: string } }) => void>();
  const listeners = new Map<string, Array<(params: Record<string, unknown>) => void>>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as {
      id?: number;
      result?: unknown;
      error?: { message: string };
      method?: string;
      params?: Record<string, unknown>;
    };
    if (message.id !== undefined) waiting.get(message.id)?.(message);
    else if (message.method) for (const listener of listeners.get(message.method) ?? []) listener(message.params ?? {});
  });
  return {
    async send<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
      const id = next++;
      const answer = new Promise<{ result?: unknown; error?: { message: string } }>((done) => waiting.set(id, done));
      await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      const { result, error } = await answer;
      waiting.delete(id);
      if (error) throw new Error(`${method}: ${error.message}`);
      return result as T;
    },
    on(method, listener) {
      listeners.set(method, [...(listeners.get(method) ?? []), listener]);
    },
    async detach() {
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      await cdp.detach().catch(() => undefined);
    },
  };
}

/** The extension service worker's heap after a full garbage collection. */
export async function workerHeap(context: BrowserContext): Promise<WorkerHeap> {
  const worker = await attachWorker(context);
  try {
    // Twice: objects freed by the first collection's finalisers go in the second.
    await worker.send('HeapProfiler.collectGarbage');
    await worker.send('HeapProfiler.collectGarbage');
    return await worker.send<WorkerHeap>('Runtime.getHeapUsage');
  } finally {
    await worker.detach();
  }
}

/**
 * Stops the browser's running service workers (the extension's among them), as Chromium does after 30 s
 * without events; the next event (a message, an alarm) starts the worker again from scratch.
 */
export async function stopServiceWorkers(context: BrowserContext): Promise<void> {
  const { cdp } = await pageSession(context);
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  } finally {
    await cdp.detach();
  }
}

/**
 * Sets a breakpoint in the worker's code, at the offset `locate` finds in one of its scripts' source (-1: not in
 * this one). Resolves once it is set, with `paused`: resolves when the worker stops at it. The worker stays
 * paused until it is resumed, stopped, or the session is detached.
 */
export async function breakpointIn(
  worker: WorkerSession,
  locate: (source: string) => number,
): Promise<{ paused: Promise<void> }> {
  const scripts: string[] = [];
  worker.on('Debugger.scriptParsed', (params) => {
    if (String(params.url).startsWith('chrome-extension://')) scripts.push(String(params.scriptId));
  });
  let breakpoint = '';
  const paused = new Promise<void>((done) =>
    worker.on('Debugger.paused', (params) => {
      if ((params.hitBreakpoints as string[] | undefined)?.includes(breakpoint)) done();
    }),
  );
  // Enabling the debugger reports every script already parsed.
  await worker.send('Debugger.enable');
  for (const scriptId of scripts) {
    const { scriptSource } = await worker.send<{ scriptSource: string }>('Debugger.getScriptSource', { scriptId });
    const at = locate(scriptSource);
    if (at < 0) continue;
    const before = scriptSource.slice(0, at);
    const lineNumber = before.split('\n').length - 1;
    const columnNumber = at - (before.lastIndexOf('\n') + 1);
    ({ breakpointId: breakpoint } = await worker.send<{ breakpointId: string }>('Debugger.setBreakpoint', {
      location: { scriptId, lineNumber, columnNumber },
    }));
    return { paused };
  }
  throw new Error(`No script of the worker (${scripts.length} searched) has the place to break at.`);
}
