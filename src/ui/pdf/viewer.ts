import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import { TextLayer } from 'pdfjs-dist';

/** A page's text layer once drawn: its spans in the order of the page's text items. */
export interface DrawnPage {
  number: number;
  spans: HTMLElement[];
}

const MIN_SCALE = 0.25;
const MAX_SCALE = 5;

/**
 * Shows a document's pages in a scrolling column: every page has its box from the start (sized like the first
 * page until drawn), and is drawn (canvas and text layer) only when it comes near the viewport.
 */
export class Viewer {
  scale = 1.25;
  readonly pages: HTMLElement[] = [];
  private readonly drawn = new Map<number, { scale: number; task: Promise<DrawnPage | null> }>();
  private readonly observer: IntersectionObserver;
  private readonly sizes = new Map<number, { width: number; height: number }>();
  private base = { width: 612, height: 792 };
  current = 1;

  constructor(
    private readonly doc: PDFDocumentProxy,
    private readonly scroller: HTMLElement,
    private readonly column: HTMLElement,
    private readonly onDrawn: (page: DrawnPage) => void,
    private readonly onPageChange: (page: number) => void,
  ) {
    this.observer = new IntersectionObserver((entries) => this.onVisible(entries), {
      root: scroller,
      rootMargin: '100% 0px',
    });
  }

  /** Lays out every page's box (sized like the first page) and starts drawing what is visible. */
  async open(): Promise<void> {
    const first = await this.doc.getPage(1);
    const viewport = first.getViewport({ scale: 1 });
    this.base = { width: viewport.width, height: viewport.height };
    const fragment = document.createDocumentFragment();
    for (let n = 1; n <= this.doc.numPages; n++) {
      const box = document.createElement('div');
      box.className = 'page';
      box.dataset.page = String(n);
      box.setAttribute('role', 'region');
      box.setAttribute('aria-label', `Page ${n}`);
      const label = document.createElement('span');
      label.className = 'number';
      label.textContent = String(n);
      label.setAttribute('aria-hidden', 'true');
      box.append(label);
      this.pages.push(box);
      fragment.append(box);
    }
    this.column.append(fragment);
    this.layout();
    for (const box of this.pages) this.observer.observe(box);
    this.scroller.addEventListener('scroll', () => this.trackPage(), { passive: true });
  }

  private layout(): void {
    for (const [i, box] of this.pages.entries()) {
      const size = this.sizes.get(i + 1) ?? this.base;
      box.style.width = `${Math.floor(size.width * this.scale)}px`;
      box.style.height = `${Math.floor(size.height * this.scale)}px`;
      box.style.setProperty('--scale-factor', String(this.scale));
      box.style.setProperty('--total-scale-factor', String(this.scale));
    }
  }

  private onVisible(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      void this.draw(Number((entry.target as HTMLElement).dataset.page));
    }
  }

  private trackPage(): void {
    const middle = this.scroller.scrollTop + this.scroller.clientHeight / 3;
    let lo = 0;
    let hi = this.pages.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.pages[mid]!.offsetTop <= middle) lo = mid;
      else hi = mid - 1;
    }
    if (lo + 1 !== this.current) {
      this.current = lo + 1;
      this.onPageChange(this.current);
    }
  }

  /** Draws a page (once per scale); resolves to its text layer's spans. */
  draw(number: number): Promise<DrawnPage | null> {
    const done = this.drawn.get(number);
    if (done && done.scale === this.scale) return done.task;
    const scale = this.scale;
    const task = this.doc.getPage(number).then((page) => this.render(page, number, scale));
    this.drawn.set(number, { scale, task });
    return task;
  }

  private async render(page: PDFPageProxy, number: number, scale: number): Promise<DrawnPage | null> {
    const box = this.pages[number - 1]!;
    const viewport = page.getViewport({ scale });
    const unscaled = page.getViewport({ scale: 1 });
    if (unscaled.width !== this.base.width || unscaled.height !== this.base.height) {
      this.sizes.set(number, { width: unscaled.width, height: unscaled.height });
      box.style.width = `${Math.floor(viewport.width)}px`;
      box.style.height = `${Math.floor(viewport.height)}px`;
    }
    const ratio = window.devicePixelRatio || 1;
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.setAttribute('aria-hidden', 'true');
    const layer = document.createElement('div');
    layer.className = 'textLayer';
    await page.render({
      canvas,
      viewport,
      transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
    }).promise;
    const content = await page.getTextContent();
    // The text layer is drawn in the PDF's own fonts, which drawing the canvas loaded (pdf.js's name for each is
    // its style's key): its spans' glyphs then fall where the canvas drew them, and so do highlights on part of a
    // span. With its generic fallback alone, a span is only stretched to its width as a whole, and a word in the
    // middle of a long line drifts off its glyphs.
    const loaded = new Set<string>();
    for (const face of document.fonts) if (face.status === 'loaded') loaded.add(face.family.replace(/^"|"$/g, ''));
    for (const [name, style] of Object.entries(content.styles)) {
      if (loaded.has(name)) style.fontFamily = `"${name}", ${style.fontFamily}`;
    }
    const text = new TextLayer({ textContentSource: content, container: layer, viewport });
    await text.render();
    if (this.scale !== scale) return null;
    for (const old of box.querySelectorAll('canvas, .textLayer')) old.remove();
    box.append(canvas, layer);
    const drawn = { number, spans: text.textDivs };
    this.onDrawn(drawn);
    return drawn;
  }

  /** Sets the zoom (clamped); the visible pages are drawn again at the new scale. */
  zoom(scale: number): void {
    const next = Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
    if (next === this.scale) return;
    const page = this.current;
    this.scale = next;
    this.layout();
    this.goTo(page);
    for (const box of this.pages) {
      this.observer.unobserve(box);
      this.observer.observe(box);
    }
  }

  /** Scrolls to a page (1-based, clamped). */
  goTo(number: number): void {
    const n = Math.min(this.pages.length, Math.max(1, Math.round(number)));
    this.scroller.scrollTop = this.pages[n - 1]!.offsetTop - 8;
    this.current = n;
    this.onPageChange(n);
  }
}
