import { anchor, selectorsOf } from '../../anchor/quote';
import { sendToBackground } from '../../messaging/client';
import { type Annotation, pdfSource } from '../../model/annotation';
import { type DocumentText, type PageText, pageAt } from '../../pdf/page-text';
import { rangeIn } from './mentions';
import type { DrawnPage } from './viewer';

const KEY = 'pdf-mark';

interface Placed {
  annotation: Annotation;
  start: number;
  end: number;
  page: number;
}

/**
 * The user's own highlights on a PDF: W3C Web Annotations whose target is the file's pdf.js fingerprint
 * (`urn:x-pdf:…`), so they come back when the same file is opened from any address, with TextQuote and
 * TextPosition selectors on the document's text (pages joined) and the page. Anchored on the text, painted on
 * the pages' text layers as they are drawn.
 */
export class OwnHighlights {
  private doc: DocumentText | null = null;
  private readonly placed: Placed[] = [];
  private readonly drawn = new Map<number, DrawnPage>();
  private readonly highlight = new Highlight();
  readonly source: string;

  constructor(
    fingerprint: string,
    private readonly texts: readonly PageText[],
    private readonly onChange: (count: number) => void,
  ) {
    this.source = pdfSource(fingerprint);
    CSS.highlights.set(KEY, this.highlight);
  }

  /** The whole text is read: the file's highlights are loaded and anchored. */
  async load(doc: DocumentText): Promise<void> {
    this.doc = doc;
    const answer = await sendToBackground('annotations.page', { source: this.source });
    if (!answer.ok) return;
    for (const annotation of answer.value) this.place(annotation);
    this.repaint();
  }

  private place(annotation: Annotation): void {
    if (!this.doc) return;
    const found = anchor(this.doc.text, annotation.target.selector);
    if (!found) return;
    this.placed.push({ annotation, start: found.start, end: found.end, page: pageAt(this.doc, found.start) });
  }

  /** A page's text layer was drawn: the highlights on it are painted. */
  pageDrawn(page: DrawnPage): void {
    this.drawn.set(page.number, page);
    this.repaint();
  }

  private repaint(): void {
    this.highlight.clear();
    if (!this.doc) return;
    for (const p of this.placed) {
      const drawn = this.drawn.get(p.page);
      const text = this.texts[p.page - 1];
      const start = this.doc.starts[p.page - 1];
      if (!drawn || !text || start === undefined) continue;
      const range = rangeIn(drawn, text, p.start - start, Math.min(p.end - start, text.text.length));
      if (range) this.highlight.add(range);
    }
    this.onChange(this.placed.length);
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
