import type Sigma from 'sigma';
import type { Network } from '../../model/insights/co-mention';
import { layOut, toGraph } from './network-graph';
import { type RendererEvents, renderGraph } from './network-renderer';

/** A drawn network: its renderer, and when its first frame was painted (layout and total times, ms). */
export interface DrawnNetwork {
  sigma: Sigma;
  painted: Promise<{ layout: number; paint: number; iterations: number }>;
}

/** Builds, lays out and draws a network; `painted` settles after the first frame reached the screen. */
export function drawNetwork(network: Network, container: HTMLElement, events: RendererEvents): DrawnNetwork {
  const started = performance.now();
  if (__BENCH__) performance.mark('network:start');
  const graph = toGraph(network);
  const iterations = layOut(graph);
  const layout = performance.now() - started;
  const sigma = renderGraph(graph, container, events);
  // The frame after sigma's render shows what it drew.
  const painted = new Promise<{ layout: number; paint: number; iterations: number }>((resolve) => {
    const shown = () => {
      sigma.off('afterRender', shown);
      requestAnimationFrame(() => {
        if (__BENCH__) performance.mark('network:painted', { detail: { layout, iterations } });
        resolve({ layout, paint: performance.now() - started, iterations });
      });
    };
    sigma.on('afterRender', shown);
    // Sigma may have drawn within its constructor, before anyone listened: draw now, listened to.
    sigma.refresh();
  });
  // Reachable from the page's own scope only: tests find where a card is drawn to click it.
  Object.assign(globalThis, {
    dossierNodePoint: (id: string) =>
      graph.hasNode(id)
        ? sigma.graphToViewport({ x: graph.getNodeAttribute(id, 'x'), y: graph.getNodeAttribute(id, 'y') })
        : null,
  });
  return { sigma, painted };
}
