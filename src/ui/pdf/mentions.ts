import { sendToBackground } from '../../messaging/client';
import { MAX_MENTIONS } from '../../messaging/protocol';
import type { Card } from '../../model/card';
import type { CardSummary, Mention } from '../../model/mention';
import { locatePoint, PAGE_BREAK, type PageText } from '../../pdf/page-text';
import { mountPopover, type PopoverHandle } from '../popover/mount';
import { POPOVER_CSS } from '../popover/popover.css';
import type { DrawnPage } from './viewer';

/** A mention of the document: offsets into the whole text (pages joined), and its page. */
export type PdfMention = Mention & { page: number };

type Style = 'entity' | 'topic' | 'fuzzy';
const KEYS: Record<Style | 'focus', string> = {
  entity: 'pdf-entity',
  topic: 'pdf-topic',
  fuzzy: 'pdf-fuzzy',
  focus: 'pdf-focus',
};

interface Painted {
  mention: PdfMention;
  range: Range;
}

const HIDE_DELAY_MS = 300;
const RECORD_EVERY_MS = 300;

/**
 * The mentions of an open PDF: each page's text is matched by the background as it is read (one message per
 * page), painted on the page's text layer once drawn, listed for the side panel, and stepped through from the
 * keyboard. The popover is the pages' own card popover.
 */
export class PdfMentions {
  readonly mentions: PdfMention[] = [];
  readonly cards = new Map<string, CardSummary>();
  private readonly texts = new Map<number, { text: PageText; start: number }>();
  private readonly drawn = new Map<number, DrawnPage>();
  private readonly painted = new Map<number, Painted[]>();
  private readonly byNode = new Map<Node, Painted[]>();
  private readonly highlights = new Map<Style, Highlight>();
  private popover: PopoverHandle | null = null;
  private shown: Painted | null = null;
  private hideTimer = 0;
  private recordTimer = 0;
  private readonly fullCards = new Map<string, Card>();
  error: string | null = null;

  /** Dossier is off for the PDF's site, or paused: pages are read, not matched. */
  private off = false;
  /** The joined teams' names (the popover offers to share its card with each). */
  private teams: string[] = [];

  /**
   * `hasSite`: the PDF came from an address (the reader's `file`), whose site the popover's "Ignore this card
   * here" and "Turn off on this site" act on; a kept copy or a dropped file has none, and no such buttons.
   */
  constructor(
    private readonly url: string,
    private readonly title: string,
    private readonly hasSite: boolean,
    private readonly draw: (page: number) => Promise<DrawnPage | null>,
    private readonly onChange: () => void,
  ) {
    void sendToBackground('teams.names', {}).then((r) => {
      if (r.ok) this.teams = r.value;
    });
  }

  /** Asks whether Dossier runs on the PDF's site (the background answers for the PDF's address, not the reader's). */
  async checkSite(): Promise<void> {
    const status = await sendToBackground('site.status', {});
    this.off = status.ok && !status.value.enabled;
    this.error = this.off && status.ok ? status.value.reason : null;
    this.onChange();
  }

  /**
   * The site rules changed (turned off or on, paused, a card ignored): every page read so far is matched again,
   * or its mentions cleared when Dossier is now off here.
   */
  async refresh(): Promise<void> {
    for (const list of this.painted.values()) for (const item of list) this.unpaint(item);
    this.painted.clear();
    this.mentions.length = 0;
    this.hide();
    await this.checkSite();
    const pages = [...this.texts.entries()].sort((a, b) => a[0] - b[0]);
    if (this.off) this.scheduleRecord();
    await Promise.all(pages.map(([n, { text, start }]) => this.matchPage(n, text, start)));
  }

  /** Matches one page's text (pages arrive in order; `start` is where it begins in the document's text). */
  async matchPage(number: number, text: PageText, start: number): Promise<void> {
    this.texts.set(number, { text, start });
    if (this.off || text.text.trim() === '') return;
    const answer = await sendToBackground('page.match', {
      text: text.text,
      url: this.url,
      title: this.title,
      part: true,
    });
    if (!answer.ok) {
      this.error = answer.error;
      this.onChange();
      return;
    }
    for (const card of answer.value.cards) this.cards.set(card.id, card);
    const found = answer.value.mentions.map((m) => ({
      ...m,
      start: m.start + start,
      end: m.end + start,
      page: number,
    }));
    this.mentions.push(...found);
    this.paintPage(number);
    this.scheduleRecord();
    this.onChange();
  }

