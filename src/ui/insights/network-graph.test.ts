import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { gatherOutliers, layOut } from './network-graph';

/** A ring of `n` nodes, each linked to the next, on a spiral (as toGraph seeds them). */
function ring(n: number): Graph {
  const graph = new Graph({ type: 'undirected' });
  for (let i = 0; i < n; i++)
    graph.addNode(String(i), { x: Math.sqrt(i + 0.5) * Math.cos(i), y: Math.sqrt(i) * Math.sin(i), size: 3 });
  for (let i = 0; i < n; i++) graph.addUndirectedEdge(String(i), String((i + 1) % n), { weight: 1 });
  return graph;
}

describe('network layout', () => {
  it('moves the nodes, and stops at its iteration cap when time allows', () => {
    const graph = ring(50);
    const before = { ...graph.getNodeAttributes('7') };
    const iterations = layOut(graph, 60_000);
    expect(iterations).toBe(300);
    const after = graph.getNodeAttributes('7');
    expect(after.x).not.toBe(before.x);
    expect(Number.isFinite(after.x) && Number.isFinite(after.y)).toBe(true);
  });

  it('stops when its time box is spent', () => {
    expect(layOut(ring(400), 0)).toBe(0);
  });

  it('brings nodes pushed far out onto a ring near the bulk, keeping their direction', () => {
    const graph = new Graph({ type: 'undirected' });
    for (let i = 0; i < 99; i++) graph.addNode(String(i), { x: Math.cos(i) * (i % 10), y: Math.sin(i) * (i % 10) });
    graph.addNode('far', { x: 1000, y: 0 });
    gatherOutliers(graph);
    const far = graph.getNodeAttributes('far');
    expect(far.x).toBeGreaterThan(5);
    expect(far.x).toBeLessThan(15);
    expect(Math.abs(far.y)).toBeLessThan(1);
    // The bulk stays where it was.
    expect(graph.getNodeAttribute('3', 'x')).toBeCloseTo(Math.cos(3) * 3);
  });
});
