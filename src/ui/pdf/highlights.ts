import { anchor, selectorsOf } from '../../anchor/quote';
import { sendToBackground } from '../../messaging/client';
import type { PageAnnotations } from '../../messaging/protocol';
import { type Annotation, noteOf, pdfSource } from '../../model/annotation';
import { type DocumentText, type PageText, pageAt } from '../../pdf/page-text';
import { rangeIn } from './mentions';
import type { DrawnPage } from './viewer';

/** Highlight keys: the user's plain highlights, their highlights with a note, and teammates' shared ones. */
const KEYS = { mark: 'pdf-mark', note: 'pdf-note', team: 'pdf-team', focus: 'pdf-note-focus' } as const;
const FOCUS_MS = 1500;

interface Placed {
  annotation: Annotation;
  start: number;
  end: number;
  page: number;
}

/**
 * The user's own highlights and notes on a PDF, and those teammates shared on it: W3C Web Annotations whose
 * target is the file's pdf.js fingerprint (`urn:x-pdf:…`), so they come back when the same file is opened from
 * any address, with TextQuote and TextPosition selectors on the document's text (pages joined) and the page.
 * Anchored on the text, painted on the pages' text layers as they are drawn, listed for the side panel (which
 * edits their notes, as on a web page) with their pages; one that no longer anchors is listed, never dropped.
 */
export class OwnHighlights {
  private doc: DocumentText | null = null;
  private placed: Placed[] = [];
  private orphans: Annotation[] = [];
  private readonly drawn = new Map<number, DrawnPage>();
  private readonly highlights = { mark: new Highlight(), note: new Highlight(), team: new Highlight() };
  private focusTimer = 0;
  readonly source: string;

  constructor(
    fingerprint: string,
    private readonly texts: readonly PageText[],
    private readonly draw: (page: number) => Promise<DrawnPage | null>,
    private readonly onChange: (count: number) => void,
  ) {
    this.source = pdfSource(fingerprint);
    CSS.highlights.set(KEYS.mark, this.highlights.mark);
    CSS.highlights.set(KEYS.note, this.highlights.note);
    CSS.highlights.set(KEYS.team, this.highlights.team);
  }

  /** The whole text is read: the file's highlights and notes are loaded and anchored. */
  async load(doc: DocumentText): Promise<void> {
    this.doc = doc;
    await this.reload();
  }

  /** Loads the file's highlights and notes again (one was changed in the side panel, or by a teammate). */
  async reload(): Promise<void> {
    if (!this.doc) return;
    const answer = await sendToBackground('annotations.page', { source: this.source });
    if (!answer.ok) return;
    this.placed = [];
    this.orphans = [];
    for (const annotation of answer.value) this.place(annotation);
    this.repaint();
    // An open side panel lists them again.
    void sendToBackground('annotations.changed', {});
  }

  private place(annotation: Annotation): void {
    if (!this.doc) return;
    const found = anchor(this.doc.text, annotation.target.selector);
    if (!found) {
      this.orphans.push(annotation);
      return;
    }
    this.placed.push({ annotation, start: found.start, end: found.end, page: pageAt(this.doc, found.start) });
  }

  /** The highlights and notes for the side panel: anchored ones in document order with their pages, then orphans. */
  list(): PageAnnotations {
    const anchored = [...this.placed]
      .sort((a, b) => a.start - b.start)
      .map((p) => ({ annotation: p.annotation, anchored: true, page: p.page }));
    return {
      source: this.doc ? this.source : null,
      items: [...anchored, ...this.orphans.map((annotation) => ({ annotation, anchored: false }))],
    };
  }

  /** Scrolls to a highlight or note (drawing its page first) and flashes it. */
  async reveal(id: string): Promise<boolean> {
    const placed = this.placed.find((p) => p.annotation.id === id);
    if (!placed) return false;
    await this.draw(placed.page);
    const range = this.rangeOf(placed);
    if (!range) return false;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    CSS.highlights.set(KEYS.focus, new Highlight(range));
    window.clearTimeout(this.focusTimer);
    this.focusTimer = window.setTimeout(() => CSS.highlights.delete(KEYS.focus), FOCUS_MS);
    return true;
  }

  /** A page's text layer was drawn: the highlights on it are painted. */
  pageDrawn(page: DrawnPage): void {
    this.drawn.set(page.number, page);
    this.repaint();
  }

  private rangeOf(p: Placed): Range | null {
    const drawn = this.drawn.get(p.page);
    const text = this.texts[p.page - 1];
    const start = this.doc?.starts[p.page - 1];
    if (!drawn || !text || start === undefined) return null;
    return rangeIn(drawn, text, p.start - start, Math.min(p.end - start, text.text.length));
  }

  private repaint(): void {
    for (const highlight of Object.values(this.highlights)) highlight.clear();
    if (!this.doc) return;
    for (const p of this.placed) {
      const range = this.rangeOf(p);
      if (!range) continue;
      const kind = p.annotation.creator ? 'team' : noteOf(p.annotation) ? 'note' : 'mark';
      this.highlights[kind].add(range);
    }
    this.onChange(this.placed.filter((p) => !p.annotation.creator).length);
  }

  /** Highlights the selection (on one page's text layer); returns why not when it cannot. */
  async highlightSelection(selection: Selection | null): Promise<string | null> {
    if (!this.doc) return 'The PDF is still being read.';
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return 'Select some text first.';
    const range = selection.getRangeAt(0);
    const start = this.offsetOf(range.startContainer, range.startOffset);
    const end = this.offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return 'Select text on a page of the PDF.';
    const now = new Date().toISOString();
    const page = pageAt(this.doc, start);
    const annotation: Annotation = {
      id: `urn:uuid:${crypto.randomUUID()}`,
      type: 'Annotation',
      motivation: 'highlighting',
      created: now,
      modified: now,
      body: [],
      target: {
        source: this.source,
        selector: [
          ...selectorsOf(this.doc.text, { start, end }),
          { type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: `page=${page}` },
        ],
      },
    };
    const saved = await sendToBackground('annotation.save', { annotation });
    if (!saved.ok) return saved.error;
    this.place(saved.value);
    selection.removeAllRanges();
    this.repaint();
    void sendToBackground('annotations.changed', {});
    return null;
  }

  /** The offset in the document's text of a point in a text layer, or null outside of one. */
  private offsetOf(node: Node, offset: number): number | null {
    if (!this.doc) return null;
    const span = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
    const box = span?.closest<HTMLElement>('.page');
    const number = Number(box?.dataset.page);
    const drawn = this.drawn.get(number);
    const text = this.texts[number - 1];
    const pageStart = this.doc.starts[number - 1];
    if (!drawn || !text || pageStart === undefined || !span) return null;
    const item = drawn.spans.indexOf(span as HTMLElement);
    if (item < 0) {
      // A point between spans (the layer itself): the nearest text is the page's start or end.
      return offset === 0 ? pageStart : pageStart + text.text.length;
    }
    const at = node.nodeType === Node.TEXT_NODE ? offset : 0;
    for (const piece of text.pieces) {
      if (piece.item !== item) continue;
      if (at <= piece.offset + piece.length) return pageStart + piece.start + Math.max(0, at - piece.offset);
    }
    const last = text.pieces.filter((p) => p.item === item).pop();
    return last ? pageStart + last.start + last.length : null;
  }
}
