import { sendToBackground } from '../messaging/client';
import type { Annotation } from '../model/annotation';
import type { CardSummary, Mention } from '../model/mention';
import { blockBreaks, joinParts, type PageText, TextCollector } from './collect-text';
import { compareRanges } from './document-order';
import { createHitTest, type HitTest } from './hover';
import { LOCAL_TEXT_MAX, type LocalMatcher } from './local-match';
import { type Painted, Painter, rangeOf } from './paint';
import { styleShadowRoot } from './shadow-style';
import { runSliced } from './slices';

/** Most mentions painted in one document: past this a page shows the first ones and says so in the console. */
export const MAX_PAINTED = 20_000;

/** Text nodes collected before a big page's top is previewed: several screens' worth, however slow the slices. */
const PREVIEW_NODES = 1000;

/** What the annotator needs from its surroundings. */
export interface AnnotatorHost {
  /** Our own UI element, never collected. */
  exclude(): Node | null;
  /** Whether Dossier may read this page at all (site on, not paused); asked before every collection. */
  allowed(): Promise<boolean>;
  /** The page's mentions changed (to tell the background, for the side panel). */
  changed(annotator: Annotator): void;
  /** Asks for the user's highlights and notes on the page (top frame), or null where there are none to ask for. */
  annotations(): Promise<Annotation[]> | null;
  /** Anchors them in the page's text just collected; null when Dossier is off here. */
  placeAnnotations(annotations: Annotation[] | null, page?: PageText): void;
  /** The frame's own matcher, or null where the text goes to the background to be matched. */
  matcher(): Promise<LocalMatcher | null>;
}

/** Mentions found in collected text, and whether the background is yet to hear of them (matched in the page). */
interface Found {
  mentions: Mention[];
  cards: CardSummary[];
  local: boolean;
}

/**
 * Collects the page's visible text, matches it (in the page with the dictionary the background handed over, or
 * in the background), and paints the mentions: all at once at load and on navigation, part by part as the page
 * changes. Runs one job at a time, each cut into slices. What the page matched itself is told to the background
 * once painted (`page.found`), for the side panel, the badge and watch signals.
 */
export class Annotator {
  readonly painter = new Painter();
  readonly cards = new Map<string, CardSummary>();
  readonly shadowRoots = new Set<ShadowRoot>();
  readonly hitTest: HitTest;
  /** Called with each shadow root found for the first time (to watch it for changes). */
  onShadowRoot: (root: ShadowRoot) => void = () => undefined;
  private generation = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private warned = false;

  constructor(
    private readonly doc: Document,
    private readonly host: AnnotatorHost,
  ) {
    this.hitTest = createHitTest(doc, this.painter, () => [...this.shadowRoots]);
  }

  /**
   * Annotates the document from scratch; supersedes every job queued before. Resolves to the painted count. On
   * a page too big to collect in one slice, the text collected once its first slices reach PREVIEW_NODES text
   * nodes (the top of the page) is matched and painted while the rest is collected, so that what the reader
   * sees first is highlighted first.
   */
  annotate(): Promise<number> {
    const generation = ++this.generation;
    return this.enqueue(async () => {
      if (generation !== this.generation) return this.painter.painted.size;
      if (__BENCH__) performance.mark('annotate:start');
      if (!(await this.host.allowed())) {
        this.clear();
        this.host.placeAnnotations(null);
        return 0;
      }
      const root = this.doc.body ?? this.doc.documentElement;
      // Only a page painted from scratch gets a preview: a page already painted keeps its highlights until the
      // whole page's are ready.
      let preview: Promise<void> | undefined;
      const first = this.painter.painted.size === 0;
      const page = await this.collect([root], generation, (partial) => {
        if (first) preview = this.preview(partial, generation);
      });
      if (!page) return this.painter.painted.size;
      if (__BENCH__) performance.mark('annotate:collected');
      // The page's own highlights and notes: matched in the background, they are asked for once the text went to
      // be matched (so that the background matches first) and read while it is; matched here, once the mentions
      // are painted, so that the service worker's work on them does not take the CPU the page's annotation needs.
      const here = page.text.length <= LOCAL_TEXT_MAX && (await this.host.matcher()) !== null;
      const matching = this.match(page, false);
      let annotations = here ? undefined : this.readAnnotations();
      const found = await matching;
      await preview;
      if (!found || generation !== this.generation) return this.painter.painted.size;
      if (__BENCH__) performance.mark('annotate:matched');
      this.cards.clear();
      await this.paint(page, found, generation, true);
      if (__BENCH__) {
        performance.mark('annotate:end');
        performance.measure('annotate', 'annotate:start', 'annotate:end');
      }
      if (found.local && generation === this.generation) this.tell(page, found, false);
      if (annotations === undefined && generation === this.generation) annotations = this.readAnnotations();
      if (annotations && generation === this.generation) {
        void annotations.then((list) => generation === this.generation && this.host.placeAnnotations(list, page));
      }
      return this.painter.painted.size;
    });
  }

