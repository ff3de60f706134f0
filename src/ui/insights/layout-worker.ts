/// <reference lib="webworker" />
import iterate from 'graphology-layout-forceatlas2/iterate.js';

/*
 * ForceAtlas2 iterations off the page's thread: the network is painted after a time-boxed layout, and refined
 * here meanwhile. Given the layout's typed arrays (the edges and settings with the first request only), runs
 * the iterations asked and sends the node array back (transferred), for the page to ask for more.
 */

/** What the page sends. */
export interface LayoutJob {
  nodes: Float32Array;
  edges?: Float32Array;
  settings?: Record<string, unknown>;
  iterations: number;
}

let edges: Float32Array = new Float32Array(0);
let settings: Record<string, unknown> = {};

self.addEventListener('message', (event: MessageEvent<LayoutJob>) => {
  const { nodes, iterations } = event.data;
  edges = event.data.edges ?? edges;
  settings = event.data.settings ?? settings;
  for (let i = 0; i < iterations; i++) iterate(settings, nodes, edges);
  self.postMessage({ nodes, iterations }, { transfer: [nodes.buffer] });
});
