/*
 * Sentences of a text with their offsets: the Unicode sentence rules (UAX #29) as the platform's ICU applies
 * them (Intl.Segmenter, in Node and in Chromium alike), each block of the text (a line) on its own, so that a
 * heading is never glued to the paragraph after it. ICU breaks after an abbreviated title ("Mr. Smith"); a
 * break after one of those is undone. Paragraphs of a page whose HTML has no space between them come out of
 * its text content glued ("…eased rules.Japan holds…"): a full stop between a lower-case word and a capitalised
 * one with no space between them ends a sentence too.
 */

/** A sentence: its text (whitespace collapsed) and where it stands in the text (end exclusive). */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Abbreviations before a name, after which a full stop ends no sentence. */
const TITLES = new Set(
  'Mr Mrs Ms Dr Prof Sen Rep Gov Gen Col Lt Sgt Capt Adm Rev St Mt Jr Sr No Vol Fig vs etc Inc Corp Ltd Co'.split(' '),
);

/** Whether a segment ends with one of those abbreviations and its full stop. */
function endsWithTitle(segment: string): boolean {
  const end = segment.trimEnd();
  if (!end.endsWith('.')) return false;
  const space = end.lastIndexOf(' ', end.length - 2);
  return TITLES.has(end.slice(space + 1, -1));
}

/** The end of a sentence glued to the next one: "rules.Japan", "said.”The". */
const GLUED = /\p{Ll}{2}[.!?]["”’)]?(?=\p{Lu}\p{Ll})/gu;

/**
 * The sentences of a text, in order; with `wanted`, only those of the lines (blocks) it accepts (the brief asks
 * for the lines that hold a mention: segmenting the others would be wasted work on a long page).
 */
export function sentences(text: string, wanted?: (start: number, end: number) => boolean): Sentence[] {
  const found: Sentence[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (wanted && !wanted(lineStart, lineEnd)) {
      lineStart = lineEnd + 1;
      continue;
    }
    let at = lineStart;
    for (const glued of text.slice(lineStart, lineEnd).matchAll(GLUED)) {
      const end = lineStart + glued.index + glued[0].length;
      splitPiece(text, at, end, found);
      at = end;
    }
    if (lineEnd > at) splitPiece(text, at, lineEnd, found);
    lineStart = lineEnd + 1;
  }
  return found;
}

/**
 * Iterating Intl.Segmenter over one long string costs time that grows with the square of its length in V8 (a
 * megabyte on one line: half a minute), so a piece longer than `PIECE` characters is cut first at the end of a
 * sentence (a full stop, question or exclamation mark and a space) past every `PIECE` characters, or at a space.
 */
const PIECE = 2000;

function splitPiece(text: string, start: number, end: number, into: Sentence[]): void {
  let at = start;
  while (end - at > PIECE) {
    let cut = -1;
    for (let i = at + PIECE; i < end - 1 && i < at + 2 * PIECE; i++) {
      const c = text.charCodeAt(i);
      if ((c === 46 || c === 33 || c === 63) && text.charCodeAt(i + 1) === 32) {
        cut = i + 2;
        break;
      }
    }
    if (cut < 0) cut = text.indexOf(' ', at + PIECE) + 1 || end;
    if (cut >= end) break;
    splitLine(text.slice(at, cut), at, into);
    at = cut;
  }
  splitLine(text.slice(at, end), at, into);
}

function splitLine(line: string, offset: number, into: Sentence[]): void {
  let pending: { start: number; end: number } | null = null;
  for (const { segment, index } of segmenter.segment(line)) {
    const start: number = pending ? pending.start : index;
    const end = index + segment.length;
    if (end < line.length && endsWithTitle(segment)) {
      pending = { start, end };
      continue;
    }
    pending = null;
    push(line, start, end, offset, into);
  }
  if (pending) push(line, pending.start, pending.end, offset, into);
}

function push(line: string, start: number, end: number, offset: number, into: Sentence[]): void {
  const raw = line.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  if (!trimmed) return;
  into.push({
    text: trimmed.replace(/\s+/g, ' '),
    start: offset + start + lead,
    end: offset + start + lead + trimmed.length,
  });
}
