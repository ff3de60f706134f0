import {
  BinaryDictionaryError,
  buildStrings,
  checksum,
  type Dictionary,
  fromBinary,
  type Strings,
  stringAt,
  toBinary,
} from '../engine';
import type { CardSummary } from '../model/mention';

/*
 * What the dictionary cache keeps for the next wake-up, as binary parts beside one JSON header: the compiled
 * dictionary's columns (engine/binary.ts) and the cards' summaries in columns sorted by id. Nothing is decoded on
 * load but the header: a card's summary is read when a match names it (a binary search of the ids), so a woken
 * worker with 300,000 cards builds no 300,000 objects.
 */

const FORMAT = 'dossier-dictionary-cache';
/** The cache's version: a cache of another version (or the JSON one kept in storage.local before) is recompiled. */
export const CACHE_VERSION = 2;

interface Header {
  format: typeof FORMAT;
  version: number;
  /** The engine's header of the dictionary's parts. */
  dictionary: string;
  /** How many parts are the dictionary's (the cards' follow). */
  dictionaryParts: number;
  cards: { count: number; kinds: string[]; parts: Array<[bytes: number, sum: number]> };
}

/** The cache as stored: one JSON header and its binary parts. */
export interface EncodedCache {
  header: string;
  parts: Uint8Array[];
}

/** The cards' summaries read from their columns. */
export interface CardLookup {
  /** The summary of the card with this id. */
  get(id: string): CardSummary | undefined;
  /** Every card's summary (decodes them all). */
  values(): Iterable<CardSummary>;
}

const bytesOf = (a: Uint8Array | Int32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** The dictionary and the cards' summaries as a header and binary parts. */
export function encodeCache(dictionary: Dictionary, cards: readonly CardSummary[]): EncodedCache {
  const binary = toBinary(dictionary);
  const sorted = [...cards].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const kinds = [...new Set(sorted.map((c) => c.kind))];
  const kindOf = new Map(kinds.map((k, i) => [k, i]));
  const ids = buildStrings(sorted.map((c) => c.id));
  const names = buildStrings(sorted.map((c) => c.name));
  // Per card: its kind's index, doubled, plus 1 for a topic.
  const kindTopic = Int32Array.from(sorted, (c) => kindOf.get(c.kind)! * 2 + (c.topic ? 1 : 0));
  const cardParts = [ids.bytes, bytesOf(ids.offsets), names.bytes, bytesOf(names.offsets), bytesOf(kindTopic)];
  const header: Header = {
    format: FORMAT,
    version: CACHE_VERSION,
    dictionary: binary.header,
    dictionaryParts: binary.parts.length,
    cards: { count: sorted.length, kinds, parts: cardParts.map((p) => [p.byteLength, checksum(p)]) },
  };
  return { header: JSON.stringify(header), parts: [...binary.parts, ...cardParts] };
}

const int32s = (part: Uint8Array) => {
  const aligned = part.byteOffset % 4 === 0 ? part : part.slice();
  return new Int32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength >> 2);
};

class CardColumns implements CardLookup {
  constructor(
    private readonly ids: Strings,
    private readonly names: Strings,
    private readonly kindTopic: Int32Array,
    private readonly kinds: readonly string[],
  ) {}

  private at(i: number): CardSummary {
    const k = this.kindTopic[i]!;
    return {
      id: stringAt(this.ids, i),
      name: stringAt(this.names, i),
      kind: this.kinds[k >> 1]!,
      topic: (k & 1) === 1,
    };
  }

  get(id: string): CardSummary | undefined {
    let lo = 0;
    let hi = this.kindTopic.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = stringAt(this.ids, mid);
      if (at === id) return this.at(mid);
      if (at < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  values(): CardSummary[] {
    return Array.from(this.kindTopic, (_, i) => this.at(i));
  }
}

/**
 * The dictionary and the cards' lookup of a cache written by encodeCache, viewing `parts`; throws
 * BinaryDictionaryError (with the reason) on another format or version, or a part missing or damaged.
 */
export function decodeCache(
  header: string,
  parts: readonly Uint8Array[],
): { dictionary: Dictionary; cards: CardLookup } {
  let head: Header;
  try {
    head = JSON.parse(header) as Header;
  } catch {
    throw new BinaryDictionaryError('its header is not JSON');
  }
  if (head?.format !== FORMAT) throw new BinaryDictionaryError('not a dictionary cache');
  if (head.version !== CACHE_VERSION) {
    throw new BinaryDictionaryError(`a cache of version ${head.version}, this is version ${CACHE_VERSION}`);
  }
  const split = head.dictionaryParts;
  const cardParts = parts.slice(split);
  if (cardParts.length !== 5 || head.cards.parts.length !== 5) {
    throw new BinaryDictionaryError(`${parts.length} parts, expected ${split + 5}`);
  }
  cardParts.forEach((part, i) => {
    const [bytes, sum] = head.cards.parts[i]!;
    if (part.byteLength !== bytes)
      throw new BinaryDictionaryError(`card part ${i} has ${part.byteLength} bytes, expected ${bytes}`);
    if (checksum(part) !== sum) throw new BinaryDictionaryError(`card part ${i} is damaged (its checksum differs)`);
  });
  const [idBytes, idOffsets, nameBytes, nameOffsets, kindTopic] = cardParts as [
    Uint8Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
  ];
  const ids = { bytes: idBytes, offsets: int32s(idOffsets) };
  const names = { bytes: nameBytes, offsets: int32s(nameOffsets) };
  const kinds = int32s(kindTopic);
  const { count } = head.cards;
  if (ids.offsets.length !== count + 1 || names.offsets.length !== count + 1 || kinds.length !== count) {
    throw new BinaryDictionaryError('its cards do not fit together');
  }
  const dictionary = fromBinary({ header: head.dictionary, parts: parts.slice(0, split) });
  return { dictionary, cards: new CardColumns(ids, names, kinds, head.cards.kinds) };
}
