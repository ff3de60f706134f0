import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import defaults from 'graphology-layout-forceatlas2/defaults.js';
import { assignLayoutChanges, graphToByteArrays, readGraphPositions } from 'graphology-layout-forceatlas2/helpers.js';
import iterate from 'graphology-layout-forceatlas2/iterate.js';
import type { Network } from '../../model/insights/co-mention';

/*
 * The co-mention network as a graphology graph laid out by ForceAtlas2: nodes start on a sunflower spiral,
 * most mentioned at the centre (deterministic, and already readable), then ForceAtlas2 runs within a time
 * budget, so that 2,000 cards are laid out and painted well within 2 seconds.
 */

/** Node colours per card kind (mid tones that read on light and dark backgrounds). */
export const KIND_COLOURS: Record<string, string> = {
  country: '#d9822b',
  company: '#2f80ed',
  person: '#9b51e0',
  organization: '#27ae60',
  product: '#e0457b',
  topic: '#14a3b8',
};
const OTHER = '#8a93a6';

/** The colour of a card kind. */
export function kindColour(kind: string): string {
  return KIND_COLOURS[kind] ?? OTHER;
}

/**
 * Most links drawn: the strongest. Thousands of articles link nearly every pair of cards once; the weak links
 * add ink and cost frames, not insight (and the network stays interactive at 2,000 cards and 20,000 links).
 */
export const MAX_DRAWN_EDGES = 20_000;

/** How long ForceAtlas2 may run before the first paint, and at most how many iterations. */
const LAYOUT_BUDGET_MS = 600;
const MAX_ITERATIONS = 300;

/** The graph of a network: node size by mentions (square root), edge size by shared articles. */
export function toGraph(network: Network): Graph {
  const graph = new Graph({ type: 'undirected', multi: false });
  const nodes = [...network.nodes].sort((a, b) => b.mentions - a.mentions);
  const most = Math.max(1, nodes[0]?.mentions ?? 1);
  const golden = Math.PI * (3 - Math.sqrt(5));
  nodes.forEach((node, i) => {
    const r = Math.sqrt(i + 0.5) * 10;
    graph.addNode(node.id, {
      label: node.name,
      x: r * Math.cos(i * golden),
      y: r * Math.sin(i * golden),
      size: 3 + 17 * Math.sqrt(node.mentions / most),
      color: kindColour(node.kind),
      kind: node.kind,
      mentions: node.mentions,
    });
  });
  const heaviest = Math.max(1, network.edges[0]?.weight ?? 1);
  // The network's edges come heaviest first.
  for (const edge of network.edges.slice(0, MAX_DRAWN_EDGES)) {
    graph.addUndirectedEdgeWithKey(`${edge.source}|${edge.target}`, edge.source, edge.target, {
      weight: edge.weight,
      size: 0.5 + 4 * Math.sqrt(edge.weight / heaviest),
    });
  }
  return graph;
}

/**
 * Lays a graph out in place; returns the iterations run. The graph is read into typed arrays once and iterated
 * on one iteration at a time: each iteration of 2,000 nodes costs tens of milliseconds in a busy browser, so the
 * budget is kept to within one, and ForceAtlas2 keeps its speeds from one iteration to the next (calling
 * `forceAtlas2.assign` in steps restarted them, and read the graph again each step).
 */
export function layOut(graph: Graph, budgetMs = LAYOUT_BUDGET_MS): number {
  return layOutKeeping(graph, budgetMs).iterations;
}

/** A layout's state, to go on with it (in a worker: `refineLayout`). */
export interface LayoutState {
  iterations: number;
  /** True when the time box ended it before its iteration cap. */
  cut: boolean;
  nodes: Float32Array;
  edges: Float32Array;
  settings: Record<string, unknown>;
}

