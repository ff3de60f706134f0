import type { Network } from '../../model/insights/co-mention';
import { drawOnCanvas, type NetworkCanvas, type RendererEvents } from './network-canvas';
import { layOut, toGraph } from './network-graph';
import { sceneOf } from './network-scene';

/** A drawn network: its canvas, and when its first frame was painted (layout and total times, ms). */
export interface DrawnNetwork {
  canvas: NetworkCanvas;
  painted: Promise<{ layout: number; paint: number; iterations: number }>;
}

/** Builds, lays out and draws a network; `painted` settles after the first frame reached the screen. */
export function drawNetwork(network: Network, container: HTMLElement, events: RendererEvents): DrawnNetwork {
  const started = performance.now();
  if (__BENCH__) performance.mark('network:start');
  const graph = toGraph(network);
  const iterations = layOut(graph);
  const layout = performance.now() - started;
  const canvas = drawOnCanvas(sceneOf(graph), container, events);
  const draw = performance.now() - started - layout;
  // The canvas was drawn synchronously: the next frame shows it.
  const painted = new Promise<{ layout: number; paint: number; iterations: number }>((resolve) => {
    requestAnimationFrame(() => {
      if (__BENCH__) performance.mark('network:painted', { detail: { layout, iterations, draw } });
      resolve({ layout, paint: performance.now() - started, iterations });
    });
  });
  // Reachable from the page's own scope only: tests find where a card is drawn to click it.
  Object.assign(globalThis, { dossierNodePoint: (id: string) => canvas.pointOf(id) });
  return { canvas, painted };
}
