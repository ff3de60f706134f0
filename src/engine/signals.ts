import type { CompiledRule, CompiledSignals, SignalScope } from './signal-rules';
import { normAt, tokenise } from './tokenise';

/** A page as matched: its text (blocks on lines of their own) and the mentions the engine found in it. */
export interface SignalPage {
  text: string;
  mentions: readonly { cardId: string; start: number; end: number }[];
  /**
   * The offsets of the line breaks that separate paragraphs (blocks), when the text has others inside its
   * paragraphs (a browser's text keeps a page's source formatting); without them, every line is a paragraph.
   */
  breaks?: readonly number[];
}

/** A signal that fired on a page, with the sentence that shows it. */
export interface SignalHit {
  cardId: string;
  cardName: string;
  /** The signal's index in its card. */
  signal: number;
  /** The signal's text. */
  text: string;
  scope: SignalScope;
  /** The terms found, as the rule writes them. */
  terms: string[];
  /** The sentence that carries most of the rule's terms: offsets into the page's text (end exclusive) and text. */
  evidence: { start: number; end: number; sentence: string };
}

/** One place a term stands in the text. */
interface Occurrence {
  term: number;
  start: number;
  end: number;
  paragraph: number;
}

/** Longest evidence sentence kept; a longer one is cut around its terms. */
const MAX_SENTENCE = 400;

/** The start offsets of the text's paragraphs: after each block break, or each line break. */
function paragraphStarts(text: string, breaks: readonly number[] | undefined): number[] {
  if (breaks)
    return [0, ...breaks.map((b) => b + 1).filter((s, i, all) => s <= text.length && (i === 0 || s > all[i - 1]!))];
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Whether a paragraph starts within (from, to]: two words on either side of it are not one phrase. */
function crossesParagraph(starts: readonly number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= from) lo = mid + 1;
    else hi = mid;
  }
  return lo < starts.length && starts[lo]! <= to;
}

/** Where every term of the rules stands: cards through the page's mentions, keywords in the text. */
function occurrences(compiled: CompiledSignals, page: SignalPage, starts: number[]): Occurrence[] {
  const cards: Array<{ term: number; start: number; end: number }> = [];
  for (const m of page.mentions) {
    const term = compiled.cardTerms.get(m.cardId);
    if (term !== undefined) cards.push({ term, start: m.start, end: m.end });
  }
  cards.sort((a, b) => a.start - b.start);
  // Keywords are found in the order of the text's words: already sorted by start.
  const words: Array<{ term: number; start: number; end: number }> = [];
  if (compiled.phrases.size > 0) {
    const tokens = tokenise(page.text);
    const { text } = page;
    for (let i = 0; i < tokens.count; i++) {
      if (!compiled.firstHashes.has(tokens.hash[i]!)) continue;
      const candidates = compiled.phrases.get(normAt(tokens, i));
      if (!candidates) continue;
      for (const phrase of candidates) {
        let last = i;
        let ok = true;
        for (let w = 0; w < phrase.rest.length && ok; w++) {
          const next = last + 1;
          // The words of a phrase stand in one paragraph, with nothing but spaces or dashes between them.
          ok =
            next < tokens.count &&
            !/[.,;:!?]/.test(text.slice(tokens.end[last], tokens.start[next])) &&
            !crossesParagraph(starts, tokens.end[last]!, tokens.start[next]!);
          ok &&= phrase.rest[w]!.has(normAt(tokens, next));
          last = next;
        }
        if (ok) words.push({ term: phrase.term, start: tokens.start[i]!, end: tokens.end[last]! });
      }
    }
  }
  // Both lists merged in text order, each occurrence given its paragraph.
  const out: Occurrence[] = [];
  let p = 0;
  let a = 0;
  let b = 0;
  while (a < cards.length || b < words.length) {
    const o = b >= words.length || (a < cards.length && cards[a]!.start <= words[b]!.start) ? cards[a++]! : words[b++]!;
    while (p + 1 < starts.length && starts[p + 1]! <= o.start) p++;
    out.push({ term: o.term, start: o.start, end: o.end, paragraph: p });
  }
  return out;
}