  /** Asks for the page's own highlights and notes (null where there are none to ask for); a failure reads as none. */
  private readAnnotations(): Promise<Annotation[]> | null {
    return (
      this.host.annotations()?.catch((error: unknown) => {
        console.debug('Dossier could not read the highlights of this page:', error);
        return [];
      }) ?? null
    );
  }

  /** Matches and paints the text collected so far (the top of a big page); the whole page's match follows. */
  private async preview(page: PageText, generation: number): Promise<void> {
    const found = await this.match(page, false, true).catch(() => null);
    if (!found || generation !== this.generation) return;
    await this.paint(page, found, generation, false);
    if (__BENCH__) performance.mark('annotate:preview');
  }

  /** Re-annotates parts of the page that changed: their old mentions go, their text is matched again. */
  update(roots: readonly Element[]): Promise<void> {
    const generation = this.generation;
    return this.enqueue(async () => {
      if (generation !== this.generation) return;
      const live = roots.filter((root) => root.isConnected);
      // Text that left the page was dropped with its removal (`dropDetached`).
      this.painter.removeWithin(live);
      const page = await this.collect(live, generation);
      if (page && /[\p{L}\p{N}]/u.test(page.text)) {
        const found = await this.match(page, true);
        if (found && generation === this.generation) {
          await this.paint(page, found, generation, false);
          if (found.local && generation === this.generation) this.tell(page, found, true);
        }
      }
      this.host.changed(this);
    });
  }

  /** Drops the mentions whose text left the page. */
  dropDetached(): void {
    const removed = this.painter.removeWhere((item) => item.nodes.some((node) => !node.isConnected));
    if (removed > 0) this.host.changed(this);
  }

  /** Removes every highlight, forgets the mentions and cancels queued work. */
  clear(): void {
    this.generation++;
    this.painter.clear();
    this.cards.clear();
  }

  /** Painted mentions in document order (of one card only, when named). */
  ordered(cardId?: string): Painted[] {
    return [...this.painter.painted]
      .filter((p) => (cardId === undefined || p.mention.cardId === cardId) && p.range.startContainer.isConnected)
      .sort((a, b) => compareRanges(a.range, b.range));
  }