  /** Tells the background (and so the side panel) what the document mentions so far. */
  private scheduleRecord(): void {
    if (this.recordTimer) return;
    this.recordTimer = window.setTimeout(() => {
      this.recordTimer = 0;
      // A very long document lists its first MAX_MENTIONS (all are painted and stepped through here).
      const listed = this.mentions.slice(0, MAX_MENTIONS);
      const used = new Set(listed.map((m) => m.cardId));
      void sendToBackground('page.record', {
        url: this.url,
        title: this.title,
        mentions: listed,
        cards: [...this.cards.values()].filter((c) => used.has(c.id)),
      });
    }, RECORD_EVERY_MS);
  }

  /** A page's text layer was drawn (again): its mentions are painted on it. */
  pageDrawn(page: DrawnPage): void {
    this.drawn.set(page.number, page);
    this.paintPage(page.number);
  }

  private styleOf(m: Mention): Style {
    if (m.match === 'fuzzy') return 'fuzzy';
    return this.cards.get(m.cardId)?.topic ? 'topic' : 'entity';
  }

  private paintPage(number: number): void {
    const drawn = this.drawn.get(number);
    const text = this.texts.get(number);
    if (!drawn || !text) return;
    for (const old of this.painted.get(number) ?? []) this.unpaint(old);
    const list: Painted[] = [];
    for (const mention of this.mentions) {
      if (mention.page !== number) continue;
      const range = rangeIn(drawn, text.text, mention.start - text.start, mention.end - text.start);
      if (!range) continue;
      const item = { mention, range };
      list.push(item);
      const style = this.styleOf(mention);
      let highlight = this.highlights.get(style);
      if (!highlight) {
        highlight = new Highlight();
        this.highlights.set(style, highlight);
        CSS.highlights.set(KEYS[style], highlight);
      }
      highlight.add(range);
      for (const node of [range.startContainer, range.endContainer]) {
        const at = this.byNode.get(node) ?? [];
        if (!at.includes(item)) at.push(item);
        this.byNode.set(node, at);
      }
    }
    this.painted.set(number, list);
  }

  private unpaint(item: Painted): void {
    for (const h of this.highlights.values()) h.delete(item.range);
    for (const node of [item.range.startContainer, item.range.endContainer]) {
      const at = this.byNode.get(node)?.filter((p) => p !== item) ?? [];
      if (at.length) this.byNode.set(node, at);
      else this.byNode.delete(node);
    }
  }

  /** The painted mention under a point of the viewport, if any. */
  hitTest(x: number, y: number): Painted | null {
    const caret = document.caretPositionFromPoint?.(x, y);
    const node = caret?.offsetNode;
    if (!node) return null;
    for (const item of this.byNode.get(node) ?? []) {
      if (item.range.isPointInRange(node, caret.offset)) {
        // The caret lands beside the character under the pointer: check the pointer is on the range's boxes.
        for (const rect of item.range.getClientRects()) {
          if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return item;
        }
      }
    }
    return null;
  }

  /** Mentions in document order (a card's alone when named). */
  ordered(cardId?: string): PdfMention[] {
    const all = cardId ? this.mentions.filter((m) => m.cardId === cardId) : this.mentions;
    return [...all].sort((a, b) => a.start - b.start);
  }

  /** Scrolls to a mention (drawing its page first), marks it and opens its card; `focus` moves focus into it. */
  async reveal(mention: PdfMention, focus: boolean): Promise<boolean> {
    const drawn = await this.draw(mention.page);
    if (!drawn) return false;
    const item = this.painted.get(mention.page)?.find((p) => p.mention === mention);
    if (!item) return false;
    item.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    CSS.highlights.set(KEYS.focus, new Highlight(item.range));
    this.show(item, focus);
    return true;
  }

  /** Moves to the next or previous mention in the document (across pages) and opens its card. */
  step(direction: 'next' | 'previous'): Promise<boolean> {
    const all = this.ordered();
    if (all.length === 0) return Promise.resolve(false);
    const at = this.shown ? all.indexOf(this.shown.mention) : -1;
    const index =
      at < 0
        ? direction === 'next'
          ? 0
          : all.length - 1
        : (at + (direction === 'next' ? 1 : -1) + all.length) % all.length;
    return this.reveal(all[index]!, true);
  }

