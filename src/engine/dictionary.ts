import type { Lists } from './tables';

/** One compiled name or alias of a card. */
export interface CompiledForm {
  /** Index of the card in `Dictionary.entries`. */
  entry: number;
  /** The name or alias as the pack writes it. */
  text: string;
  /** False for the card's own name. */
  alias: boolean;
  /** A person's surname-only alias (Obama of Barack Obama): needs a cue on the page. */
  surname: boolean;
  acronym: boolean;
  /** An acronym that spells an ordinary English word (US = us): in shouted text it is that word. */
  ordinary: boolean;
  proper: boolean;
  capMask: number;
  /** Number of words. */
  size: number;
  trail: string;
}

/** A card as the scanner needs it. */
export interface CompiledEntry {
  id: string;
  name: string;
  topic: boolean;
  /** A person: surname aliases need a cue, and capitalised words before the name are not part of another name. */
  person: boolean;
  /** Folded word sequences, one of which must appear near a mention. */
  require: string[][];
  /** Folded word sequences none of which may appear near a mention. */
  exclude: string[][];
}

/** The compiled dictionary: a token trie over folded words, exact for names and stem-based for topics. */
export interface Dictionary {
  entries: CompiledEntry[];
  forms: CompiledForm[];
  /** Folded word (possibly prefixed by its joining punctuation) → word id, as a hash table (word-table.ts). */
  table: Int32Array;
  /** Word id → folded word. */
  words: string[];
  /** Word id → id of its stem class for topic matching, or -1. */
  stemOf: Int32Array;
  /** Word id → first trie node of names starting with that word, or -1. */
  exactRoot: Int32Array;
  /** Stem class id → first trie node of topic keywords starting with that stem, or -1. */
  topicRoot: Int32Array;
  /** (node × words.length + word id) → child node. */
  edges: Int32Array;
  /** Node → forms that end there. */
  terminals: Lists;
  /** Symmetric-delete index of single-word names, for near-miss spellings (see fuzzy-index.ts). */
  deletes: Float64Array;
  /** Word id → forms made of just that word, for the fuzzy pass. */
  singles: Lists;
}
