import { decodeBase64, encodeBase64 } from './base64';
import type { CompiledEntry, CompiledForm, Dictionary } from './dictionary';
import { buildEdgeTable, edgeTriples } from './tables';
import { buildWordTable } from './word-table';

const FORMAT = 'dossier-dictionary';
const VERSION = 3;

/*
 * Column by column: flat string lists and typed arrays in base64. JSON.parse reads a few long strings and flat
 * string arrays far faster than one small array per form, which is what a woken service worker waits for.
 */
interface Serialised {
  format: typeof FORMAT;
  version: number;
  entryIds: string[];
  entryNames: string[];
  /** Per entry: topic (1) and person (2) bits. */
  entryFlags: string;
  /** Context rules of the few entries that have them: [entry, require, exclude]. */
  rules: Array<[entry: number, require: string[][], exclude: string[][]]>;
  formTexts: string[];
  formTrails: string[];
  /** Per form: entry, flags (alias 1, surname 2, acronym 4, proper 8, ordinary 16), capMask, size. */
  formNumbers: string;
  words: string;
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
const bytes = (a: Int32Array | Float64Array) => encodeBase64(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
const int32s = (s: string) => new Int32Array(decodeBase64(s).buffer);
const float64s = (s: string) => new Float64Array(decodeBase64(s).buffer);

/** A JSON string of the compiled dictionary, to keep in storage and load without compiling again. */
export function serializeDictionary(dict: Dictionary): string {
  const formNumbers = new Int32Array(dict.forms.length * 4);
  dict.forms.forEach((f, i) => {
    formNumbers[i * 4] = f.entry;
    formNumbers[i * 4 + 1] =
      (f.alias ? 1 : 0) | (f.surname ? 2 : 0) | (f.acronym ? 4 : 0) | (f.proper ? 8 : 0) | (f.ordinary ? 16 : 0);
    formNumbers[i * 4 + 2] = f.capMask;
    formNumbers[i * 4 + 3] = f.size;
  });
  const out: Serialised = {
    format: FORMAT,
    version: VERSION,
    entryIds: dict.entries.map((x) => x.id),
    entryNames: dict.entries.map((x) => x.name),
    entryFlags: bytes(Int32Array.from(dict.entries, (x) => (x.topic ? 1 : 0) | (x.person ? 2 : 0))),
    rules: dict.entries.flatMap((x, i): Serialised['rules'] =>
      x.require.length || x.exclude.length ? [[i, x.require, x.exclude]] : [],
    ),
    formTexts: dict.forms.map((f) => f.text),
    formTrails: dict.forms.map((f) => f.trail),
    formNumbers: bytes(formNumbers),
    words: dict.words.join('\n'),
    stemOf: bytes(dict.stemOf),
    exactRoot: bytes(dict.exactRoot),
    topicRoot: bytes(dict.topicRoot),
    edges: bytes(edgeTriples(dict.edges)),
    terminalOffsets: bytes(dict.terminals.offsets),
    terminalItems: bytes(dict.terminals.items),
    singleOffsets: bytes(dict.singles.offsets),
    singleItems: bytes(dict.singles.items),
    deletes: bytes(dict.deletes),
  };
  return JSON.stringify(out);
}

/** Loads a dictionary written by serializeDictionary; throws on another format or version. */
export function loadDictionary(serialized: string): Dictionary {
  const raw = JSON.parse(serialized) as Serialised;
  if (raw.format !== FORMAT || raw.version !== VERSION) throw new Error('not a compiled dictionary of this version');
  const words = raw.words === '' ? [] : raw.words.split('\n');
  const entryFlags = int32s(raw.entryFlags);
  const entries: CompiledEntry[] = raw.entryIds.map((id, i) => ({
    id,
    name: raw.entryNames[i]!,
    topic: (entryFlags[i]! & 1) !== 0,
    person: (entryFlags[i]! & 2) !== 0,
    require: [],
    exclude: [],
  }));
  for (const [i, require, exclude] of raw.rules) {
    const entry = entries[i];
    if (entry) Object.assign(entry, { require, exclude });
  }
  const numbers = int32s(raw.formNumbers);
  const forms: CompiledForm[] = raw.formTexts.map((text, i) => {
    const flags = numbers[i * 4 + 1]!;
    return {
      entry: numbers[i * 4]!,
      text,
      alias: (flags & 1) !== 0,
      surname: (flags & 2) !== 0,
      acronym: (flags & 4) !== 0,
      proper: (flags & 8) !== 0,
      ordinary: (flags & 16) !== 0,
      capMask: numbers[i * 4 + 2]!,
      size: numbers[i * 4 + 3]!,
      trail: raw.formTrails[i]!,
    };
  });
  return {
    entries,
    forms,
    table: buildWordTable(words),
    words,
    stemOf: int32s(raw.stemOf),
    exactRoot: int32s(raw.exactRoot),
    topicRoot: int32s(raw.topicRoot),
    edges: buildEdgeTable(int32s(raw.edges)),
    terminals: { offsets: int32s(raw.terminalOffsets), items: int32s(raw.terminalItems) },
    deletes: float64s(raw.deletes),
    singles: { offsets: int32s(raw.singleOffsets), items: int32s(raw.singleItems) },
  };
}
