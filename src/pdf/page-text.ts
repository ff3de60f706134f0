/*
 * The text of a PDF page as the engine sees it, built from pdf.js's text items (one per text-layer span): lines
 * are joined with a space, words hyphenated across a line break are joined again, and a map of pieces leads
 * from every character of that text back to its item and offset, so that a mention found in the text can be
 * painted on the span it came from.
 */

/** A text item as pdf.js gives it (`getTextContent().items`, marked-content items left out). */
export interface TextItem {
  str: string;
  hasEOL: boolean;
}

/** A run of the page text copied from one item: `text[start, start + length)` is `item.str[offset, …)`. */
export interface Piece {
  start: number;
  item: number;
  offset: number;
  length: number;
}

/** A page's text, and where each character came from. */
export interface PageText {
  text: string;
  pieces: Piece[];
}

/** A place in a text item. */
export interface ItemPoint {
  item: number;
  offset: number;
}

const HYPHEN_END = /(\p{L}+)[-\u00ad]$/u;
/** How much of the text before a line break decides a hyphenated word (longer than any word). */
const TAIL = 128;
const SPACE = /\s/;

/** Whether a text ends with white space (its last character alone is tested: the text grows to a page's). */
const endsWithSpace = (text: string) => text !== '' && SPACE.test(text[text.length - 1]!);
const WORD_START = /^\p{Ll}+/u;

/** Whether `left-right`, broken after its hyphen at a line end, is one word hyphenated by the typesetter. */
function softHyphen(before: string, after: string, whole: string): boolean {
  if (before.endsWith('\u00ad')) return true;
  const left = HYPHEN_END.exec(before)?.[1];
  const right = WORD_START.exec(after)?.[0];
  if (!left || !right) return false;
  // A compound the page also writes whole ("state-owned" elsewhere) keeps its hyphen.
  return !whole.includes(`${left}-${right}`);
}

/** The items of a text content that the text layer draws as spans (marked-content markers have no `str`). */
export function textItems(items: readonly unknown[]): TextItem[] {
  const out: TextItem[] = [];
  for (const item of items) {
    if (item && typeof item === 'object' && 'str' in item && typeof item.str === 'string') {
      out.push({ str: item.str, hasEOL: 'hasEOL' in item && item.hasEOL === true });
    }
  }
  return out;
}

/**
 * Builds a page's text from its items: lines joined with a space (blocks with a line break), hyphenated words
 * whole again, and the map back.
 */
export function pageText(items: readonly TextItem[]): PageText {
  const raw = items.map((i) => i.str).join(' ');
  const pieces: Piece[] = [];
  let text = '';
  let lineEnd = false;
  // pdf.js marks the end of a block (a paragraph, a heading) with an empty item ending a line.
  let blockEnd = false;
  for (let i = 0; i < items.length; i++) {
    const { str } = items[i]!;
    if (str === '') {
      lineEnd ||= items[i]!.hasEOL;
      blockEnd ||= items[i]!.hasEOL;
      continue;
    }
    let offset = 0;
    if (lineEnd && text !== '') {
      const trimmed = str.replace(/^\s+/, '');
      offset = str.length - trimmed.length;
      // The text's tail only: a pattern anchored at its end still scans a string from its start.
      if (softHyphen(text.slice(-TAIL), trimmed, raw)) {
        // Drop the hyphen: shorten the piece that ends with it.
        const last = pieces[pieces.length - 1]!;
        last.length -= 1;
        text = text.slice(0, -1);
        if (last.length === 0) pieces.pop();
      } else if (blockEnd && !endsWithSpace(text)) text += '\n';
      else if (!endsWithSpace(text) && !text.endsWith('-')) text += ' ';
    } else if (text !== '' && !endsWithSpace(text) && !/^\s/.test(str) && needsSpace(items[i - 1])) {
      text += ' ';
    }
    const rest = str.length - offset;
    if (rest > 0) {
      pieces.push({ start: text.length, item: i, offset, length: rest });
      text += str.slice(offset);
    }
    lineEnd = items[i]!.hasEOL;
    blockEnd = false;
  }
  return { text, pieces };
}

/** pdf.js puts the space between two items of a line in one of them; an empty item between them stands for it. */
function needsSpace(previous: TextItem | undefined): boolean {
  return previous !== undefined && previous.str === '';
}

/**
 * The item and offset of a text offset: `end` picks the end of the previous piece when the offset falls on a
 * boundary (so a mention's range ends where its last character is), else the start of the next one.
 */
export function locatePoint(page: PageText, at: number, end: boolean): ItemPoint | null {
  const { pieces } = page;
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = pieces[mid]!;
    const inside = end ? at > p.start && at <= p.start + p.length : at >= p.start && at < p.start + p.length;
    if (inside) return { item: p.item, offset: p.offset + at - p.start };
    if (end ? at <= p.start : at < p.start) hi = mid - 1;
    else lo = mid + 1;
  }
  // An offset on inserted text (a joining space) starts at the next piece or ends at the previous one.
  const next = pieces[lo];
  if (!end && next) return { item: next.item, offset: next.offset };
  const prev = pieces[lo - 1];
  if (end && prev) return { item: prev.item, offset: prev.offset + prev.length };
  return null;
}

/** A document's text: its pages' texts one after another, a blank line between pages. */
export interface DocumentText {
  text: string;
  /** Where each page's text starts in `text`. */
  starts: number[];
}

/** The separator between two pages' texts. */
export const PAGE_BREAK = '\n\n';

/** Joins pages' texts into one, keeping where each page starts. */
export function documentText(pages: readonly string[]): DocumentText {
  const starts: number[] = [];
  let at = 0;
  for (const page of pages) {
    starts.push(at);
    at += page.length + PAGE_BREAK.length;
  }
  return { text: pages.join(PAGE_BREAK), starts };
}

/** The 1-based page number of an offset in a document's text. */
export function pageAt(doc: Pick<DocumentText, 'starts'>, offset: number): number {
  let lo = 0;
  let hi = doc.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
