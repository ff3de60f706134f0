/*
 * Work of ours on the page's main thread is cut into slices that each end within a frame budget, so that no
 * task of ours becomes a long task (> 50 ms) and the page keeps answering input between slices.
 */

/** How long one slice may run before yielding to the page: one frame at 60 Hz, far below a long task (50 ms). */
export const SLICE_MS = 16;

type Yielder = { yield?: () => Promise<void> };

/** Resolves in a new task: `scheduler.yield()` where Chromium has it, else a message-channel round trip. */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Yielder }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** A deadline `SLICE_MS` from now, as `performance.now()` time. */
export function sliceDeadline(): number {
  return performance.now() + SLICE_MS;
}

/**
 * Runs `step(deadline)` until it returns true (done), one slice per task. `cancelled` is checked between
 * slices so that newer work can supersede older work.
 */
export async function runSliced(step: (deadline: number) => boolean, cancelled: () => boolean): Promise<boolean> {
  while (!step(sliceDeadline())) {
    await nextTask();
    if (cancelled()) return false;
  }
  return true;
}
