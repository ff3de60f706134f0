import { anchor, type Span, selectorsOf } from '../anchor/quote';
import { canonicalUrl, withoutTracking } from '../clip/canonical';
import { sendToBackground } from '../messaging/client';
import type { PageAnnotations } from '../messaging/protocol';
import { type Annotation, withNote } from '../model/annotation';
import { type PageText, TextCollector } from './collect-text';
import { rangeOf } from './paint';
import { runSliced } from './slices';

/*
 * The user's own highlights and notes on this page: loaded from the store by the page's canonical URL,
 * anchored in the page's visible text (quote and context, fuzzy where the page changed; see anchor/quote.ts)
 * and painted with the Highlight API like mentions; the page's DOM is never touched. One that cannot be
 * anchored stays listed as an orphan and is tried again when the page changes.
 */

/** Highlight registry keys (neutral names, as for mentions). */
export const OWN_KEYS = { highlight: 'ann-mark', note: 'ann-note', team: 'ann-team' } as const;

/** An annotation and where it is on the page (null: orphaned). */
export interface Placed {
  annotation: Annotation;
  range: Range | null;
}

/** What the annotations need from their surroundings. */
export interface OwnNotesHost {
  /** Our own UI element, never collected. */
  exclude(): Node | null;
  /** The annotations were anchored again, or one was added or removed. */
  changed(): void;
}

const onPage = (range: Range | null): range is Range =>
  range !== null && !range.collapsed && range.startContainer.isConnected && range.endContainer.isConnected;

