import type { Network } from '../../model/insights/co-mention';
import { drawOnCanvas, type NetworkCanvas, type RendererEvents } from './network-canvas';
import { layOutKeeping, refineLayout, toGraph } from './network-graph';
import { sceneOf } from './network-scene';

/** A drawn network: its canvas, and when its first frame was painted (layout and total times, ms). */
export interface DrawnNetwork {
  canvas: NetworkCanvas;
  /** Stops a refinement under way and removes the canvas. */
  kill: () => void;
  painted: Promise<{ layout: number; paint: number; iterations: number }>;
}

/** Builds, lays out and draws a network; `painted` settles after the first frame reached the screen. */
export function drawNetwork(network: Network, container: HTMLElement, events: RendererEvents): DrawnNetwork {
  const started = performance.now();
  if (__BENCH__) performance.mark('network:start');
  const graph = toGraph(network);
  const state = layOutKeeping(graph);
  const { iterations } = state;
  const layout = performance.now() - started;
  const scene = sceneOf(graph);
  const canvas = drawOnCanvas(scene, container, events);
  const draw = performance.now() - started - layout;
  // The canvas was drawn synchronously: the next frame shows it.
  const painted = new Promise<{ layout: number; paint: number; iterations: number }>((resolve) => {
    requestAnimationFrame(() => {
      if (__BENCH__) performance.mark('network:painted', { detail: { layout, iterations, draw } });
      resolve({ layout, paint: performance.now() - started, iterations });
    });
  });
  // A layout the time box cut short goes on in a worker once the network is on screen, then is drawn again.
  let stop = () => {};
  let killed = false;
  if (state.cut) {
    void painted.then(() => {
      if (killed) return;
      stop = refineLayout(graph, state, canvas.dragging, (total) => {
        canvas.place(
          scene.ids.map((id) => graph.getNodeAttribute(id, 'x') as number),
          scene.ids.map((id) => graph.getNodeAttribute(id, 'y') as number),
        );
        if (__BENCH__) performance.mark('network:refined', { detail: { iterations: total } });
      });
    });
  }
  // Reachable from the page's own scope only: tests find where a card is drawn to click it.
  Object.assign(globalThis, { dossierNodePoint: (id: string) => canvas.pointOf(id) });
  return {
    canvas,
    painted,
    kill: () => {
      killed = true;
      stop();
      canvas.kill();
    },
  };
}
