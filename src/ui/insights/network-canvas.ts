import {
  type Camera,
  edgeAt,
  fitCamera,
  type NodeGrid,
  nodeAt,
  nodeGrid,
  radiusOf,
  type Scene,
  WIDTHS,
  zoomAbout,
} from './network-scene';

/*
 * The network drawn with Canvas 2D: edges as one path per width class, nodes as one path per colour, labels for
 * the largest nodes that fit without overlapping. A drag moves the drawn canvas (a CSS transform, no redraw:
 * Debian's headless Chromium rasterises in software, and redrawing 20,000 links a frame does not keep up); the
 * network is redrawn when the drag ends, on zoom (wheel) and on resize. Colours follow the page's theme (its CSS
 * variables) and the canvas is as sharp as the device pixel ratio.
 */

/** What the network view listens to. */
export interface RendererEvents {
  onNode: (id: string) => void;
  onEdge: (source: string, target: string) => void;
  onStage: () => void;
}

/** A network on a canvas. */
export interface NetworkCanvas {
  /** Whether a drag is under way. */
  dragging: () => boolean;
  /** Zooms about the centre by a factor (buttons, for the keyboard; the wheel zooms about the pointer). */
  zoom: (factor: number) => void;
  /** Shows the whole network again. */
  fit: () => void;
  /** Highlights a card and its links (null: none). */
  select: (id: string | null) => void;
  /** Highlights the link between two cards (null: none). */
  selectLink: (link: [string, string] | null) => void;
  /** Moves the nodes (a refined layout, by scene index); the view is fitted again unless the user moved it. */
  place: (x: ArrayLike<number>, y: ArrayLike<number>) => void;
  /** Where a node is drawn, in CSS pixels from the container's top-left corner (null: not in the network). */
  pointOf: (id: string) => { x: number; y: number } | null;
  /** Removes the canvas and its listeners. */
  kill: () => void;
}

/** Labels drawn at most (the largest nodes first), beside those of the selected card and link. */
const MAX_LABELS = 40;
/** Pixels a pointer may move between press and release and still click. */
const CLICK_SLOP = 4;

