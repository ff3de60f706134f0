import { stemmer } from 'stemmer';
import type { CompiledEntry, CompiledForm, Dictionary } from './dictionary';
import { shapeForm } from './form';
import { FUZZY_MIN_LENGTH } from './fuzzy';
import { buildDeleteIndex } from './fuzzy-index';
import { inflections } from './inflect';
import { isOrdinaryWord, ordinaryNearMisses } from './ordinary-words';
import { looksLikePersonName } from './person';
import { buildEdgeTable, buildLists } from './tables';
import { foldedWords } from './tokenise';
import type { DictionaryEntry } from './types';
import { buildWordTable } from './word-table';

const EXACT_ROOT = 0;
const TOPIC_ROOT = 1;
const STEM_MARK = '\u0001';

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
  const children: Map<number, number>[] = [new Map(), new Map()];
  const terminals = new Map<number, number[]>();
  const entries: CompiledEntry[] = [];
  const forms: CompiledForm[] = [];
  const singles = new Map<number, number[]>();
  const seen = new Set<string>();

  const topicClass = (word: string): number => {
    const cls = intern(STEM_MARK + (/^[a-z]+$/.test(word) ? stemmer(word) : word));
    for (const variant of inflections(word)) {
      const id = intern(variant);
      if (stem[id] === -1) stem[id] = cls;
    }
    return cls;
  };

  const insert = (keys: number[], root: number, formIndex: number) => {
    let node = root;
    for (const key of keys) {
      const kids = children[node]!;
      let next = kids.get(key);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        kids.set(key, next);
      }
      node = next;
    }
    const list = terminals.get(node);
    if (list) list.push(formIndex);
    else terminals.set(node, [formIndex]);
  };

  for (const item of input) {
    const entry = entries.length;
    const person = !item.topic && (item.kind === undefined ? looksLikePersonName(item.name) : item.kind === 'person');
    entries.push({
      id: item.id,
      name: item.name,
      topic: item.topic,
      person,
      require: (item.context?.require ?? []).map(ruleWords).filter((w) => w.length > 0),
      exclude: (item.context?.exclude ?? []).map(ruleWords).filter((w) => w.length > 0),
    });
    const nameShape = shapeForm(item.name);
    const texts = [item.name, ...item.aliases];
    for (let f = 0; f < texts.length; f++) {
      const text = texts[f]!;
      const shape = shapeForm(text);
      if (!shape) continue;
      const variants = [shape.keys];
      // Wal-Mart is also written Walmart.
      if (/\p{Pd}/u.test(text) && shape.keys.length > 1 && shape.keys.every((k) => /^\p{L}/u.test(k))) {
        variants.push([shape.keys.join('')]);
      }
      const surname =
        person &&
        f > 0 &&
        nameShape !== undefined &&
        shape.keys.length < nameShape.keys.length &&
        nameShape.keys.slice(-shape.keys.length).join(' ').replace(/^\W+/, '') === shape.keys.join(' ');
      for (const keys of variants) {
        const dedupe = `${entry}\u0000${keys.join('\u0000')}\u0000${shape.acronym}\u0000${shape.trail}`;
        if (seen.has(dedupe)) continue;
        seen.add(dedupe);
        const formIndex = forms.length;
        forms.push({
          entry,
          text,
          alias: f > 0,
          surname,
          acronym: shape.acronym,
          ordinary: shape.acronym && keys.length === 1 && isOrdinaryWord(keys[0]!),
          proper: shape.proper,
          capMask: shape.capMask,
          size: keys.length,
          trail: shape.trail,
        });
        if (item.topic) insert(keys.map(topicClass), TOPIC_ROOT, formIndex);
        else insert(keys.map(intern), EXACT_ROOT, formIndex);
        if (!item.topic && keys.length === 1 && shape.proper && !shape.acronym) {
          const id = intern(keys[0]!);
          const list = singles.get(id);
          if (list) list.push(formIndex);
          else singles.set(id, [formIndex]);
        }
      }
    }
  }

  const fuzzyNames = [...singles.keys()].filter((id) => words[id]!.length >= FUZZY_MIN_LENGTH);
  const deletes = buildDeleteIndex(fuzzyNames.map((id) => [id, words[id]!] as const));
  // An ordinary word one edit from a name (Scale of a card Scaled) becomes a known word that names nothing, so
  // the scan never reads it as a misspelt name: near misses are looked for only among unknown words.
  for (const word of ordinaryNearMisses(fuzzyNames.map((id) => words[id]!))) intern(word);

  const stride = words.length;
  const rootArray = (root: number) => {
    const out = new Int32Array(stride).fill(-1);
    for (const [key, node] of children[root]!) out[key] = node;
    return out;
  };
  const triples: number[] = [];
  for (let node = 2; node < children.length; node++) {
    for (const [key, child] of children[node]!) triples.push(node, key, child);
  }
  return {
    entries,
    forms,
    table: buildWordTable(words),
    words,
    stemOf: Int32Array.from(stem),
    exactRoot: rootArray(EXACT_ROOT),
    topicRoot: rootArray(TOPIC_ROOT),
    edges: buildEdgeTable(Int32Array.from(triples)),
    terminals: buildLists(terminals, children.length),
    deletes,
    singles: buildLists(singles, words.length),
  };
}

/** Folds a context-rule phrase to its words. */
export function ruleWords(phrase: string): string[] {
  return foldedWords(phrase);
}
