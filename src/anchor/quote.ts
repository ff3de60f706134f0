import search from 'approx-string-match';
import { CONTEXT_CHARS, MAX_QUOTE, type TextPositionSelector, type TextQuoteSelector } from '../model/annotation';

/*
 * Anchoring an annotation in a page's text, as Hypothesis does: where the position selector still holds
 * the quote, there it is; otherwise every place the quote occurs (exactly, or with a few errors when the
 * page's wording changed) is scored by how well its context and position agree, and the best one wins.
 * Text that can no longer be found, even approximately, anchors nowhere: the annotation is an orphan.
 */

/** A place in the text. */
export interface Span {
  start: number;
  end: number;
}

/** Where an annotation anchored, and how sure (1 = quote, context and position all agree). */
export interface Anchor extends Span {
  score: number;
}

/** The selectors of an annotation. */
export type Selectors = readonly [TextQuoteSelector, TextPositionSelector, ...unknown[]];

/** The selectors that describe a span of the text. */
export function selectorsOf(
  text: string,
  span: Span,
  context = CONTEXT_CHARS,
): [TextQuoteSelector, TextPositionSelector] {
  const end = Math.min(span.end, span.start + MAX_QUOTE);
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(span.start, end),
      prefix: text.slice(Math.max(0, span.start - context), span.start),
      suffix: text.slice(end, end + context),
    },
    { type: 'TextPositionSelector', start: span.start, end },
  ];
}

interface Candidate extends Span {
  errors: number;
}

/** Most places an exact quote is scored at (a quote that common is placed by its context among the nearest). */
const MAX_CANDIDATES = 1000;

function exactMatches(text: string, quote: string, hint: number): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    found.push({ start: at, end: at + quote.length, errors: 0 });
  }
  if (found.length <= MAX_CANDIDATES) return found;
  return found.sort((a, b) => Math.abs(a.start - hint) - Math.abs(b.start - hint)).slice(0, MAX_CANDIDATES);
}

/** Errors allowed in a quote that is no longer on the page word for word: a quarter of it, none in short ones. */
export function allowedErrors(quote: string): number {
  return quote.length < 8 ? 0 : Math.min(256, Math.floor(quote.length / 4));
}

/** How closely `text` reads as `wanted` (1 = the same; an empty `wanted` always agrees). */
function similarity(text: string, wanted: string): number {
  if (wanted.length === 0) return 1;
  if (text.length === 0) return 0;
  if (text === wanted) return 1;
  return Math.max(0, 1 - substringErrors(text, wanted) / wanted.length);
}

/** Reused rows of the edit distance table (context strings are short: CONTEXT_CHARS). */
let previous = new Uint16Array(CONTEXT_CHARS + 1);
let row = new Uint16Array(CONTEXT_CHARS + 1);

/**
 * The fewest edits that turn `wanted` into some part of `text` (edit distance with free ends in `text`):
 * what approx-string-match's search reports for its best match, in a small table instead of a bit-parallel
 * scan that would report every other place too.
 */
export function substringErrors(text: string, wanted: string): number {
  const m = wanted.length;
  if (previous.length < m + 1) {
    previous = new Uint16Array(m + 1);
    row = new Uint16Array(m + 1);
  }
  for (let i = 0; i <= m; i++) previous[i] = i;
  let best = m;
  for (let j = 1; j <= text.length; j++) {
    row[0] = 0;
    const c = text.charCodeAt(j - 1);
    for (let i = 1; i <= m; i++) {
      const substitute = previous[i - 1]! + (wanted.charCodeAt(i - 1) === c ? 0 : 1);
      row[i] = Math.min(substitute, previous[i]! + 1, row[i - 1]! + 1);
    }
    if (row[m]! < best) best = row[m]!;
    [previous, row] = [row, previous];
  }
  return best;
}

const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const TOTAL = WEIGHT.quote + WEIGHT.prefix + WEIGHT.suffix + WEIGHT.position;
/** Least score of an approximate match: the quote's errors need some of its context to agree. */
const MIN_FUZZY_SCORE = 0.6;

/** Where the annotation's text is now, or null when it is gone (an orphan). */
export function anchor(text: string, selectors: Selectors): Anchor | null {
  const [quote, position] = selectors;
  const { exact } = quote;
  if (exact.length === 0) return null;
  // The page did not change around it: the position still holds the quote.
  if (text.slice(position.start, position.end) === exact) return { start: position.start, end: position.end, score: 1 };
  const exactly = exactMatches(text, exact, position.start);
  if (exactly.length > 0) return best(text, selectors, exactly);
  const maxErrors = allowedErrors(exact);
  if (maxErrors === 0) return null;
  // An edited quote mostly keeps its ends or its context word for word: search near those first, the whole
  // text only when that finds nothing good enough.
  return (
    best(text, selectors, nearbyMatches(text, quote, maxErrors)) ??
    best(text, selectors, search(text, exact, maxErrors))
  );
}

/** Characters of a quote's ends (or its context's) looked up exactly to find where an edited quote may be. */
const PROBE = 16;

/** Approximate matches of the quote in windows around exact occurrences of its ends and its context. */
function nearbyMatches(text: string, quote: TextQuoteSelector, maxErrors: number): Candidate[] {
  const { exact, prefix, suffix } = quote;
  // Where the quote would start, given where a probe was found.
  const probes: Array<[probe: string, offset: number]> = [
    [exact.slice(0, PROBE), 0],
    [exact.slice(-PROBE), exact.length - PROBE],
    [prefix.slice(-PROBE), -Math.min(PROBE, prefix.length)],
    [suffix.slice(0, PROBE), exact.length],
  ];
  const windows: Span[] = [];
  for (const [probe, offset] of probes) {
    if (probe.length < PROBE / 2) continue;
    let seen = 0;
    for (let at = text.indexOf(probe); at !== -1 && seen < 20; at = text.indexOf(probe, at + 1), seen++) {
      const start = at - offset;
      windows.push({
        start: Math.max(0, start - maxErrors - 1),
        end: Math.min(text.length, start + exact.length + maxErrors + 1),
      });
    }
  }
  windows.sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const window of windows) {
    const last = merged[merged.length - 1];
    if (last && window.start <= last.end) last.end = Math.max(last.end, window.end);
    else merged.push({ ...window });
  }
  return merged.flatMap(({ start, end }) =>
    search(text.slice(start, end), exact, maxErrors).map((m) => ({
      start: m.start + start,
      end: m.end + start,
      errors: m.errors,
    })),
  );
}

/** The candidate whose quote, context and position agree best, or null when none is good enough. */
function best(text: string, selectors: Selectors, candidates: readonly Candidate[]): Anchor | null {
  const [{ exact, prefix, suffix }, position] = selectors;
  let best: Anchor | null = null;
  for (const candidate of candidates) {
    const score =
      (WEIGHT.quote * (1 - candidate.errors / exact.length) +
        WEIGHT.prefix * similarity(text.slice(Math.max(0, candidate.start - prefix.length), candidate.start), prefix) +
        WEIGHT.suffix * similarity(text.slice(candidate.end, candidate.end + suffix.length), suffix) +
        WEIGHT.position * (1 - Math.abs(candidate.start - position.start) / Math.max(text.length, 1))) /
      TOTAL;
    if (!best || score > best.score) best = { start: candidate.start, end: candidate.end, score };
  }
  // An approximate quote must also agree with some of its context, or it is somewhere else's text.
  if (best && best.score < MIN_FUZZY_SCORE && candidates.some((c) => c.errors > 0)) return null;
  return best;
}
