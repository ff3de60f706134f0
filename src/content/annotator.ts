import { sendToBackground } from '../messaging/client';
import type { CardSummary, Mention } from '../model/mention';
import { collectText } from './collect-text';
import { currentHost } from './host';
import { createHitTest, type HitTest } from './hover';
import { clearPaint, type Painted, paint } from './paint';

/** What the last annotation of the page found. */
export interface Annotation {
  painted: Painted[];
  cards: Map<string, CardSummary>;
  counts: Map<string, number>;
  hitTest: HitTest;
}

const EMPTY: Annotation = { painted: [], cards: new Map(), counts: new Map(), hitTest: () => null };

/** Collects the page's visible text, has the background match it, and paints the mentions. */
export class Annotator {
  current: Annotation = EMPTY;
  private generation = 0;
  /** Whether Dossier runs on this site, as last asked; null until asked. */
  private enabled: boolean | null = null;

  constructor(private readonly doc: Document) {}

  /**
   * Annotates the document from scratch; a newer call supersedes an older one still waiting for its answer.
   * On a site the user turned off (or while paused) it collects nothing at all. `recheck` asks again whether
   * the site is on (after the user changed it).
   */
  async annotate(recheck = false): Promise<Annotation> {
    const generation = ++this.generation;
    if (this.enabled === null || recheck) {
      const status = await sendToBackground('site.status', {});
      if (generation !== this.generation) return this.current;
      if (!status.ok) throw new Error(status.error);
      this.enabled = status.value.enabled;
    }
    if (!this.enabled) return this.apply(EMPTY);
    const root = this.doc.body ?? this.doc.documentElement;
    const page = collectText(root, currentHost());
    if (!/[\p{L}\p{N}]/u.test(page.text)) return this.apply(EMPTY);
    if (__BENCH__) performance.mark('annotate:collected');
    const result = await sendToBackground('page.match', {
      text: page.text,
      url: this.doc.location?.href ?? '',
      title: this.doc.title,
    });
    if (generation !== this.generation) return this.current;
    if (!result.ok) throw new Error(result.error);
    const painted = paint(page, result.value.mentions, result.value.cards);
    if (__BENCH__) {
      performance.mark('annotate:painted');
      performance.measure('first highlights', 'annotate:collected', 'annotate:painted');
    }
    return this.apply({
      painted,
      cards: new Map(result.value.cards.map((c) => [c.id, c])),
      counts: countByCard(result.value.mentions),
      hitTest: createHitTest(painted),
    });
  }

  private apply(annotation: Annotation): Annotation {
    if (annotation === EMPTY) clearPaint();
    this.current = annotation;
    return annotation;
  }

  /** Removes every highlight and forgets the mentions. */
  clear(): void {
    this.generation++;
    this.apply(EMPTY);
  }
}

function countByCard(mentions: readonly Mention[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.cardId, (counts.get(m.cardId) ?? 0) + 1);
  return counts;
}
