import type Graph from 'graphology';

/*
 * A laid-out network as flat arrays (what the canvas renderer draws and hit-tests), the camera that maps it to
 * the screen, and the hit tests: the node under a point (a uniform grid of screen cells) and the link nearest a
 * point (distance to segment). No DOM: unit-tested in Node.
 */

/** Nodes and edges of a laid-out graph, by index. */
export interface Scene {
  ids: string[];
  labels: string[];
  colours: string[];
  x: Float64Array;
  y: Float64Array;
  /** Node size (radius in CSS pixels at the fitted zoom). */
  size: Float64Array;
  /** Node indices, largest first (labels are placed in this order). */
  bySize: number[];
  source: Uint32Array;
  target: Uint32Array;
  /** Edge width class, 0 (thinnest) to WIDTHS.length - 1. */
  widthClass: Uint8Array;
  index: Map<string, number>;
}

/** Line widths (CSS pixels) of the edge classes; edges are stroked as one path per class. */
export const WIDTHS = [0.5, 1, 2, 3.5] as const;

/** Graph to screen: screen = graph × scale + offset. `zoom` is the scale relative to the fitted one. */
export interface Camera {
  scale: number;
  ox: number;
  oy: number;
  zoom: number;
}

/** The scene of a laid-out graph (nodes need x, y, size, color, label; edges size). */
export function sceneOf(graph: Graph): Scene {
  const n = graph.order;
  const scene: Scene = {
    ids: [],
    labels: [],
    colours: [],
    x: new Float64Array(n),
    y: new Float64Array(n),
    size: new Float64Array(n),
    bySize: [],
    source: new Uint32Array(graph.size),
    target: new Uint32Array(graph.size),
    widthClass: new Uint8Array(graph.size),
    index: new Map(),
  };
  graph.forEachNode((id, a) => {
    const i = scene.ids.length;
    scene.index.set(id, i);
    scene.ids.push(id);
    scene.labels.push(String(a.label ?? id));
    scene.colours.push(String(a.color ?? '#8a93a6'));
    scene.x[i] = Number(a.x) || 0;
    scene.y[i] = Number(a.y) || 0;
    scene.size[i] = Number(a.size) || 1;
  });
  scene.bySize = scene.ids.map((_, i) => i).sort((p, q) => (scene.size[q] ?? 0) - (scene.size[p] ?? 0));
  let e = 0;
  graph.forEachEdge((_key, a, source, target) => {
    scene.source[e] = scene.index.get(source) ?? 0;
    scene.target[e] = scene.index.get(target) ?? 0;
    scene.widthClass[e] = widthClassOf(Number(a.size) || 0.5);
    e++;
  });
  return scene;
}

/** The class of an edge of this size (graph sizes run from 0.5 to 4.5). */
export function widthClassOf(size: number): number {
  if (size < 1) return 0;
  if (size < 2) return 1;
  if (size < 3.2) return 2;
  return 3;
}

/** The camera showing the whole scene in a width × height viewport with a margin. */
export function fitCamera(scene: Scene, width: number, height: number, margin = 24): Camera {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < scene.ids.length; i++) {
    const x = scene.x[i] ?? 0;
    const y = scene.y[i] ?? 0;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (!scene.ids.length) return { scale: 1, ox: width / 2, oy: height / 2, zoom: 1 };
  const spanX = Math.max(1e-9, maxX - minX);
  const spanY = Math.max(1e-9, maxY - minY);
  const scale = Math.min(Math.max(1, width - 2 * margin) / spanX, Math.max(1, height - 2 * margin) / spanY);
  return {
    scale,
    ox: width / 2 - ((minX + maxX) / 2) * scale,
    oy: height / 2 - ((minY + maxY) / 2) * scale,
    zoom: 1,
  };
}

/** The camera zoomed by `factor` about the screen point (px, py), the zoom kept within [0.2, 40]. */
export function zoomAbout(camera: Camera, factor: number, px: number, py: number): Camera {
  const zoom = Math.min(40, Math.max(0.2, camera.zoom * factor));
  const f = zoom / camera.zoom;
  return { scale: camera.scale * f, ox: px - (px - camera.ox) * f, oy: py - (py - camera.oy) * f, zoom };
}

/** A node's radius on screen: it grows with the zoom, more slowly than the distances do. */
export function radiusOf(scene: Scene, camera: Camera, i: number): number {
  return (scene.size[i] ?? 1) * 0.6 * Math.sqrt(camera.zoom);
}

/** Nodes by screen cell, to find the node under a point without visiting them all. */
export interface NodeGrid {
  cell: number;
  cells: Map<number, number[]>;
  /** The largest radius on screen: how far from its cell a node can be hit. */
  reach: number;
}

const key = (cx: number, cy: number) => cx * 65_536 + cy;

/** The grid of the nodes as the camera shows them. */
export function nodeGrid(scene: Scene, camera: Camera, cell = 32): NodeGrid {
  const cells = new Map<number, number[]>();
  let reach = 0;
  for (let i = 0; i < scene.ids.length; i++) {
    const sx = (scene.x[i] ?? 0) * camera.scale + camera.ox;
    const sy = (scene.y[i] ?? 0) * camera.scale + camera.oy;
    const k = key(Math.floor(sx / cell), Math.floor(sy / cell));
    const list = cells.get(k);
    if (list) list.push(i);
    else cells.set(k, [i]);
    reach = Math.max(reach, radiusOf(scene, camera, i));
  }
  return { cell, cells, reach };
}

/** The node drawn under the screen point (the one whose centre is nearest, within its radius + slack), or -1. */
export function nodeAt(scene: Scene, camera: Camera, grid: NodeGrid, px: number, py: number, slack = 2): number {
  const span = Math.ceil((grid.reach + slack) / grid.cell);
  const cx = Math.floor(px / grid.cell);
  const cy = Math.floor(py / grid.cell);
  let best = -1;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let gx = cx - span; gx <= cx + span; gx++) {
    for (let gy = cy - span; gy <= cy + span; gy++) {
      for (const i of grid.cells.get(key(gx, gy)) ?? []) {
        const d = Math.hypot(
          (scene.x[i] ?? 0) * camera.scale + camera.ox - px,
          (scene.y[i] ?? 0) * camera.scale + camera.oy - py,
        );
        if (d <= radiusOf(scene, camera, i) + slack && d < bestDistance) {
          best = i;
          bestDistance = d;
        }
      }
    }
  }
  return best;
}

/** The edge nearest the screen point within `tolerance` pixels of its segment (beyond its half-width), or -1. */
export function edgeAt(scene: Scene, camera: Camera, px: number, py: number, tolerance = 4): number {
  let best = -1;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let e = 0; e < scene.source.length; e++) {
    const s = scene.source[e] ?? 0;
    const t = scene.target[e] ?? 0;
    const ax = (scene.x[s] ?? 0) * camera.scale + camera.ox;
    const ay = (scene.y[s] ?? 0) * camera.scale + camera.oy;
    const bx = (scene.x[t] ?? 0) * camera.scale + camera.ox;
    const by = (scene.y[t] ?? 0) * camera.scale + camera.oy;
    const d = distanceToSegment(px, py, ax, ay, bx, by) - (WIDTHS[scene.widthClass[e] ?? 0] ?? 1) / 2;
    if (d <= tolerance && d < bestDistance) {
      best = e;
      bestDistance = d;
    }
  }
  return best;
}

/** Distance from (px, py) to the segment a–b. */
export function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
