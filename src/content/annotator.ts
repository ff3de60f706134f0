import { sendToBackground } from '../messaging/client';
import type { Annotation } from '../model/annotation';
import type { CardSummary, Mention } from '../model/mention';
import { blockBreaks, joinParts, type PageText, TextCollector } from './collect-text';
import { compareRanges } from './document-order';
import { createHitTest, type HitTest } from './hover';
import { type Painted, Painter, rangeOf } from './paint';
import { styleShadowRoot } from './shadow-style';
import { runSliced } from './slices';

/** Most mentions painted in one document: past this a page shows the first ones and says so in the console. */
export const MAX_PAINTED = 20_000;

/** What the annotator needs from its surroundings. */
export interface AnnotatorHost {
  /** Our own UI element, never collected. */
  exclude(): Node | null;
  /** Whether Dossier may read this page at all (site on, not paused); asked before every collection. */
  allowed(): Promise<boolean>;
  /** The page's mentions changed (to tell the background, for the side panel). */
  changed(annotator: Annotator): void;
  /** The canonical URL whose highlights and notes the first match also fetches (top frame), or null. */
  source(): string | null;
  /** The user's highlights and notes on the page, as the match brought them; null when Dossier is off here. */
  annotations(annotations: Annotation[] | null): void;
}

/**
 * Collects the page's visible text, has the background match it, and paints the mentions: all at once at
 * load and on navigation, part by part as the page changes. Runs one job at a time, each cut into slices.
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

  /** Annotates the document from scratch; supersedes every job queued before. Resolves to the painted count. */
  annotate(): Promise<number> {
    const generation = ++this.generation;
    return this.enqueue(async () => {
      if (generation !== this.generation) return this.painter.painted.size;
      if (!(await this.host.allowed())) {
        this.clear();
        this.host.annotations(null);
        return 0;
      }
      const root = this.doc.body ?? this.doc.documentElement;
      if (__BENCH__) performance.mark('first highlights:start');
      const page = await this.collect([root], generation);
      if (!page) return this.painter.painted.size;
      if (__BENCH__) performance.mark('first highlights:collected');
      const found = await this.match(page, false);
      if (!found || generation !== this.generation) return this.painter.painted.size;
      this.host.annotations(found.annotations ?? []);
      if (__BENCH__) performance.mark('first highlights:matched');
      this.painter.clear();
      this.cards.clear();
      await this.paint(page, found, generation);
      if (__BENCH__) {
        performance.mark('first highlights:end');
        performance.measure('first highlights', 'first highlights:start', 'first highlights:end');
      }
      return this.painter.painted.size;
    });
  }

  /** Re-annotates parts of the page that changed: their old mentions go, their text is matched again. */
  update(roots: readonly Element[]): Promise<void> {
    const generation = this.generation;
    return this.enqueue(async () => {
      if (generation !== this.generation) return;
      const live = roots.filter((root) => root.isConnected);
      this.painter.removeWhere(
        (item) => !item.range.startContainer.isConnected || live.some((root) => root.contains(item.nodes[0]!)),
      );
      const page = await this.collect(live, generation);
      if (page && /[\p{L}\p{N}]/u.test(page.text)) {
        const found = await this.match(page, true);
        if (found && generation === this.generation) await this.paint(page, found, generation);
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

  private async collect(roots: readonly Node[], generation: number): Promise<PageText | null> {
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
      const done = await runSliced(
        (deadline) => collector.step(deadline),
        () => generation !== this.generation,
      );
      if (!done) return null;
      parts.push(collector.result());
    }
    return parts.length === 1 ? parts[0]! : joinParts(parts);
  }

  private async match(page: PageText, part: boolean) {
    const source = part ? null : this.host.source();
    if (!/[\p{L}\p{N}]/u.test(page.text) && !source) {
      return { mentions: [] as Mention[], cards: [] as CardSummary[] };
    }
    const result = await sendToBackground('page.match', {
      text: page.text,
      url: this.doc.location?.href ?? '',
      title: this.doc.title,
      ...(part ? { part } : {}),
      // Where its paragraphs end, for watch signals.
      breaks: blockBreaks(page),
      ...(source ? { source } : {}),
    });
    if (!result.ok) throw new Error(result.error);
    return result.value;
  }

  private async paint(page: PageText, found: { mentions: Mention[]; cards: CardSummary[] }, generation: number) {
    for (const card of found.cards) this.cards.set(card.id, card);
    const { mentions } = found;
    let i = 0;
    await runSliced(
      (deadline) => {
        for (; i < mentions.length; i++) {
          if ((i & 31) === 0 && performance.now() > deadline) return false;
          if (this.painter.painted.size >= MAX_PAINTED) {
            this.warnFull();
            return true;
          }
          const mention = mentions[i]!;
          const range = rangeOf(page, mention);
          if (range) this.painter.add(mention, range, this.cards.get(mention.cardId));
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
