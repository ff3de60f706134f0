/*
 * Finds a clip's mentions in the text of its rendered article. The stored offsets are in the text Readability
 * gave when the page was clipped; the reader view's text is that of the HTML sanitised again, which may have
 * lost an element or some whitespace. So each quote is looked for where the offsets say (shifted by the drift
 * seen so far), else at its occurrence whose context matches best (Hypothesis's anchoring does the same with
 * fuzzy matching; exact quotes are enough here, since the text is the clip's own).
 */

/** The TextQuote and TextPosition fields of a mention. */
export interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
}

/** Where a quote is in a text. */
export interface Span {
  start: number;
  end: number;
}

const squash = (text: string) => text.replace(/\s+/g, ' ');

/** Characters that `a` ends with and `b` ends with alike (whitespace runs compared as one space). */
function commonEnd(a: string, b: string): number {
  const x = squash(a);
  const y = squash(b);
  let n = 0;
  while (n < x.length && n < y.length && x[x.length - 1 - n] === y[y.length - 1 - n]) n++;
  return n;
}

function commonStart(a: string, b: string): number {
  const x = squash(a);
  const y = squash(b);
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

/** Finds one quote in `text`, `shift` being how far the text has drifted from the stored offsets so far. */
export function locateQuote(text: string, quote: Quote, shift = 0): Span | null {
  const { exact } = quote;
  if (!exact) return null;
  const hint = quote.start + shift;
  const fits = (start: number) =>
    text.startsWith(exact, start) &&
    commonEnd(text.slice(Math.max(0, start - quote.prefix.length), start), quote.prefix) ===
      squash(quote.prefix).length &&
    commonStart(text.slice(start + exact.length, start + exact.length + quote.suffix.length), quote.suffix) ===
      squash(quote.suffix).length;
  if (hint >= 0 && fits(hint)) return { start: hint, end: hint + exact.length };
  let best: Span | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  const context = 2 * Math.max(1, quote.prefix.length + quote.suffix.length);
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    const before = commonEnd(text.slice(Math.max(0, at - quote.prefix.length - 8), at), quote.prefix);
    const after = commonStart(text.slice(at + exact.length, at + exact.length + quote.suffix.length + 8), quote.suffix);
    // Context matters most; distance from where it was breaks ties.
    const score = ((before + after) / context) * 1000 - Math.abs(at - hint) / Math.max(1, text.length);
    if (score > bestScore) {
      bestScore = score;
      best = { start: at, end: at + exact.length };
    }
  }
  return best;
}

/** Finds each quote (in any order) in `text`; null for a quote that is not there. Overlaps are dropped. */
export function locateQuotes<Q extends Quote>(text: string, quotes: readonly Q[]): Array<Span | null> {
  const order = quotes.map((_, i) => i).sort((a, b) => quotes[a]!.start - quotes[b]!.start);
  const found: Array<Span | null> = quotes.map(() => null);
  let shift = 0;
  let end = 0;
  for (const i of order) {
    const quote = quotes[i]!;
    const span = locateQuote(text, quote, shift);
    if (!span || span.start < end) continue;
    found[i] = span;
    shift = span.start - quote.start;
    end = span.end;
  }
  return found;
}
