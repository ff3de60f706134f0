import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
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

/** Lays a graph out in place; returns the iterations run. */
export function layOut(graph: Graph, budgetMs = LAYOUT_BUDGET_MS): number {
  if (graph.order < 2) return 0;
  const settings = {
    ...forceAtlas2.inferSettings(graph),
    barnesHutOptimize: graph.order > 200,
    adjustSizes: false,
  };
  const started = performance.now();
  let iterations = 0;
  // A few iterations at a time: each call reads the graph into typed arrays once.
  const step = graph.order > 1000 ? 5 : 20;
  while (iterations < MAX_ITERATIONS && performance.now() - started < budgetMs) {
    forceAtlas2.assign(graph, { iterations: step, settings, getEdgeWeight: 'weight' });
    iterations += step;
  }
  return iterations;
}
