import { decodeBase64, encodeBase64 } from './base64';
import type { CompiledEntry, CompiledForm, Dictionary } from './dictionary';

const FORMAT = 'dossier-dictionary';
const VERSION = 1;

type EntryRow = [id: string, name: string, flags: number, require: string[][], exclude: string[][]];
type FormRow = [entry: number, text: string, flags: number, capMask: number, size: number, trail: string];

interface Serialised {
  format: typeof FORMAT;
  version: number;
  entries: EntryRow[];
  forms: FormRow[];
  words: string;
  stemOf: string;
  exactRoot: string;
  topicRoot: string;
  edges: string;
  terminals: string;
  deletes: string;
  singles: string;
}

// Typed arrays travel as base64 of their bytes (little-endian on every platform Chromium and Node run on).
const bytes = (a: Int32Array | Float64Array) => encodeBase64(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
const int32s = (s: string) => new Int32Array(decodeBase64(s).buffer);
const float64s = (s: string) => new Float64Array(decodeBase64(s).buffer);

/** A JSON string of the compiled dictionary, to keep in storage and load without compiling again. */
export function serializeDictionary(dict: Dictionary): string {
  const stride = dict.words.length;
  // Each edge as (parent, word, child).
  const edges = new Int32Array(dict.edges.size * 3);
  let e = 0;
  for (const [key, child] of dict.edges) {
    const parent = Math.floor(key / stride);
    edges[e++] = parent;
    edges[e++] = key - parent * stride;
    edges[e++] = child;
  }
  const terminals: number[] = [];
  for (const [node, forms] of dict.terminals) terminals.push(node, forms.length, ...forms);
  const singles: number[] = [];
  for (const [id, forms] of dict.singles) for (const form of forms) singles.push(id, form);
  const out: Serialised = {
    format: FORMAT,
    version: VERSION,
    entries: dict.entries.map((x) => [x.id, x.name, (x.topic ? 1 : 0) | (x.person ? 2 : 0), x.require, x.exclude]),
    forms: dict.forms.map((f) => [
      f.entry,
      f.text,
      (f.alias ? 1 : 0) | (f.surname ? 2 : 0) | (f.acronym ? 4 : 0) | (f.proper ? 8 : 0),
      f.capMask,
      f.size,
      f.trail,
    ]),
    words: dict.words.join('\n'),
    stemOf: bytes(dict.stemOf),
    exactRoot: bytes(dict.exactRoot),
    topicRoot: bytes(dict.topicRoot),
    edges: bytes(edges),
    singles: bytes(Int32Array.from(singles)),
    terminals: bytes(Int32Array.from(terminals)),
    deletes: bytes(dict.deletes),
  };
  return JSON.stringify(out);
}

/** Loads a dictionary written by serializeDictionary; throws on another format or version. */
export function loadDictionary(serialized: string): Dictionary {
  const raw = JSON.parse(serialized) as Serialised;
  if (raw.format !== FORMAT || raw.version !== VERSION) throw new Error('not a compiled dictionary of this version');
  const words = raw.words === '' ? [] : raw.words.split('\n');
  const vocab = new Map<string, number>();
  for (let i = 0; i < words.length; i++) vocab.set(words[i]!, i);
  const stride = words.length;
  const triples = int32s(raw.edges);
  const edges = new Map<number, number>();
  for (let i = 0; i < triples.length; i += 3) edges.set(triples[i]! * stride + triples[i + 1]!, triples[i + 2]!);
  const pairs = int32s(raw.singles);
  const singles = new Map<number, number[]>();
  for (let i = 0; i < pairs.length; i += 2) {
    const list = singles.get(pairs[i]!);
    if (list) list.push(pairs[i + 1]!);
    else singles.set(pairs[i]!, [pairs[i + 1]!]);
  }
  const flat = int32s(raw.terminals);
  const terminals = new Map<number, number[]>();
  for (let i = 0; i < flat.length; ) {
    const node = flat[i]!;
    const count = flat[i + 1]!;
    terminals.set(node, Array.from(flat.subarray(i + 2, i + 2 + count)));
    i += 2 + count;
  }
  const entries: CompiledEntry[] = raw.entries.map(([id, name, flags, require, exclude]) => ({
    id,
    name,
    topic: (flags & 1) !== 0,
    person: (flags & 2) !== 0,
    require,
    exclude,
  }));
  const forms: CompiledForm[] = raw.forms.map(([entry, text, flags, capMask, size, trail]) => ({
    entry,
    text,
    alias: (flags & 1) !== 0,
    surname: (flags & 2) !== 0,
    acronym: (flags & 4) !== 0,
    proper: (flags & 8) !== 0,
    capMask,
    size,
    trail,
  }));
  return {
    entries,
    forms,
    vocab,
    words,
    stemOf: int32s(raw.stemOf),
    exactRoot: int32s(raw.exactRoot),
    topicRoot: int32s(raw.topicRoot),
    edges,
    terminals,
    deletes: float64s(raw.deletes),
    singles,
  };
}
