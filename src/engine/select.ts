import { type Candidate, closeSpan, firstNeedingCue } from './candidates';
import { caseFits, shouted } from './case-rules';
import { contextFits } from './context-rules';
import {
  type CompiledEntry,
  type CompiledForm,
  type Dictionary,
  entryAt,
  entryOfForm,
  FormVariant,
  formAt,
} from './dictionary';
import { insideLongerName } from './longer-name';
import { isPersonTitle } from './person';
import { foldedWords, normAt, type Tokens } from './tokenise';
import type { EngineMatch, MatchKind, MatchVariant } from './types';
import { naturalName } from './watchlist-names';
import { isAlternateSpelling } from './word-table';

/** A candidate kept, with how sure it is and the other cards it could name (ambiguity resolved by context). */
interface Choice {
  c: Candidate;
  confidence: number;
  alternatives: number[];
}

/** Decides which candidates are mentions: case and form rules, page-level cues, context rules, leftmost-longest. */
export function selectMatches(dict: Dictionary, text: string, tokens: Tokens, candidates: Candidate[]): EngineMatch[] {
  // A page repeats its candidates' forms (a surname, a common word): each is read from the columns once.
  const forms = new Map<number, CompiledForm>();
  const entries = new Map<number, CompiledEntry>();
  const formOf = (i: number) => {
    let form = forms.get(i);
    if (!form) {
      form = formAt(dict, i);
      forms.set(i, form);
    }
    return form;
  };
  const entryOf = (i: number) => {
    let entry = entries.get(i);
    if (!entry) {
      entry = entryAt(dict, i);
      entries.set(i, entry);
    }
    return entry;
  };
  const fits = (c: Candidate) => {
    const form = formOf(c.form);
    const entry = entryOf(form.entry);
    return caseFits(form, entry.topic, text, tokens, c.first) && contextFits(entry, tokens, c.first, c.last);
  };
  const deferred = candidates.filter((c) => c.form < 0);
  const cased = candidates.filter((c) => c.form >= 0 && fits(c));
  const covered = new Uint8Array(tokens.count);
  for (const c of cased) for (let k = c.first; k <= c.last; k++) covered[k] = 1;
  const isCovered = (k: number) => covered[k] === 1;
  const local = cased.filter((c) => {
    const form = formOf(c.form);
    if (shouted(form, text, tokens, c.first, isCovered)) return false;
    const entry = entryOf(form.entry);
    if (entry.topic || entry.person) return true;
    return !insideLongerName(text, tokens, c.first, c.last, isCovered);
  });

  // Cards named in full somewhere on the page, with where: the cue that lets their surname alias link.
  const named = new Map<number, number[]>();
  const cue = (entry: number, at: number) => {
    const list = named.get(entry);
    if (list) list.push(at);
    else named.set(entry, [at]);
  };
  for (const c of local) {
    const form = formOf(c.form);
    if (!form.surname && !form.weak && c.fuzzy === 0) cue(form.entry, c.start);
  }

  // A family name many cards share (He, Wang) links only to a person named on the page: each such node's forms of
  // named people are looked up once a page, by binary search, since a node's cue-needing forms stand in the
  // order of their cards (compile.ts).
  const namedPeople = [...named.keys()].filter((e) => entryOf(e).person).sort((a, b) => a - b);
  const namedAt = new Map<number, number[]>();
  for (const d of deferred) {
    let found = namedAt.get(d.node!);
    if (!found) {
      found = namedFormsAt(dict, d.node!, namedPeople);
      namedAt.set(d.node!, found);
    }
    for (const form of found) {
      const c = closeSpan(dict, text, { ...d, form, node: undefined });
      const f = formOf(form);
      if ((f.surname || f.weak) && fits(c)) local.push(c);
    }
  }

  const chosen: Choice[] = [];
  const surnames = new Map<string, Candidate[]>();
  for (const c of local) {
    const form = formOf(c.form);
    // A surname, or a person's alias that is a common given name or an ordinary word (weak), needs a cue.
    if (!form.surname && !form.weak) {
      chosen.push({ c, confidence: confidenceOf(dict, c, tokens), alternatives: [] });
      continue;
    }
    const key = `${c.first}:${c.last}`;
    const list = surnames.get(key);
    if (list) list.push(c);
    else surnames.set(key, [c]);
  }
  // A surname after a title (Mr Obama), after the given name and an initial (Donald J. Trump) or before a term
  // of office (the Obama administration) is a cue too, when only one card has that surname.
  for (const group of surnames.values()) {
    const c = group[0]!;
    if (
      group.length === 1 &&
      (titled(text, tokens, c.first) || initialled(dict, tokens, c) || governing(tokens, c.last))
    ) {
      cue(formOf(c.form).entry, c.start);
    }
  }
  for (const group of surnames.values()) {
    const pick = pickPerson(dict, group, named);
    if (pick) chosen.push(pick);
  }

  // Leftmost-longest (the furthest end, closing punctuation included), non-overlapping; among equals, the surer
  // one (a card's own name before another card's alias).
  chosen.sort((a, b) => a.c.start - b.c.start || b.c.end - a.c.end || b.confidence - a.confidence);
  const out: EngineMatch[] = [];
  let reach = -1;
  for (const { c, confidence, alternatives } of chosen) {
    if (c.start < reach) continue;
    const form = formOf(c.form);
    const entry = entryOf(form.entry);
    const match: EngineMatch = {
      id: entry.id,
      start: c.start,
      end: c.end,
      match: kindOf(dict, c),
      confidence,
      matched: form.text,
    };
    const variant = variantOf(dict, c, tokens);
    if (variant) match.variant = variant;
    if (alternatives.length > 0) match.alternatives = alternatives.map((e) => entryOf(e).id);
    out.push(match);
    reach = c.end;
  }
  return out;
}