/** Whether the terms present (stamped with `mark`) satisfy the rule. */
function satisfied(rule: CompiledRule, present: Int32Array, mark: number): boolean {
  for (const t of rule.all) if (present[t] !== mark) return false;
  for (const group of rule.any) {
    let found = false;
    for (const t of group) {
      if (present[t] === mark) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  for (const t of rule.none) if (present[t] === mark) return false;
  return true;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Splits a span of text into sentences (offsets into the text). */
function sentences(text: string, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  // A line break inside a paragraph is the page's source formatting, not the end of a sentence.
  for (const s of segmenter.segment(text.slice(from, to).replace(/[\n\r]/g, ' ')))
    out.push([from + s.index, from + s.index + s.segment.length]);
  return out;
}

/** Paragraphs whose sentences are weighed for a rule's evidence: those holding the most of its groups. */
const EVIDENCE_PARAGRAPHS = 3;

/** The sentence of the unit that carries the most of the rule's groups, trimmed; cut to MAX_SENTENCE around them. */
function evidenceOf(text: string, rule: CompiledRule, occs: Occurrence[], starts: number[]) {
  const groups: number[][] = [...rule.all.map((t) => [t]), ...rule.any];
  const score = (terms: ReadonlySet<number>) => groups.filter((g) => g.some((t) => terms.has(t))).length;
  const byParagraph = new Map<number, Occurrence[]>();
  for (const o of occs) {
    const list = byParagraph.get(o.paragraph);
    if (list) list.push(o);
    else byParagraph.set(o.paragraph, [o]);
  }
  // On a long page a page-wide rule has terms in many paragraphs: only the richest few are split in sentences.
  const ranked = [...byParagraph]
    .map(([p, list]) => ({ p, list, score: score(new Set(list.map((o) => o.term))) }))
    .sort((a, b) => b.score - a.score || a.p - b.p)
    .slice(0, EVIDENCE_PARAGRAPHS);
  let best = { score: -1, start: 0, end: 0 };
  for (const { p, list } of ranked) {
    const end = (starts[p + 1] ?? text.length + 1) - 1;
    for (const [s, e] of sentences(text, starts[p]!, end)) {
      const inside = score(new Set(list.filter((o) => o.start >= s && o.end <= e).map((o) => o.term)));
      if (inside > best.score || (inside === best.score && s < best.start)) best = { score: inside, start: s, end: e };
    }
  }
  let { start, end } = best;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end - start > MAX_SENTENCE) {
    const first = occs.find((o) => o.start >= start && o.end <= end)?.start ?? start;
    start = Math.max(start, Math.min(first - 80, end - MAX_SENTENCE));
    end = Math.min(end, start + MAX_SENTENCE);
  }
  return { start, end, sentence: text.slice(start, end) };
}

/** The signals whose rules a page matches, each once, in the order of the rules. */
export function evaluateSignals(compiled: CompiledSignals, page: SignalPage): SignalHit[] {
  if (compiled.rules.length === 0) return [];
  const starts = paragraphStarts(page.text, page.breaks);
  const occs = occurrences(compiled, page, starts);
  if (occs.length === 0) return [];
  const present = new Int32Array(compiled.labels.length).fill(-1);
  const fired = new Map<number, Occurrence[]>();

  // Each rule is checked once per unit (the page, a paragraph), however many of its terms stand there.
  const checked = new Int32Array(compiled.rules.length).fill(-1);
  const visited = new Int32Array(compiled.labels.length).fill(-1);

  // Page scope: every term found anywhere counts.
  for (const o of occs) present[o.term] = 0;
  for (const o of occs) {
    if (visited[o.term] === 0) continue;
    visited[o.term] = 0;
    for (const r of compiled.termRules[o.term]!) {
      if (checked[r] === 0) continue;
      checked[r] = 0;
      const rule = compiled.rules[r]!;
      if (rule.scope === 'page' && satisfied(rule, present, 0)) fired.set(r, occs);
    }
  }
  // Paragraph scope: each paragraph with terms in it, against the rules its terms take part in.
  present.fill(-1);
  for (let i = 0; i < occs.length; ) {
    const p = occs[i]!.paragraph;
    const mark = p + 1;
    let j = i;
    while (j < occs.length && occs[j]!.paragraph === p) present[occs[j++]!.term] = mark;
    for (let k = i; k < j; k++) {
      const term = occs[k]!.term;
      if (visited[term] === mark) continue;
      visited[term] = mark;
      for (const r of compiled.termRules[term]!) {
        if (checked[r] === mark) continue;
        checked[r] = mark;
        const rule = compiled.rules[r]!;
        if (rule.scope !== 'paragraph' || fired.has(r)) continue;
        if (satisfied(rule, present, mark)) fired.set(r, occs.slice(i, j));
      }
    }
    i = j;
  }

  // A page-wide rule's evidence is read from its own terms' occurrences, not from every occurrence of the page.
  let byTerm: Map<number, Occurrence[]> | null = null;
  const ofTerms = (terms: ReadonlySet<number>, unit: Occurrence[]): Occurrence[] => {
    if (unit !== occs) return unit.filter((o) => terms.has(o.term));
    if (!byTerm) {
      byTerm = new Map();
      for (const o of occs) {
        const list = byTerm.get(o.term);
        if (list) list.push(o);
        else byTerm.set(o.term, [o]);
      }
    }
    const index = byTerm;
    return [...terms].flatMap((t) => index.get(t) ?? []).sort((x, y) => x.start - y.start);
  };
  return [...fired.keys()]
    .sort((a, b) => a - b)
    .map((r) => {
      const rule = compiled.rules[r]!;
      const used = ofTerms(new Set([...rule.all, ...rule.any.flat()]), fired.get(r)!);
      return {
        cardId: rule.cardId,
        cardName: rule.cardName,
        signal: rule.signal,
        text: rule.text,
        scope: rule.scope,
        terms: [...new Set(used.map((o) => compiled.labels[o.term]!))],
        evidence: evidenceOf(page.text, rule, used, starts),
      };
    });
}
