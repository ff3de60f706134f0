import { type Strings, stringAt } from './strings';
import type { Lists } from './tables';

/**
 * How a form was derived from a name as a list writes it (watchlist-names.ts): 0 for a name or alias as written.
 * A match through a derived form reports the list's own text and this variant.
 */
export const FormVariant = {
  Written: 0,
  /** "AL-ASSAD, Bashar" read as "Bashar al-Assad". */
  Reordered: 1,
  /** "SMITH, John Adam" read as "John Smith": middle names and initials left out. */
  Shortened: 2,
  /** "SMITH, John" read as "Smith John": family name first, as Chinese, Hungarian and Russian official usage write it. */
  FamilyFirst: 3,
  /** "Dr. John Smith" read as "John Smith": titles and honorifics stripped. */
  Untitled: 4,
  /** "John Adam Smith" read as "John A. Smith": a middle name as its initial. */
  Initialled: 5,
} as const;
export type FormVariant = (typeof FormVariant)[keyof typeof FormVariant];

/** One compiled name or alias of a card. */
export interface CompiledForm {
  /** Index of the card in the dictionary's entries. */
  entry: number;
  /** The name or alias as the pack writes it (for a derived form, the one it was derived from). */
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
  /** How the form was derived from `text`, or Written. */
  variant: FormVariant;
  /**
   * A person's one-word alias that is a common given name or an ordinary word (Mohammed, Tiger): like a surname
   * alias, it links only with a cue on the page (the person named in full, or a title before it).
   */
  weak: boolean;
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

/** Ints per form in `Dictionary.formNumbers`: entry, flags (see FLAG_*), capMask. */
export const FORM_STRIDE = 3;
export const FLAG_ALIAS = 1;
export const FLAG_SURNAME = 2;
export const FLAG_ACRONYM = 4;
export const FLAG_PROPER = 8;
export const FLAG_ORDINARY = 16;
export const FLAG_WEAK = 32;
/** Bits 6..9 of the flags: the variant; bits 10..17: the number of words; bits 18..29: which of its card's texts. */
const VARIANT_SHIFT = 6;
const SIZE_SHIFT = 10;
const TEXT_SHIFT = 18;
/** A card's name and aliases a form can point to (MAX_ALIASES is far below). */
export const MAX_TEXTS = 4096;

/** A form's flags word; `text` is the index of its text among its card's name and aliases. */
export function formFlags(form: Omit<CompiledForm, 'entry' | 'text' | 'capMask' | 'trail'> & { text: number }): number {
  return (
    (form.alias ? FLAG_ALIAS : 0) |
    (form.surname ? FLAG_SURNAME : 0) |
    (form.acronym ? FLAG_ACRONYM : 0) |
    (form.proper ? FLAG_PROPER : 0) |
    (form.ordinary ? FLAG_ORDINARY : 0) |
    (form.weak ? FLAG_WEAK : 0) |
    (form.variant << VARIANT_SHIFT) |
    (Math.min(form.size, 255) << SIZE_SHIFT) |
    (Math.min(form.text, MAX_TEXTS - 1) << TEXT_SHIFT)
  );
}

/**
 * The compiled dictionary: a token trie over folded words, exact for names and stem-based for topics. Cards and
 * forms are held in columns (typed arrays and UTF-8 bytes), not one object each, so that a million names load
 * from their stored bytes without building a million objects; `entryAt` and `formAt` read one.
 */
export interface Dictionary {
  /** Number of cards. */
  entryCount: number;
  entryIds: Strings;
  /** Every card's name and aliases as written, card after card. */
  entryTexts: Strings;
  /** Card → index of its name in entryTexts (its aliases follow). */
  entryTextStart: Int32Array;
  /** Per card: topic (1) and person (2) bits. */
  entryFlags: Uint8Array;
  /** Context rules of the cards that have them. */
  rules: Map<number, { require: string[][]; exclude: string[][] }>;
  /** Number of forms. */
  formCount: number;
  /** FORM_STRIDE ints a form. */
  formNumbers: Int32Array;
  /** The closing punctuation of the forms that have one (`.` of U.S.). */
  formTrails: Map<number, string>;
  /** Folded word (possibly prefixed by its joining punctuation) → word id, as a hash table (word-table.ts). */
  table: Int32Array;
  /** Word id → folded word. */
  words: string[];
  /** Other spellings of people's name words (transliterate.ts), in the word table after `words`. */
  alternates: string[];
  /** Alternate spelling i → the word id it stands for. */
  alternateOf: Int32Array;
  /** Word id → id of its stem class for topic matching, or -1. */
  stemOf: Int32Array;
  /** Word id → first trie node of names starting with that word, or -1. */
  exactRoot: Int32Array;
  /** Stem class id → first trie node of topic keywords starting with that stem, or -1. */
  topicRoot: Int32Array;
  /** Open-addressing table of (node + 1, word, child) → child node (tables.ts). */
  edges: Int32Array;
  /** Node → forms that end there. */
  terminals: Lists;
  /** Symmetric-delete index of single-word names, for near-miss spellings (see fuzzy-index.ts). */
  deletes: Float64Array;
  /** Word id → forms made of just that word, for the fuzzy pass. */
  singles: Lists;
}

/** A card read from the columns; its id and name are decoded when read. */
class EntryView implements CompiledEntry {
  readonly topic: boolean;
  readonly person: boolean;
  readonly require: string[][];
  readonly exclude: string[][];
  constructor(
    private readonly dict: Dictionary,
    private readonly i: number,
  ) {
    const flags = dict.entryFlags[i]!;
    const rules = dict.rules.get(i);
    this.topic = (flags & 1) !== 0;
    this.person = (flags & 2) !== 0;
    this.require = rules?.require ?? [];
    this.exclude = rules?.exclude ?? [];
  }
  get id(): string {
    return stringAt(this.dict.entryIds, this.i);
  }
  get name(): string {
    return stringAt(this.dict.entryTexts, this.dict.entryTextStart[this.i]!);
  }
}

/** Card i of the dictionary. */
export function entryAt(dict: Dictionary, i: number): CompiledEntry {
  return new EntryView(dict, i);
}

/** The card a form belongs to. */
export function entryOfForm(dict: Dictionary, form: number): number {
  return dict.formNumbers[form * FORM_STRIDE]!;
}

/** Whether card i is a topic. */
export function isTopicEntry(dict: Dictionary, i: number): boolean {
  return (dict.entryFlags[i]! & 1) !== 0;
}

/** A form read from the columns; its text is decoded when read. */
class FormView implements CompiledForm {
  readonly entry: number;
  readonly alias: boolean;
  readonly surname: boolean;
  readonly acronym: boolean;
  readonly proper: boolean;
  readonly ordinary: boolean;
  readonly weak: boolean;
  readonly size: number;
  readonly variant: FormVariant;
  readonly capMask: number;
  readonly trail: string;
  private readonly textIndex: number;
  constructor(
    private readonly dict: Dictionary,
    i: number,
  ) {
    const at = i * FORM_STRIDE;
    const flags = dict.formNumbers[at + 1]!;
    this.entry = dict.formNumbers[at]!;
    this.alias = (flags & FLAG_ALIAS) !== 0;
    this.surname = (flags & FLAG_SURNAME) !== 0;
    this.acronym = (flags & FLAG_ACRONYM) !== 0;
    this.proper = (flags & FLAG_PROPER) !== 0;
    this.ordinary = (flags & FLAG_ORDINARY) !== 0;
    this.weak = (flags & FLAG_WEAK) !== 0;
    this.size = (flags >> SIZE_SHIFT) & 255;
    this.variant = ((flags >> VARIANT_SHIFT) & 15) as FormVariant;
    this.capMask = dict.formNumbers[at + 2]!;
    this.trail = dict.formTrails.get(i) ?? '';
    this.textIndex = dict.entryTextStart[this.entry]! + ((flags >> TEXT_SHIFT) & (MAX_TEXTS - 1));
  }
  get text(): string {
    return stringAt(this.dict.entryTexts, this.textIndex);
  }
}

/** Form i of the dictionary. */
export function formAt(dict: Dictionary, i: number): CompiledForm {
  return new FormView(dict, i);
}