/** The cue-needing forms of a trie node whose cards are among `people` (sorted card indices). */
function namedFormsAt(dict: Dictionary, node: number, people: readonly number[]): number[] {
  const { offsets, items } = dict.terminals;
  const to = offsets[node + 1]!;
  const tail = firstNeedingCue(dict, offsets[node]!, to);
  const found: number[] = [];
  for (const person of people) {
    let lo = tail;
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (entryOfForm(dict, items[mid]!) < person) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < to && entryOfForm(dict, items[k]!) === person; k++) found.push(items[k]!);
  }
  return found;
}

function kindOf(dict: Dictionary, c: Candidate): MatchKind {
  const form = formAt(dict, c.form);
  if (c.fuzzy > 0) return 'fuzzy';
  if (entryAt(dict, form.entry).topic) return 'keyword';
  return form.alias ? 'alias' : 'exact';
}

/** How sure a derived form is that it names the person its list names: reordering loses little, shortening more. */
const VARIANT_CONFIDENCE: Record<FormVariant, number> = {
  [FormVariant.Written]: 1,
  [FormVariant.Reordered]: 0.9,
  [FormVariant.Shortened]: 0.8,
  [FormVariant.FamilyFirst]: 0.85,
  [FormVariant.Untitled]: 0.95,
  [FormVariant.Initialled]: 0.85,
};
const VARIANT_NAME: Record<FormVariant, MatchVariant | undefined> = {
  [FormVariant.Written]: undefined,
  [FormVariant.Reordered]: 'reordered',
  [FormVariant.Shortened]: 'shortened',
  [FormVariant.FamilyFirst]: 'family-first',
  [FormVariant.Untitled]: 'untitled',
  [FormVariant.Initialled]: 'initialled',
};
// Another romanisation of the name (Muhammad for Mohammed) is a little less sure than the spelling the list gives.
const TRANSLITERATED = 0.9;

