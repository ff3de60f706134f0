import { stemmer } from 'stemmer';
import { type Dictionary, FLAG_SURNAME, FLAG_WEAK, FORM_STRIDE, FormVariant, formFlags, MAX_TEXTS } from './dictionary';
import { shapeForm } from './form';
import { FUZZY_MIN_LENGTH } from './fuzzy';
import { buildDeleteIndex } from './fuzzy-index';
import { inflections } from './inflect';
import { foldWord } from './normalise';
import { isOrdinaryWord, ordinaryNearMisses } from './ordinary-words';
import { looksLikePersonName } from './person';
import { buildStrings } from './strings';
import { EdgeBuilder, IntList, type Lists, PairList } from './tables';
import { foldedWords } from './tokenise';
import { otherSpellings } from './transliterate';
import type { DictionaryEntry } from './types';
import { derivedForms, givenName, naturalName } from './watchlist-names';
import { buildWordTable } from './word-table';

const EXACT_ROOT = 0;
const TOPIC_ROOT = 1;
const STEM_MARK = '\u0001';

/** A single-word alias of a person is weak (needs a cue) when it is the given name of this many people of the list. */
export const COMMON_GIVEN_NAME = 3;

/** Builds the one structure that scan walks: all names and aliases of all cards in a single token trie. */
export function compileDictionary(input: readonly DictionaryEntry[]): Dictionary {
  const vocab = new Map<string, number>();
  const words: string[] = [];
  const stem: number[] = [];
  const intern = (word: string): number => {
    let id = vocab.get(word);
    if (id === undefined) {
      id = words.length;
      vocab.set(word, id);
      words.push(word);
      stem.push(-1);
    }
    return id;
  };
  // Roots' children by word; every other edge in one growing hash table of typed arrays.
  const roots = [new Map<number, number>(), new Map<number, number>()];
  const edges = new EdgeBuilder();
  let nodes = 2;
  const fresh = () => nodes++;
  const terminals = new PairList();
  const singles = new PairList();
  const entryIds: string[] = [];
  const entryTexts: string[] = [];
  const entryTextStart: number[] = [];
  const entryFlags: number[] = [];
  const rules = new Map<number, { require: string[][]; exclude: string[][] }>();
  let formCount = 0;
  const formTrails = new Map<number, string>();
  const formNumbers = new IntList();
  const personWords = new Set<number>();

  const topicClass = (word: string): number => {
    const cls = intern(STEM_MARK + (/^[a-z]+$/.test(word) ? stemmer(word) : word));
    for (const variant of inflections(word)) {
      const id = intern(variant);
      if (stem[id] === -1) stem[id] = cls;
    }
    return cls;
  };

  const insert = (keys: number[], root: number, formIndex: number) => {
    let node = -1;
    for (const key of keys) {
      if (node < 0) {
        node = roots[root]!.get(key) ?? -1;
        if (node < 0) {
          node = fresh();
          roots[root]!.set(key, node);
        }
      } else node = edges.childOrAdd(node, key, fresh);
    }
    terminals.push(node, formIndex);
  };

  const givenNames = commonGivenNames(input);
  for (const item of input) {
    const entry = entryIds.length;
    const person = !item.topic && (item.kind === undefined ? looksLikePersonName(item.name) : item.kind === 'person');
    entryIds.push(item.id);
    entryTextStart.push(entryTexts.length);
    entryTexts.push(item.name, ...item.aliases);
    entryFlags.push((item.topic ? 1 : 0) | (person ? 2 : 0));
    const require = (item.context?.require ?? []).map(ruleWords).filter((w) => w.length > 0);
    const exclude = (item.context?.exclude ?? []).map(ruleWords).filter((w) => w.length > 0);
    if (require.length || exclude.length) rules.set(entry, { require, exclude });
    // A list's "SURNAME, Given" name is compared with aliases in the order a page writes it.
    const nameShape = shapeForm(person ? naturalName(item.name) : item.name);
    // Forms of one card that read the same are one form.
    const seen = new Set<string>();
    const written = [item.name, ...item.aliases];
    const texts: Array<{ text: number; shaped: string; alias: boolean; variant: FormVariant; surname?: boolean }> =
      written.map((shaped, text) => ({ text, shaped, alias: text > 0, variant: FormVariant.Written }));
    if (person) {
      for (const [text, name] of written.entries()) {
        if (text >= MAX_TEXTS) break;
        for (const d of derivedForms(name)) {
          texts.push({ text, shaped: d.text, alias: true, variant: d.variant, surname: d.surname });
        }
      }
    }
    for (const { text, shaped, alias, variant, surname: derivedSurname } of texts) {
      const shape = shapeForm(shaped);
      if (!shape) continue;
      const variants = [shape.keys];
      // Wal-Mart is also written Walmart (a hyphenated word, not a name of several words: Bashar al-Assad is never
      // written basharalassad).
      if (
        /\p{Pd}/u.test(shaped) &&
        !/\s/u.test(shaped.trim()) &&
        shape.keys.length > 1 &&
        shape.keys.every((k) => /^\p{L}/u.test(k))
      ) {
        variants.push([shape.keys.join('')]);
      }
      const surname =
        derivedSurname ??
        (person &&
          alias &&
          nameShape !== undefined &&
          shape.keys.length < nameShape.keys.length &&
          nameShape.keys.slice(-shape.keys.length).join(' ').replace(/^\W+/, '') === shape.keys.join(' '));
      for (const keys of variants) {
        const dedupe = `${keys.join('\u0000')}\u0000${shape.acronym}\u0000${shape.trail}`;
        if (seen.has(dedupe)) continue;
        seen.add(dedupe);
        const formIndex = formCount;
        const single = keys.length === 1;
        // Only for a card that says it is a person: a name merely read as a person's (Acme Pie) keeps its aliases.
        const weak =
          item.kind === 'person' &&
          alias &&
          single &&
          !surname &&
          !shape.acronym &&
          (givenNames.has(keys[0]!) || isOrdinaryWord(keys[0]!));
        formCount++;
        if (shape.trail !== '') formTrails.set(formIndex, shape.trail);
        formNumbers.push(
          entry,
          formFlags({
            alias,
            surname,
            acronym: shape.acronym,
            ordinary: shape.acronym && single && isOrdinaryWord(keys[0]!),
            proper: shape.proper,
            weak,
            size: keys.length,
            variant,
            text,
          }),
          shape.capMask,
        );
        if (item.topic) insert(keys.map(topicClass), TOPIC_ROOT, formIndex);
        else {
          const ids = keys.map(intern);
          insert(ids, EXACT_ROOT, formIndex);
          if (person) for (const id of ids) personWords.add(id);
        }
        // Near-miss spellings are looked for among the names as written, not the forms derived from them, nor
        // among weak aliases (a misspelt common given name is no lead to anyone).
        if (!item.topic && single && shape.proper && !shape.acronym && !weak && variant === FormVariant.Written) {
          singles.push(intern(keys[0]!), formIndex);
        }
      }
    }
  }

  const fuzzyNames = [...new Set(singles.keys())].filter((id) => words[id]!.length >= FUZZY_MIN_LENGTH);
  const deletes = buildDeleteIndex(fuzzyNames.map((id) => [id, words[id]!] as const));
  // An ordinary word one edit from a name (Scale of a card Scaled) becomes a known word that names nothing, so
  // the scan never reads it as a misspelt name: near misses are looked for only among unknown words.
  for (const word of ordinaryNearMisses(fuzzyNames.map((id) => words[id]!))) intern(word);

  // Other romanisations of people's names stand for the name's word (Muhammad for Mohammed).
  const alternates: string[] = [];
  const alternateOf: number[] = [];
  for (const id of personWords) {
    for (const spelling of otherSpellings(words[id]!)) {
      if (vocab.has(spelling)) continue;
      vocab.set(spelling, id);
      alternates.push(spelling);
      alternateOf.push(id);
    }
  }

  const stride = words.length;
  const rootArray = (root: number) => {
    const out = new Int32Array(stride).fill(-1);
    for (const [key, node] of roots[root]!) out[key] = node;
    return out;
  };
  return {
    entryCount: entryIds.length,
    entryIds: buildStrings(entryIds),
    entryTexts: buildStrings(entryTexts),
    entryTextStart: Int32Array.from(entryTextStart),
    entryFlags: Uint8Array.from(entryFlags),
    rules,
    formCount,
    formNumbers: formNumbers.array(),
    formTrails,
    table: buildWordTable([...words, ...alternates]),
    words,
    alternates,
    alternateOf: Int32Array.from(alternateOf),
    stemOf: Int32Array.from(stem),
    exactRoot: rootArray(EXACT_ROOT),
    topicRoot: rootArray(TOPIC_ROOT),
    edges: edges.compact(),
    terminals: cueNeedingLast(terminals.lists(nodes), formNumbers.data),
    deletes,
    singles: singles.lists(words.length),
  };
}

