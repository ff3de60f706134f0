/// <reference lib="webworker" />
import iterate from 'graphology-layout-forceatlas2/iterate.js';

/*
 * ForceAtlas2 iterations off the page's thread: the network is painted after a time-boxed layout, and refined
 * here meanwhile. Given the layout's typed arrays and settings, runs the iterations asked and sends the node
 * array back (transferred).
 */

/** What the page sends. */
export interface LayoutJob {
  nodes: Float32Array;
  edges: Float32Array;
  settings: Record<string, unknown>;
  iterations: number;
}

self.addEventListener('message', (event: MessageEvent<LayoutJob>) => {
  const { nodes, edges, settings, iterations } = event.data;
  for (let i = 0; i < iterations; i++) iterate(settings, nodes, edges);
  self.postMessage({ nodes, iterations }, { transfer: [nodes.buffer] });
});
