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
const TITLE =
  /(?:^|\s)(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Adm|Rev|St|Mt|Jr|Sr|No|Vol|Fig|vs|etc|Inc|Corp|Ltd|Co)\.\s*$/;

/** The end of a sentence glued to the next one: "rules.Japan", "said.”The". */
const GLUED = /\p{Ll}{2}[.!?]["”’)]?(?=\p{Lu}\p{Ll})/gu;

/** The sentences of a text, in order. */
export function sentences(text: string): Sentence[] {
  const found: Sentence[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let at = lineStart;
    for (const glued of text.slice(lineStart, lineEnd).matchAll(GLUED)) {
      const end = lineStart + glued.index + glued[0].length;
      splitLine(text.slice(at, end), at, found);
      at = end;
    }
    if (lineEnd > at) splitLine(text.slice(at, lineEnd), at, found);
    lineStart = lineEnd + 1;
  }
  return found;
}

function splitLine(line: string, offset: number, into: Sentence[]): void {
  let pending: { start: number; end: number } | null = null;
  for (const { segment, index } of segmenter.segment(line)) {
    const start: number = pending ? pending.start : index;
    const end = index + segment.length;
    if (TITLE.test(segment) && end < line.length) {
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
