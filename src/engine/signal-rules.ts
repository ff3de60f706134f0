import { nameKey } from './card-names';
import { inflections } from './inflect';
import { foldWord } from './normalise';
import { foldedWords } from './tokenise';
import { fnv } from './word-table';

/** Where a rule's terms must stand together: one paragraph, or anywhere on the page. */
export type SignalScope = 'paragraph' | 'page';

/** A signal's co-occurrence rule, as cards carry it (the model's SignalRule). */
export interface SignalRuleInput {
  all: readonly string[];
  any: readonly (readonly string[])[];
  none: readonly string[];
  scope: SignalScope;
}

/** What the evaluator needs of a card: what names it, and its signals with their rules. */
export interface SignalCardInput {
  id: string;
  name: string;
  aliases: readonly string[];
  signals: readonly { text: string; rule?: SignalRuleInput | undefined }[];
}

/** One rule ready to evaluate: its terms as indices into the compiled terms. */
export interface CompiledRule {
  cardId: string;
  cardName: string;
  /** The signal's index in its card. */
  signal: number;
  text: string;
  scope: SignalScope;
  all: number[];
  any: number[][];
  none: number[];
}

/** A keyword term: its words folded; the last one in any inflection. */
interface Phrase {
  term: number;
  words: string[];
  /** Accepted forms of each word after the first (the last inflected). */
  rest: Array<Set<string>>;
}

/** A set of rules compiled once (per library), evaluated on many pages. */
export interface CompiledSignals {
  rules: CompiledRule[];
  /** Each term as the rule wrote it (for the evidence's list of what matched). */
  labels: string[];
  /** Card id → its term. */
  cardTerms: Map<string, number>;
  /** A folded first word → the phrases that start with it in one of its forms. */
  phrases: Map<string, Phrase[]>;
  /** Hashes of those first words (the tokeniser's hash), so that most words of a page are passed over unread. */
  firstHashes: Set<number>;
  /** Term → the rules that use it. */
  termRules: number[][];
}

/**
 * The cards terms name, by the terms' keys (`nameKey`): given the keys of every term of the rules, the first card
 * each names by its id, name or alias, letter case and diacritics aside.
 */
export type CardNames = (keys: ReadonlySet<string>) => ReadonlyMap<string, string>;

/** The cards `cards` name, the first card of a name winning (see CardNames). */
export function namesOf(cards: readonly Pick<SignalCardInput, 'id' | 'name' | 'aliases'>[]): CardNames {
  return (keys) => {
    const byName = new Map<string, string>();
    for (const card of cards) {
      for (const value of [card.id, card.name, ...card.aliases]) {
        const k = nameKey(value);
        if (k && keys.has(k) && !byName.has(k)) byName.set(k, card.id);
      }
    }
    return byName;
  };
}

/** The keys (`nameKey`) of every term of the cards' rules. */
export function termKeys(cards: readonly SignalCardInput[]): Set<string> {
  const keys = new Set<string>();
  for (const card of cards) {
    for (const signal of card.signals) {
      const rule = signal.rule;
      if (!rule) continue;
      for (const term of [...rule.all, ...rule.any.flat(), ...rule.none]) keys.add(nameKey(term));
    }
  }
  keys.delete('');
  return keys;
}

/**
 * Compiles the rules of the cards' signals (signals without a rule are left out). A term names a card of `names`
 * (by default the cards given): of every card that links, where only some carry rules.
 */
export function compileSignals(cards: readonly SignalCardInput[], names: CardNames = namesOf(cards)): CompiledSignals {
  const named = names(termKeys(cards));
  const labels: string[] = [];
  const cardTerms = new Map<string, number>();
  const keywordTerms = new Map<string, number>();
  const phrases = new Map<string, Phrase[]>();
  const firstHashes = new Set<number>();

  const termOf = (raw: string): number => {
    const words = foldedWords(raw);
    const key = words.join(' ');
    const cardId = key ? named.get(key) : undefined;
    if (cardId !== undefined) {
      let term = cardTerms.get(cardId);
      if (term === undefined) {
        term = labels.push(raw) - 1;
        cardTerms.set(cardId, term);
      }
      return term;
    }
    let term = keywordTerms.get(key);
    if (term !== undefined) return term;
    term = labels.push(raw) - 1;
    keywordTerms.set(key, term);
    if (words.length === 0) return term;
    const last = words.length - 1;
    const formsOf = (i: number) => (i === last ? inflections(words[i]!) : [words[i]!]);
    const rest = words.slice(1).map((_, i) => new Set(formsOf(i + 1)));
    for (const first of formsOf(0)) {
      const list = phrases.get(first) ?? [];
      list.push({ term, words, rest });
      phrases.set(first, list);
      firstHashes.add(fnv(foldWord(first)));
    }
    return term;
  };

  const rules: CompiledRule[] = [];
  for (const card of cards) {
    card.signals.forEach((signal, index) => {
      const rule = signal.rule;
      if (!rule || rule.all.length + rule.any.length === 0) return;
      rules.push({
        cardId: card.id,
        cardName: card.name,
        signal: index,
        text: signal.text,
        scope: rule.scope,
        all: [...new Set(rule.all.map(termOf))],
        any: rule.any.filter((group) => group.length > 0).map((group) => [...new Set(group.map(termOf))]),
        none: [...new Set(rule.none.map(termOf))],
      });
    });
  }
  const termRules: number[][] = labels.map(() => []);
  rules.forEach((rule, index) => {
    for (const term of new Set([...rule.all, ...rule.any.flat()])) termRules[term]!.push(index);
  });
  return { rules, labels, cardTerms, phrases, firstHashes, termRules };
}