function cssVariable(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** Draws the scene on a canvas filling the container. */
export function drawOnCanvas(scene: Scene, container: HTMLElement, events: RendererEvents): NetworkCanvas {
  const canvas = document.createElement('canvas');
  canvas.className = 'network-surface';
  container.append(canvas);
  const context = canvas.getContext('2d', { alpha: false }) as CanvasRenderingContext2D;
  const aborter = new AbortController();
  const { signal } = aborter;
  const dark = matchMedia('(prefers-color-scheme: dark)');

  let width = 0;
  let height = 0;
  let camera: Camera = { scale: 1, ox: 0, oy: 0, zoom: 1 };
  let grid: NodeGrid = { cell: 32, cells: new Map(), reach: 0 };
  let selected = -1;
  let link: [number, number] | null = null;
  let pending = 0;
  /** Whether the user panned or zoomed (a refined layout then keeps their view). */
  let viewed = false;

  const colours = [...new Set(scene.colours)];
  const byColour = colours.map((colour) => scene.ids.map((_, i) => i).filter((i) => scene.colours[i] === colour));

  function resize(): boolean {
    const w = container.clientWidth;
    const h = container.clientHeight;
    const dpr = window.devicePixelRatio || 1;
    if (w === width && h === height && canvas.width === Math.round(w * dpr)) return false;
    // A new size shows the whole network again; a new pixel ratio alone keeps the view.
    const refit = w !== width || h !== height;
    width = w;
    height = h;
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
    canvas.style.width = `${w}px`;
    canvas.style.height = `${h}px`;
    if (refit) camera = fitCamera(scene, w, h);
    return true;
  }

  function draw(): void {
    const dpr = canvas.width / Math.max(1, width);
    const surface = cssVariable('--surface', dark.matches ? '#1b2130' : '#ffffff');
    const fg = cssVariable('--fg', dark.matches ? '#e6e9ef' : '#1c2230');
    const accent = cssVariable('--accent', '#3b4a6b');
    const ink = dark.matches ? '165, 173, 191' : '59, 74, 107';
    context.setTransform(dpr, 0, 0, dpr, 0, 0);
    context.fillStyle = surface;
    context.fillRect(0, 0, width, height);
    const sx = (i: number) => (scene.x[i] ?? 0) * camera.scale + camera.ox;
    const sy = (i: number) => (scene.y[i] ?? 0) * camera.scale + camera.oy;

    // Links: one path per width class, the thin ones faintest; a link entirely off one side is left out.
    context.lineCap = 'round';
    for (let c = 0; c < WIDTHS.length; c++) {
      context.beginPath();
      for (let e = 0; e < scene.source.length; e++) {
        if (scene.widthClass[e] !== c) continue;
        const s = scene.source[e] ?? 0;
        const t = scene.target[e] ?? 0;
        const ax = sx(s);
        const ay = sy(s);
        const bx = sx(t);
        const by = sy(t);
        if ((ax < 0 && bx < 0) || (ay < 0 && by < 0) || (ax > width && bx > width) || (ay > height && by > height))
          continue;
        context.moveTo(ax, ay);
        context.lineTo(bx, by);
      }
      context.lineWidth = WIDTHS[c] ?? 1;
      // Light ink on a dark surface reads brighter: fainter there.
      context.strokeStyle = `rgba(${ink}, ${([0.14, 0.22, 0.3, 0.38][c] ?? 0.2) * (dark.matches ? 0.7 : 1)})`;
      context.stroke();
    }
    // The selected card's links on top, in the accent colour.
    if (selected >= 0) {
      context.beginPath();
      for (let e = 0; e < scene.source.length; e++) {
        if (scene.source[e] !== selected && scene.target[e] !== selected) continue;
        context.moveTo(sx(scene.source[e] ?? 0), sy(scene.source[e] ?? 0));
        context.lineTo(sx(scene.target[e] ?? 0), sy(scene.target[e] ?? 0));
      }
      context.lineWidth = 1.5;
      context.strokeStyle = accent;
      context.stroke();
    }
    // The link opened, thicker.
    if (link) {
      context.beginPath();
      context.moveTo(sx(link[0]), sy(link[0]));
      context.lineTo(sx(link[1]), sy(link[1]));
      context.lineWidth = 3;
      context.strokeStyle = accent;
      context.stroke();
    }

    // Nodes: one path per colour, outlined in the surface colour so that neighbours stay apart.
    context.lineWidth = 1;
    context.strokeStyle = surface;
    colours.forEach((colour, k) => {
      context.beginPath();
      for (const i of byColour[k] ?? []) {
        const x = sx(i);
        const y = sy(i);
        const r = radiusOf(scene, camera, i);
        if (x < -r || y < -r || x > width + r || y > height + r) continue;
        context.moveTo(x + r, y);
        context.arc(x, y, r, 0, 2 * Math.PI);
      }
      context.fillStyle = colour;
      context.fill();
      context.stroke();
    });
    if (selected >= 0) {
      context.beginPath();
      context.arc(sx(selected), sy(selected), radiusOf(scene, camera, selected) + 2, 0, 2 * Math.PI);
      context.lineWidth = 2.5;
      context.strokeStyle = fg;
      context.stroke();
    }

    // Labels of the largest nodes that do not overlap one another (and the selected card's, always).
    context.font = '12px system-ui, sans-serif';
    context.textBaseline = 'middle';
    context.lineJoin = 'round';
    const placed: Array<[number, number, number, number]> = [];
    const first = [selected, ...(link ?? [])].filter((i) => i >= 0);
    const candidates = [...first, ...scene.bySize];
    for (const [k, i] of candidates.entries()) {
      if (placed.length >= MAX_LABELS + first.length) break;
      const chosen = first.includes(i);
      if (chosen && k >= first.length) continue;
      const label = scene.labels[i] ?? '';
      const x = sx(i) + radiusOf(scene, camera, i) + 3;
      const y = sy(i);
      if (x > width || y < 0 || y > height) continue;
      const w = context.measureText(label).width;
      const box: [number, number, number, number] = [x - 2, y - 8, x + w + 2, y + 8];
      if (!chosen && placed.some((p) => box[0] < p[2] && box[2] > p[0] && box[1] < p[3] && box[3] > p[1])) continue;
      placed.push(box);
      context.lineWidth = 3;
      context.strokeStyle = surface;
      context.strokeText(label, x, y);
      context.fillStyle = fg;
      context.fillText(label, x, y);
    }
    grid = nodeGrid(scene, camera);
  }

  // Redraws wait for the next frame, and several asked within one frame make one.
  function redraw(): void {
    if (pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      resize();
      draw();
    });
  }

  resize();
  draw();

  const observer = new ResizeObserver(() => {
    if (resize()) draw();
  });
  observer.observe(container);
  signal.addEventListener('abort', () => {
    cancelAnimationFrame(pending);
    observer.disconnect();
  });
  dark.addEventListener('change', redraw, { signal });
  // A new device pixel ratio (the window moved to another screen, a browser zoom) resizes the bitmap: a media
  // query on the current ratio changes then (https://developer.mozilla.org/docs/Web/API/Window/devicePixelRatio).
  const watchRatio = () => {
    matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`).addEventListener(
      'change',
      () => {
        redraw();
        watchRatio();
      },
      { signal, once: true },
    );
  };
  watchRatio();

  // A press then a release nearby is a click (a node, else a link, else the stage); farther, a drag.
  let press: { x: number; y: number; id: number } | null = null;
  let dragged = false;
  const local = (event: PointerEvent | WheelEvent) => {
    const box = canvas.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  };
  canvas.addEventListener(
    'pointerdown',
    (event) => {
      if (event.button !== 0) return;
      press = { ...local(event), id: event.pointerId };
      dragged = false;
      canvas.setPointerCapture(event.pointerId);
    },
    { signal },
  );
  canvas.addEventListener(
    'pointermove',
    (event) => {
      const at = local(event);
      if (!press) {
        canvas.style.cursor = nodeAt(scene, camera, grid, at.x, at.y) >= 0 ? 'pointer' : 'grab';
        return;
      }
      const dx = at.x - press.x;
      const dy = at.y - press.y;
      if (!dragged && Math.hypot(dx, dy) < CLICK_SLOP) return;
      dragged = true;
      canvas.style.cursor = 'grabbing';
      // The drawn bitmap moves with the pointer: compositing only, no redraw.
      canvas.style.transform = `translate(${dx}px, ${dy}px)`;
    },
    { signal },
  );
  const release = (event: PointerEvent, cancelled: boolean) => {
    if (!press || event.pointerId !== press.id) return;
    const at = local(event);
    const start = press;
    press = null;
    if (dragged) {
      camera = { ...camera, ox: camera.ox + at.x - start.x, oy: camera.oy + at.y - start.y };
      viewed = true;
      draw();
      canvas.style.transform = '';
      canvas.style.cursor = 'grab';
      return;
    }
    if (cancelled) return;
    const node = nodeAt(scene, camera, grid, at.x, at.y);
    if (node >= 0) return events.onNode(scene.ids[node] ?? '');
    const edge = edgeAt(scene, camera, at.x, at.y);
    if (edge >= 0)
      return events.onEdge(scene.ids[scene.source[edge] ?? 0] ?? '', scene.ids[scene.target[edge] ?? 0] ?? '');
    events.onStage();
  };
  canvas.addEventListener('pointerup', (event) => release(event, false), { signal });
  canvas.addEventListener('pointercancel', (event) => release(event, true), { signal });
  canvas.addEventListener(
    'wheel',
    (event) => {
      event.preventDefault();
      const at = local(event);
      camera = zoomAbout(camera, Math.exp(-event.deltaY / 400), at.x, at.y);
      viewed = true;
      redraw();
    },
    { signal, passive: false },
  );

  return {
    dragging: () => press !== null,
    zoom(factor) {
      camera = zoomAbout(camera, factor, width / 2, height / 2);
      viewed = true;
      redraw();
    },
    fit() {
      camera = fitCamera(scene, width, height);
      viewed = false;
      redraw();
    },
    select(id) {
      const next = id === null ? -1 : (scene.index.get(id) ?? -1);
      if (next === selected) return;
      selected = next;
      redraw();
    },
    place(x, y) {
      scene.x.set(x);
      scene.y.set(y);
      if (!viewed) camera = fitCamera(scene, width, height);
      // A drag under way redraws when it ends.
      if (!press) redraw();
    },
    selectLink(next) {
      const ends = next ? [scene.index.get(next[0]), scene.index.get(next[1])] : [];
      const [s, t] = ends;
      link = s !== undefined && t !== undefined ? [s, t] : null;
      redraw();
    },
    pointOf(id) {
      const i = scene.index.get(id);
      if (i === undefined) return null;
      return { x: (scene.x[i] ?? 0) * camera.scale + camera.ox, y: (scene.y[i] ?? 0) * camera.scale + camera.oy };
    },
    kill() {
      aborter.abort();
      canvas.remove();
    },
  };
}