  /** How many painted mentions each card has. */
  counts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const p of this.painter.painted) counts.set(p.mention.cardId, (counts.get(p.mention.cardId) ?? 0) + 1);
    return counts;
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.catch(() => undefined).then(job);
    this.queue = run;
    return run;
  }

  /** Collects the roots' text in slices; `sliced` sees the text so far once, when a slice was not enough. */
  private async collect(
    roots: readonly Node[],
    generation: number,
    sliced?: (partial: PageText) => void,
  ): Promise<PageText | null> {
    const parts: PageText[] = [];
    for (const root of roots) {
      const collector = new TextCollector(root, {
        exclude: this.host.exclude(),
        onShadowRoot: (shadow) => {
          if (this.shadowRoots.has(shadow)) return;
          this.shadowRoots.add(shadow);
          styleShadowRoot(shadow);
          this.onShadowRoot(shadow);
        },
      });
      let told = !sliced;
      const done = await runSliced(
        (deadline) => {
          const finished = collector.step(deadline);
          if (!finished && !told && collector.size >= PREVIEW_NODES) {
            told = true;
            sliced?.(collector.result());
          }
          return finished;
        },
        () => generation !== this.generation,
      );
      if (!done) return null;
      parts.push(collector.result());
    }
    return parts.length === 1 ? parts[0]! : joinParts(parts);
  }

  /**
   * Matches the text: a `part` of a live page, or a `preview` of a page still collected. In the page when the
   * background handed it a dictionary and the text is short enough, else in the background.
   */
  private async match(page: PageText, part: boolean, preview = false): Promise<Found> {
    if (!/[\p{L}\p{N}]/u.test(page.text)) return { mentions: [], cards: [], local: false };
    const local = page.text.length <= LOCAL_TEXT_MAX ? await this.host.matcher() : null;
    if (local) return { ...local.match(page.text), local: !preview };
    const result = await sendToBackground('page.match', {
      text: page.text,
      url: this.doc.location?.href ?? '',
      title: this.doc.title,
      ...(part ? { part } : {}),
      ...(preview ? { preview } : {}),
      // Where its paragraphs end, for watch signals.
      ...(preview ? {} : { breaks: blockBreaks(page) }),
    });
    if (!result.ok) throw new Error(result.error);
    return { ...result.value, local: false };
  }

  /** Tells the background what the page matched itself (recorded, or for a `part` only watched for signals). */
  private tell(page: PageText, found: Found, part: boolean): void {
    void sendToBackground('page.found', {
      text: page.text,
      url: this.doc.location?.href ?? '',
      title: this.doc.title,
      ...(part ? { part } : { breaks: blockBreaks(page) }),
      mentions: found.mentions,
      cards: found.cards,
    }).then((answer) => {
      if (!answer.ok) console.debug('Dossier could not report this page:', answer.error);
    });
  }

  /**
   * Paints the mentions found in `page`, in slices. With `replace`, this is the page's whole set: a mention
   * painted already over the same text stays as it is (no flicker when a page is painted again), and those
   * not found again are removed at the end.
   */
  private async paint(
    page: PageText,
    found: { mentions: Mention[]; cards: CardSummary[] },
    generation: number,
    replace: boolean,
  ) {
    for (const card of found.cards) this.cards.set(card.id, card);
    const { mentions } = found;
    const stale = replace ? new Set(this.painter.painted) : undefined;
    let i = 0;
    const painted = await runSliced(
      (deadline) => {
        for (; i < mentions.length; i++) {
          if ((i & 31) === 0 && performance.now() > deadline) return false;
          if (this.painter.painted.size - (stale?.size ?? 0) >= MAX_PAINTED) {
            this.warnFull();
            return true;
          }
          const mention = mentions[i]!;
          const range = rangeOf(page, mention);
          if (range) this.painter.add(mention, range, this.cards.get(mention.cardId), stale);
        }
        return true;
      },
      () => generation !== this.generation,
    );
    if (!painted || !stale || stale.size === 0) return;
    const left = [...stale];
    let j = 0;
    await runSliced(
      (deadline) => {
        for (; j < left.length; j++) {
          if ((j & 31) === 0 && performance.now() > deadline) return false;
          this.painter.remove(left[j]!);
        }
        return true;
      },
      () => generation !== this.generation,
    );
  }

  private warnFull(): void {
    if (this.warned) return;
    this.warned = true;
    console.info(`Dossier shows the first ${MAX_PAINTED} mentions of this page only.`);
  }
}
