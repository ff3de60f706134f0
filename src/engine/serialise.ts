import { decodeBase64, encodeBase64 } from './base64';
import { type Dictionary, FORM_STRIDE } from './dictionary';

const FORMAT = 'dossier-dictionary';
const VERSION = 4;

/*
 * Column by column: typed arrays and UTF-8 string blocks in base64, a few string lists. Loading decodes them
 * and builds nothing: no object per card or form, no hash table rebuilt; what a woken service worker waits for
 * is JSON.parse of a few long strings and their decoding.
 */
interface Serialised {
  format: typeof FORMAT;
  version: number;
  entryIds: string;
  entryIdOffsets: string;
  entryTexts: string;
  entryTextOffsets: string;
  entryTextStart: string;
  entryFlags: string;
  /** Context rules of the few entries that have them: [entry, require, exclude]. */
  rules: Array<[entry: number, require: string[][], exclude: string[][]]>;
  /** [form, trail] of the forms that end in punctuation. */
  formTrails: Array<[number, string]>;
  formNumbers: string;
  words: string;
  alternates: string;
  alternateOf: string;
  table: string;
  stemOf: string;
  exactRoot: string;
  topicRoot: string;
  edges: string;
  terminalOffsets: string;
  terminalItems: string;
  deletes: string;
  singleOffsets: string;
  singleItems: string;
}

// Typed arrays travel as base64 of their bytes (little-endian on every platform Chromium and Node run on).
const bytes = (a: Int32Array | Float64Array | Uint8Array) =>
  encodeBase64(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
const int32s = (s: string) => new Int32Array(decodeBase64(s).buffer);
const float64s = (s: string) => new Float64Array(decodeBase64(s).buffer);

/** A JSON string of the compiled dictionary, to keep in storage and load without compiling again. */
export function serializeDictionary(dict: Dictionary): string {
  const out: Serialised = {
    format: FORMAT,
    version: VERSION,
    entryIds: bytes(dict.entryIds.bytes),
    entryIdOffsets: bytes(dict.entryIds.offsets),
    entryTexts: bytes(dict.entryTexts.bytes),
    entryTextOffsets: bytes(dict.entryTexts.offsets),
    entryTextStart: bytes(dict.entryTextStart),
    entryFlags: bytes(dict.entryFlags),
    rules: [...dict.rules].map(([i, r]) => [i, r.require, r.exclude]),
    formTrails: [...dict.formTrails],
    formNumbers: bytes(dict.formNumbers),
    words: dict.words.join('\n'),
    alternates: dict.alternates.join('\n'),
    alternateOf: bytes(dict.alternateOf),
    table: bytes(dict.table),
    stemOf: bytes(dict.stemOf),
    exactRoot: bytes(dict.exactRoot),
    topicRoot: bytes(dict.topicRoot),
    edges: bytes(dict.edges),
    terminalOffsets: bytes(dict.terminals.offsets),
    terminalItems: bytes(dict.terminals.items),
    singleOffsets: bytes(dict.singles.offsets),
    singleItems: bytes(dict.singles.items),
    deletes: bytes(dict.deletes),
  };
  return JSON.stringify(out);
}

const lines = (s: string) => (s === '' ? [] : s.split('\n'));

/** Loads a dictionary written by serializeDictionary; throws on another format or version. */
export function loadDictionary(serialized: string): Dictionary {
  const raw = JSON.parse(serialized) as Serialised;
  if (raw.format !== FORMAT || raw.version !== VERSION) throw new Error('not a compiled dictionary of this version');
  const entryIds = { bytes: decodeBase64(raw.entryIds), offsets: int32s(raw.entryIdOffsets) };
  const formNumbers = int32s(raw.formNumbers);
  return {
    entryCount: entryIds.offsets.length - 1,
    entryIds,
    entryTexts: { bytes: decodeBase64(raw.entryTexts), offsets: int32s(raw.entryTextOffsets) },
    entryTextStart: int32s(raw.entryTextStart),
    entryFlags: decodeBase64(raw.entryFlags),
    rules: new Map(raw.rules.map(([i, require, exclude]) => [i, { require, exclude }])),
    formCount: formNumbers.length / FORM_STRIDE,
    formNumbers,
    formTrails: new Map(raw.formTrails),
    words: lines(raw.words),
    alternates: lines(raw.alternates),
    alternateOf: int32s(raw.alternateOf),
    table: int32s(raw.table),
    stemOf: int32s(raw.stemOf),
    exactRoot: int32s(raw.exactRoot),
    topicRoot: int32s(raw.topicRoot),
    edges: int32s(raw.edges),
    terminals: { offsets: int32s(raw.terminalOffsets), items: int32s(raw.terminalItems) },
    deletes: float64s(raw.deletes),
    singles: { offsets: int32s(raw.singleOffsets), items: int32s(raw.singleItems) },
  };
}
