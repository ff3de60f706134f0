/** How a span was linked: the card's name, one of its aliases, a topic keyword (any inflection), or a near-miss spelling. */
export type MatchKind = 'exact' | 'alias' | 'keyword' | 'fuzzy';

/** One name to look for: a card reduced to what matching needs. */
export interface DictionaryEntry {
  /** The card's stable id, echoed back in every match. */
  id: string;
  /** The card's name. */
  name: string;
  /** Other names of the same subject. */
  aliases: readonly string[];
  /** Topics match as keywords (case-insensitive, inflected); entities as names. */
  topic: boolean;
  /** The card's kind (person, company…); a person's surname alias needs a cue on the page. Guessed from the name when absent. */
  kind?: string;
  /** Words that must / must not appear near a mention for it to link. */
  context?: { require: readonly string[]; exclude: readonly string[] };
}

/** How a mention's text differs from the name or alias a list writes. */
export type MatchVariant = 'reordered' | 'shortened' | 'family-first' | 'untitled' | 'initialled' | 'transliterated';

/** One mention found in a text. Offsets are UTF-16 indices into the scanned text, end exclusive. */
export interface EngineMatch {
  id: string;
  start: number;
  end: number;
  match: MatchKind;
  /** 0..1 */
  confidence: number;
  /** The name or alias of the card that this span was linked through. */
  matched: string;
  /**
   * How the span differs from the list's name or alias (`matched`): reordered ("Bashar al-Assad" for
   * "AL-ASSAD, Bashar"), shortened (middle names left out), family-first, untitled (a title stripped),
   * initialled (a middle name as its initial) or transliterated (another romanisation). Absent when as written.
   */
  variant?: MatchVariant;
  /** Other cards this span could name (a surname two people share), when context chose among them. */
  alternatives?: string[];
}