/**
 * Each node's forms with those that need a cue (surnames, weak aliases) after the others, each part in its
 * order: the scan reads the others and hands a long tail of cue-needing forms over as one (candidates.ts).
 */
function cueNeedingLast(lists: Lists, numbers: Int32Array): Lists {
  const { offsets, items } = lists;
  const needsCue = (form: number) => (numbers[form * FORM_STRIDE + 1]! & (FLAG_SURNAME | FLAG_WEAK)) !== 0;
  for (let node = 0; node + 1 < offsets.length; node++) {
    const from = offsets[node]!;
    const to = offsets[node + 1]!;
    if (to - from < 2) continue;
    const part = Array.from(items.subarray(from, to));
    items.set([...part.filter((f) => !needsCue(f)), ...part.filter(needsCue)], from);
  }
  return lists;
}

/**
 * Folded words that are the given name of at least COMMON_GIVEN_NAME people of the list (the first word of a
 * person's name in page order): a list of a million names knows its Mohammeds.
 */
function commonGivenNames(input: readonly DictionaryEntry[]): Set<string> {
  const count = new Map<string, number>();
  for (const item of input) {
    if (item.topic || item.kind !== 'person') continue;
    const given = new Set<string>();
    for (const text of [item.name, ...item.aliases]) {
      const word = givenName(text);
      if (word !== undefined) given.add(foldWord(word));
    }
    for (const word of given) count.set(word, (count.get(word) ?? 0) + 1);
  }
  return new Set([...count].filter(([, n]) => n >= COMMON_GIVEN_NAME).map(([word]) => word));
}

/** Folds a context-rule phrase to its words. */
export function ruleWords(phrase: string): string[] {
  return foldedWords(phrase);
}