  /** Reveals a card's mention by its index among the card's mentions (the side panel's Show). */
  revealCard(cardId: string, index = 0): Promise<boolean> {
    const mine = this.ordered(cardId);
    const mention = mine[Math.min(index, mine.length - 1)];
    return mention ? this.reveal(mention, false) : Promise.resolve(false);
  }

  /** Shows the card popover beside a painted mention. */
  show(item: Painted, focus: boolean, status: string | null = null): void {
    window.clearTimeout(this.hideTimer);
    this.hideTimer = 0;
    if (this.shown === item && !focus && status === null) return;
    this.shown = item;
    const summary = this.cards.get(item.mention.cardId);
    if (!summary) return;
    this.popover ??= mountPopover(popoverRoot());
    const same = this.ordered(summary.id);
    const act = (run: () => Promise<{ ok: boolean; error?: string }>) =>
      void run().then((r) => {
        if (!r.ok && this.shown === item) this.show(item, false, `Failed: ${r.error}`);
      });
    this.popover.update(
      {
        summary,
        card: this.fullCards.get(summary.id) ?? null,
        mention: item.mention,
        count: same.length,
        position: same.indexOf(item.mention) + 1,
        status: status ?? `Page ${item.mention.page}`,
        onOpenPanel: () => act(() => sendToBackground('panel.open', { cardId: summary.id })),
        // On the PDF's site (the background maps the reader to the PDF's address); the pages refresh after.
        ...(this.hasSite
          ? {
              onIgnore: () => act(() => sendToBackground('card.ignore', { cardId: summary.id })),
              onSiteOff: () => act(() => sendToBackground('site.set', { enabled: false })),
            }
          : {}),
        onPause: () => act(() => sendToBackground('pause.set', { paused: true })),
        onStep: (direction) => void this.step(direction),
        teams: this.teams,
        onShare: (team) =>
          void sendToBackground('card.share', { cardId: summary.id, team }).then((r) => {
            if (this.shown === item) this.show(item, false, r.ok ? `Shared with ${team}.` : `Failed: ${r.error}`);
          }),
      },
      item.range,
      focus,
    );
    if (!this.fullCards.has(summary.id)) {
      void sendToBackground('card.get', { id: summary.id }).then((r) => {
        if (!r.ok) return;
        this.fullCards.set(summary.id, r.value);
        if (this.shown === item) this.show(item, false, status ?? `Page ${item.mention.page}`);
      });
    }
  }

  /** Hides the popover (after a short delay when `later`). */
  hide(later = false): void {
    if (later) {
      if (!this.hideTimer) this.hideTimer = window.setTimeout(() => this.hide(), HIDE_DELAY_MS);
      return;
    }
    window.clearTimeout(this.hideTimer);
    this.hideTimer = 0;
    this.popover?.hide();
    this.shown = null;
    CSS.highlights.delete(KEYS.focus);
  }

  /** Whether the popover holds the pointer or focus (hovering it keeps it open). */
  holds(target: EventTarget | null): boolean {
    return target === popoverHost || (this.popover?.hasFocus() ?? false);
  }
}

let popoverHost: HTMLElement | null = null;
let shadow: ShadowRoot | null = null;

/** The popover's shadow root (one element, created on first need). */
function popoverRoot(): ShadowRoot {
  if (shadow) return shadow;
  popoverHost = document.createElement('div');
  shadow = popoverHost.attachShadow({ mode: 'closed' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(POPOVER_CSS);
  shadow.adoptedStyleSheets = [sheet];
  document.body.append(popoverHost);
  return shadow;
}

/** The range of a page-text span on a drawn text layer, or null when the text layer lacks it. */
export function rangeIn(drawn: DrawnPage, text: PageText, start: number, end: number): Range | null {
  const a = locatePoint(text, start, false);
  const b = locatePoint(text, end, true);
  if (!a || !b) return null;
  const startNode = drawn.spans[a.item]?.firstChild;
  const endNode = drawn.spans[b.item]?.firstChild;
  if (!startNode || !endNode) return null;
  const range = document.createRange();
  try {
    range.setStart(startNode, a.offset);
    range.setEnd(endNode, b.offset);
  } catch {
    return null;
  }
  return range.collapsed ? null : range;
}

/** Where each page's text begins in the document's, given the pages' texts read so far in order. */
export function nextStart(previousStart: number, previous: PageText): number {
  return previousStart + previous.text.length + PAGE_BREAK.length;
}
