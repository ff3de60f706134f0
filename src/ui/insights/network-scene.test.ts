import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import {
  distanceToSegment,
  edgeAt,
  fitCamera,
  nodeAt,
  nodeGrid,
  radiusOf,
  sceneOf,
  widthClassOf,
  zoomAbout,
} from './network-scene';

/** Three cards on a line and one above: a–b, b–c and a–d linked. */
function sample() {
  const graph = new Graph({ type: 'undirected' });
  graph.addNode('a', { x: 0, y: 0, size: 10, label: 'A', color: '#111111' });
  graph.addNode('b', { x: 100, y: 0, size: 4, label: 'B', color: '#222222' });
  graph.addNode('c', { x: 200, y: 0, size: 4, label: 'C', color: '#222222' });
  graph.addNode('d', { x: 0, y: 100, size: 4, label: 'D', color: '#111111' });
  graph.addUndirectedEdge('a', 'b', { size: 4 });
  graph.addUndirectedEdge('b', 'c', { size: 0.5 });
  graph.addUndirectedEdge('a', 'd', { size: 1.5 });
  return sceneOf(graph);
}

describe('network scene', () => {
  it('flattens a graph: nodes by index, largest first, edges by width class', () => {
    const scene = sample();
    expect(scene.ids).toEqual(['a', 'b', 'c', 'd']);
    expect(scene.bySize[0]).toBe(0);
    expect([...scene.source]).toEqual([0, 1, 0]);
    expect([...scene.target]).toEqual([1, 2, 3]);
    expect([...scene.widthClass]).toEqual([3, 0, 1]);
    expect(widthClassOf(2.5)).toBe(2);
  });

  it('fits the whole scene in the viewport, centred, with its margin', () => {
    const scene = sample();
    const camera = fitCamera(scene, 448, 448, 24);
    // 200 units wide into 400 pixels.
    expect(camera.scale).toBe(2);
    expect(0 * camera.scale + camera.ox).toBe(24);
    expect(200 * camera.scale + camera.ox).toBe(424);
    // 100 units tall: centred vertically.
    expect(0 * camera.scale + camera.oy).toBe(124);
  });

  it('zooms about a point, which stays where it is', () => {
    const camera = { scale: 2, ox: 10, oy: 20, zoom: 1 };
    const zoomed = zoomAbout(camera, 2, 110, 220);
    expect(zoomed.zoom).toBe(2);
    expect((110 - camera.ox) / camera.scale).toBeCloseTo((110 - zoomed.ox) / zoomed.scale);
    expect((220 - camera.oy) / camera.scale).toBeCloseTo((220 - zoomed.oy) / zoomed.scale);
    expect(zoomAbout(camera, 1000, 0, 0).zoom).toBe(40);
  });

  it('finds the node under a point through the grid, and none beside', () => {
    const scene = sample();
    const camera = fitCamera(scene, 448, 448, 24);
    const grid = nodeGrid(scene, camera);
    // b is drawn at (224, 124), radius 4 × 0.6.
    expect(nodeAt(scene, camera, grid, 224, 124)).toBe(1);
    expect(nodeAt(scene, camera, grid, 224 + radiusOf(scene, camera, 1) + 1, 124)).toBe(1);
    expect(nodeAt(scene, camera, grid, 224 + radiusOf(scene, camera, 1) + 4, 124)).toBe(-1);
    // a is large: a point 7 pixels from its centre is on it.
    expect(nodeAt(scene, camera, grid, 24 + 7, 124)).toBe(0);
    expect(nodeAt(scene, camera, grid, 300, 400)).toBe(-1);
  });

  it('finds the link nearest a point, within its tolerance', () => {
    const scene = sample();
    const camera = fitCamera(scene, 448, 448, 24);
    // Midway between b and c, 2 pixels below the line.
    expect(edgeAt(scene, camera, 324, 126)).toBe(1);
    // Midway between a and d (a vertical link at x = 24).
    expect(edgeAt(scene, camera, 26, 224)).toBe(2);
    expect(edgeAt(scene, camera, 324, 160)).toBe(-1);
    expect(distanceToSegment(5, 5, 0, 0, 10, 0)).toBe(5);
    expect(distanceToSegment(-3, 4, 0, 0, 10, 0)).toBe(5);
  });
});