/** `layOut`, returning its state. */
export function layOutKeeping(graph: Graph, budgetMs = LAYOUT_BUDGET_MS): LayoutState {
  const settings = {
    ...defaults,
    ...forceAtlas2.inferSettings(graph),
    barnesHutOptimize: graph.order > 200,
    adjustSizes: false,
  };
  const started = performance.now();
  const matrices = graphToByteArrays(graph, (_edge, attributes) => Number(attributes.weight) || 1);
  let iterations = 0;
  if (graph.order >= 2) {
    while (iterations < MAX_ITERATIONS && performance.now() - started < budgetMs) {
      iterate(settings, matrices.nodes, matrices.edges);
      iterations++;
    }
    assignLayoutChanges(graph, matrices.nodes, null);
    gatherOutliers(graph);
  }
  return {
    iterations,
    cut: graph.order >= 2 && iterations < MAX_ITERATIONS,
    nodes: matrices.nodes,
    edges: matrices.edges,
    settings,
  };
}

/** Iterations a worker runs per request: refinement yields to a drag between two requests. */
const REFINE_CHUNK = 10;

/**
 * Goes on with a layout the time box cut short, in a worker, up to its iteration cap, a chunk of iterations at
 * a time, none asked while `busy()` (a drag: on two shared CPUs the worker's iterations cost the pan frames);
 * `done` gets the graph with its new positions (outliers gathered again). Returns a function that stops it.
 */
export function refineLayout(
  graph: Graph,
  state: LayoutState,
  busy: () => boolean,
  done: (iterations: number) => void,
): () => void {
  const worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
  let iterations = state.iterations;
  let timer = 0;
  const ask = (nodes: Float32Array, first: boolean) => {
    if (busy()) {
      timer = window.setTimeout(() => ask(nodes, first), 100);
      return;
    }
    const count = Math.min(REFINE_CHUNK, MAX_ITERATIONS - iterations);
    const job = first
      ? { nodes, edges: state.edges, settings: state.settings, iterations: count }
      : { nodes, iterations: count };
    worker.postMessage(job, [nodes.buffer]);
  };
  worker.addEventListener('message', (event: MessageEvent<{ nodes: Float32Array; iterations: number }>) => {
    iterations += event.data.iterations;
    if (iterations < MAX_ITERATIONS) return ask(event.data.nodes, false);
    worker.terminate();
    assignLayoutChanges(graph, event.data.nodes, null);
    gatherOutliers(graph);
    done(iterations);
  });
  // The positions start from the graph's (outliers gathered): the speeds ForceAtlas2 reached are kept.
  readGraphPositions(graph, state.nodes);
  ask(state.nodes, true);
  return () => {
    clearTimeout(timer);
    worker.terminate();
  };
}

/**
 * Brings the nodes that ForceAtlas2 pushed far out (cards none of whose links are drawn: nothing holds them but
 * a weak gravity) onto a ring just outside the bulk of the network, in the same direction. Fitted to the screen,
 * a few such cards otherwise shrink the network to a blot in the middle.
 */
export function gatherOutliers(graph: Graph, quantile = 0.95, ring = 1.15): void {
  if (graph.order < 20) return;
  // The centre is the median node's, which the outliers themselves do not pull.
  const middle = (values: number[]) => values.sort((p, q) => p - q)[values.length >> 1] ?? 0;
  const cx = middle(graph.mapNodes((_id, a) => a.x));
  const cy = middle(graph.mapNodes((_id, a) => a.y));
  const distances = graph.mapNodes((_id, a) => Math.hypot(a.x - cx, a.y - cy)).sort((p, q) => p - q);
  const radius = (distances[Math.floor(quantile * (distances.length - 1))] ?? 0) * ring;
  if (!(radius > 0)) return;
  graph.updateEachNodeAttributes((_id, a) => {
    const d = Math.hypot(a.x - cx, a.y - cy);
    if (d <= radius) return a;
    return { ...a, x: cx + ((a.x - cx) / d) * radius, y: cy + ((a.y - cy) / d) * radius };
  });
}