/** Whether a word of the span is another spelling of the name's word (transliterate.ts). */
function transliterated(dict: Dictionary, c: Candidate, tokens: Tokens): boolean {
  if (dict.alternates.length === 0 || c.fuzzy > 0) return false;
  for (let k = c.first; k <= c.last; k++) if (isAlternateSpelling(dict, normAt(tokens, k))) return true;
  return false;
}

function confidenceOf(dict: Dictionary, c: Candidate, tokens: Tokens): number {
  if (c.fuzzy > 0) return c.fuzzy;
  const form = formAt(dict, c.form);
  const base = (form.alias ? 0.95 : 1) * VARIANT_CONFIDENCE[form.variant];
  return Math.round(base * (transliterated(dict, c, tokens) ? TRANSLITERATED : 1) * 100) / 100;
}

/** How the span differs from the name or alias the list writes, if it does. */
function variantOf(dict: Dictionary, c: Candidate, tokens: Tokens): MatchVariant | undefined {
  return VARIANT_NAME[formAt(dict, c.form).variant] ?? (transliterated(dict, c, tokens) ? 'transliterated' : undefined);
}

/**
 * A surname alias links to the person named in full on the page (the nearest one before it when several
 * people share the surname), or, failing that, when a title stands before it and only one card fits.
 */
function pickPerson(dict: Dictionary, group: Candidate[], named: Map<number, number[]>): Choice | undefined {
  const at = group[0]!.start;
  const withName = group.filter((c) => named.has(formAt(dict, c.form).entry));
  if (withName.length === 1) return { c: withName[0]!, confidence: 0.9, alternatives: [] };
  if (withName.length > 1) {
    const distance = (c: Candidate) => {
      const starts = named.get(formAt(dict, c.form).entry)!;
      const before = starts.filter((s) => s < at);
      return before.length > 0 ? at - before.at(-1)! : Number.MAX_SAFE_INTEGER / 2 + Math.min(...starts) - at;
    };
    const sorted = [...withName].sort((a, b) => distance(a) - distance(b));
    return { c: sorted[0]!, confidence: 0.7, alternatives: sorted.slice(1).map((c) => formAt(dict, c.form).entry) };
  }
  return undefined;
}

// Words joined to a title by a hyphen that keep it a title: President-elect, Chancellor-designate.
const TITLE_SUFFIXES = new Set(['elect', 'designate']);

/** Whether a title or honorific stands right before word i (Mr Obama, President Obama, Mr. Trump, President-elect Trump). */
function titled(text: string, tokens: Tokens, i: number): boolean {
  if (i === 0) return false;
  const gap = text.slice(tokens.end[i - 1], tokens.start[i]);
  if (!/^\.?\s+$/.test(gap)) return false;
  let title = i - 1;
  if (title > 0 && TITLE_SUFFIXES.has(normAt(tokens, title))) {
    if (!/^\p{Pd}$/u.test(text.slice(tokens.end[title - 1], tokens.start[title]))) return false;
    title--;
  }
  return isPersonTitle(normAt(tokens, title));
}

// Words after a surname that name a person's term of office: the Obama administration.
const OFFICE = new Set(['administration', 'presidency', 'government', 'cabinet', 'era']);

/** Whether a word naming a term of office follows the surname at word i. */
function governing(tokens: Tokens, i: number): boolean {
  return i + 1 < tokens.count && OFFICE.has(normAt(tokens, i + 1));
}

/** Whether the person's given name and a middle initial stand right before the surname (Donald J. Trump). */
function initialled(dict: Dictionary, tokens: Tokens, c: Candidate): boolean {
  const initial = c.first - 1;
  // The cheap test first: an initial before the surname.
  if (initial < 1 || normAt(tokens, initial).length !== 1) return false;
  const form = formAt(dict, c.form);
  const name = foldedWords(naturalName(entryAt(dict, form.entry).name));
  const given = name.slice(0, name.length - form.size);
  if (given.length === 0 || initial - given.length < 0) return false;
  return given.every((word, k) => normAt(tokens, initial - given.length + k) === word);
}