/** The text offsets a range covers in collected text, trimmed of white space; null outside the text. */
export function spanOf(page: PageText, range: Range): Span | null {
  const { nodes, starts } = page;
  let first = -1;
  let last = -1;
  for (let i = 0; i < nodes.length; i++) {
    if (!range.intersectsNode(nodes[i]!)) {
      if (first >= 0) break;
      continue;
    }
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0) return null;
  const firstNode = nodes[first]!;
  const lastNode = nodes[last]!;
  let start = starts[first]! + (range.startContainer === firstNode ? range.startOffset : 0);
  let end = starts[last]! + (range.endContainer === lastNode ? range.endOffset : lastNode.data.length);
  while (start < end && /\s/.test(page.text[start]!)) start++;
  while (end > start && /\s/.test(page.text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

/** Least time between two tries at anchoring orphans on a changing page. */
const REANCHOR_MS = 1000;

/** A new annotation id. */
function newId(): string {
  return `urn:uuid:${crypto.randomUUID()}`;
}

/** The user's highlights and notes on one document. */
export class OwnNotes {
  private source: string | null = null;
  /** Dossier runs on this page (as of the page's last annotation): the toolbar is offered only then. */
  enabled = false;
  private placed: Placed[] = [];
  private generation = 0;
  private lastTry = -Infinity;
  private retry = 0;
  private readonly highlights = { highlight: new Highlight(), note: new Highlight(), team: new Highlight() };

  constructor(
    private readonly doc: Document,
    private readonly host: OwnNotesHost,
  ) {}

  /** The URL annotations of this page are filed under, or null where the page cannot be annotated. */
  sourceOf(): string | null {
    const href = this.doc.location?.href ?? '';
    if (!/^(https?|file):/.test(href)) return null;
    try {
      // Annotations stay with the page's own origin (a canonical link to another site is not followed).
      const canonical = canonicalUrl(this.doc, href);
      return new URL(canonical).origin === new URL(href).origin ? canonical : withoutTracking(href);
    } catch {
      return null;
    }
  }

  /** Asks the background for the page's annotations (none where the page cannot be annotated). */
  async fetch(): Promise<Annotation[]> {
    const source = this.sourceOf();
    if (!source) return [];
    const result = await sendToBackground('annotations.page', { source });
    if (!result.ok) throw new Error(result.error);
    return result.value;
  }

  /**
   * Anchors the page's annotations (null: Dossier is off on this page), in `page` when the page's text was just
   * collected for its mentions, else in a fresh collection.
   */
  receive(annotations: readonly Annotation[] | null, page?: PageText): Promise<void> {
    const generation = ++this.generation;
    const source = this.sourceOf();
    this.enabled = annotations !== null && source !== null;
    if (!annotations || !source) {
      this.set(null, []);
      return Promise.resolve();
    }
    return this.place(source, annotations, generation, page);
  }

  /** Loads the page's annotations from the store again (they changed elsewhere: `only` that page's, or any). */
  async load(only?: string): Promise<void> {
    const source = this.sourceOf();
    if (only !== undefined && only !== source) return;
    if (!source || !this.enabled) return;
    const generation = ++this.generation;
    const result = await sendToBackground('annotations.page', { source });
    if (!result.ok) throw new Error(result.error);
    if (generation !== this.generation) return;
    await this.place(source, result.value, generation);
  }

  /**
   * Anchors again after the page changed, when some annotation is orphaned or its text left the page; at most
   * once a second however busy the page is (the last change is always followed by one try).
   */
  reanchor(): Promise<void> {
    if (this.source === null || this.placed.every((p) => onPage(p.range))) return Promise.resolve();
    const wait = this.lastTry + REANCHOR_MS - performance.now();
    if (wait > 0) {
      if (!this.retry)
        this.retry = window.setTimeout(() => {
          this.retry = 0;
          void this.reanchor().catch(() => undefined);
        }, wait);
      return Promise.resolve();
    }
    this.lastTry = performance.now();
    return this.placeAgain();
  }

  private async placeAgain(): Promise<void> {
    if (this.source === null) return;
    const generation = ++this.generation;
    await this.place(
      this.source,
      this.placed.map((p) => p.annotation),
      generation,
    );
  }

  /** The page's annotations, each anchored or orphaned, in page order (orphans last). */
  list(): PageAnnotations {
    return {
      source: this.source,
      items: this.placed.map((p) => ({ annotation: p.annotation, anchored: onPage(p.range) })),
    };
  }

  /** The annotation painted at a point of the page's text. */
  at(node: Node, offset: number): Placed | null {
    return this.placed.find((p) => onPage(p.range) && p.range.isPointInRange(node, offset)) ?? null;
  }

  /** The range of an anchored annotation. */
  rangeOf(id: string): Range | null {
    const range = this.placed.find((p) => p.annotation.id === id)?.range ?? null;
    return onPage(range) ? range : null;
  }

  /** Highlights (and, with a note, annotates) a range of the page; the answer says why not when it cannot. */
  async create(
    range: Range,
    note: string,
  ): Promise<{ ok: true; annotation: Annotation } | { ok: false; error: string }> {
    const source = this.sourceOf();
    if (!source) return { ok: false, error: 'This page cannot be annotated.' };
    const page = await this.collect(() => false);
    const span = page && spanOf(page, range);
    if (!page || !span) return { ok: false, error: 'Select some text of the page first.' };
    const now = new Date().toISOString();
    const annotation = withNote(
      {
        id: newId(),
        type: 'Annotation',
        motivation: 'highlighting',
        created: now,
        modified: now,
        body: [],
        target: { source, selector: selectorsOf(page.text, span) },
      },
      note,
      now,
    );
    const saved = await sendToBackground('annotation.save', { annotation });
    if (!saved.ok) return { ok: false, error: saved.error };
    this.source = source;
    this.placed.push({ annotation: saved.value, range: rangeOf(page, span) });
    this.paint();
    this.host.changed();
    return { ok: true, annotation: saved.value };
  }

  /** Sets the note of an annotation (an empty note leaves a plain highlight). */
  async setNote(id: string, note: string): Promise<{ ok: boolean; error?: string }> {
    const item = this.placed.find((p) => p.annotation.id === id);
    if (!item) return { ok: false, error: 'This highlight is gone.' };
    if (item.annotation.creator)
      return { ok: false, error: `Only ${item.annotation.creator.name} can change this note.` };
    const annotation = withNote(item.annotation, note);
    const saved = await sendToBackground('annotation.save', { annotation });
    if (!saved.ok) return saved;
    item.annotation = saved.value;
    this.paint();
    this.host.changed();
    return { ok: true };
  }

  /** Deletes an annotation. */
  async remove(id: string): Promise<{ ok: boolean; error?: string }> {
    const item = this.placed.find((p) => p.annotation.id === id);
    if (!item) return { ok: false, error: 'This highlight is gone.' };
    if (item.annotation.creator) return { ok: false, error: `Only ${item.annotation.creator.name} can delete this.` };
    const removed = await sendToBackground('annotation.delete', { source: item.annotation.target.source, id });
    if (!removed.ok) return removed;
    this.placed = this.placed.filter((p) => p !== item);
    this.paint();
    this.host.changed();
    return { ok: true };
  }

  /** Removes our paint and forgets the annotations (teardown). */
  clear(): void {
    this.generation++;
    window.clearTimeout(this.retry);
    this.placed = [];
    CSS.highlights.delete(OWN_KEYS.highlight);
    CSS.highlights.delete(OWN_KEYS.note);
    CSS.highlights.delete(OWN_KEYS.team);
  }

  private async place(
    source: string,
    annotations: readonly Annotation[],
    generation: number,
    collected?: PageText,
  ): Promise<void> {
    if (annotations.length === 0) return this.set(source, []);
    if (__BENCH__) performance.mark('own annotations:start');
    const page = collected ?? (await this.collect(() => generation !== this.generation));
    if (!page) return;
    if (__BENCH__) performance.mark('own annotations:collected');
    const placed = annotations.map((annotation) => {
      const found = anchor(page.text, annotation.target.selector);
      return { annotation, range: found ? rangeOf(page, found) : null };
    });
    if (__BENCH__) {
      performance.mark('own annotations:anchored');
      performance.measure('own annotations anchored', 'own annotations:collected', 'own annotations:anchored');
      performance.measure('own annotations placed', 'own annotations:start', 'own annotations:anchored');
    }
    if (generation === this.generation) this.set(source, placed);
  }

  private set(source: string | null, placed: Placed[]): void {
    // Nothing before and nothing now: the side panel has nothing to hear.
    const unchanged = placed.length === 0 && this.placed.length === 0;
    this.source = source;
    // Page order, orphans last.
    this.placed = placed.sort((a, b) => {
      if (!a.range || !b.range) return a.range ? -1 : b.range ? 1 : 0;
      return a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
    });
    this.paint();
    if (!unchanged) this.host.changed();
  }

  private paint(): void {
    const { highlight, note, team } = this.highlights;
    highlight.clear();
    note.clear();
    team.clear();
    for (const { annotation, range } of this.placed) {
      // A teammate's highlight or note is painted apart from the user's own.
      if (onPage(range)) (annotation.creator ? team : annotation.body.length > 0 ? note : highlight).add(range);
    }
    for (const [key, value] of [
      [OWN_KEYS.highlight, highlight],
      [OWN_KEYS.note, note],
      [OWN_KEYS.team, team],
    ] as const) {
      if (value.size > 0) CSS.highlights.set(key, value);
      else CSS.highlights.delete(key);
    }
  }

  private async collect(cancelled: () => boolean): Promise<PageText | null> {
    const root = this.doc.body ?? this.doc.documentElement;
    const collector = new TextCollector(root, { exclude: this.host.exclude() });
    const done = await runSliced((deadline) => collector.step(deadline), cancelled);
    return done ? collector.result() : null;
  }
}
