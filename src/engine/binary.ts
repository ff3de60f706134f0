import { type Dictionary, FORM_STRIDE } from './dictionary';

const FORMAT = 'dossier-dictionary-binary';
const VERSION = 1;

/*
 * The compiled dictionary as a small JSON header and its typed arrays as they are in memory, one binary part a
 * column: loading makes views onto the parts (no parse, no base64, no copy), so a woken service worker has a
 * million names back in the time it takes to read the parts and check their sums. The header names each part's
 * type, length and checksum; a part that does not match is refused with the reason, and the dictionary is
 * compiled again.
 */

type Kind = 'u8' | 'i32' | 'f64';
const WIDTH: Record<Kind, number> = { u8: 1, i32: 4, f64: 8 };

/** The column a part holds, in the order of `COLUMNS`. */
const COLUMNS = [
  ['entryIds', 'u8'],
  ['entryIdOffsets', 'i32'],
  ['entryTexts', 'u8'],
  ['entryTextOffsets', 'i32'],
  ['entryTextStart', 'i32'],
  ['entryFlags', 'u8'],
  ['formNumbers', 'i32'],
  ['alternateOf', 'i32'],
  ['table', 'i32'],
  ['stemOf', 'i32'],
  ['exactRoot', 'i32'],
  ['topicRoot', 'i32'],
  ['edges', 'i32'],
  ['terminalOffsets', 'i32'],
  ['terminalItems', 'i32'],
  ['singleOffsets', 'i32'],
  ['singleItems', 'i32'],
  ['deletes', 'f64'],
] as const satisfies ReadonlyArray<readonly [string, Kind]>;
type Column = (typeof COLUMNS)[number][0];

/** What the header says of the dictionary and its parts (JSON). */
export interface BinaryHeader {
  format: typeof FORMAT;
  version: number;
  entryCount: number;
  formCount: number;
  /** Context rules of the few entries that have them: [entry, require, exclude]. */
  rules: Array<[entry: number, require: string[][], exclude: string[][]]>;
  /** [form, trail] of the forms that end in punctuation. */
  formTrails: Array<[number, string]>;
  words: string;
  alternates: string;
  /** Per part, in the order of the columns: [byte length, checksum]. */
  parts: Array<[bytes: number, sum: number]>;
}

/** A dictionary as stored: the JSON header and one binary part a column. */
export interface BinaryDictionary {
  header: string;
  parts: Uint8Array[];
}

/** A 32-bit checksum of a part's bytes (FNV-1a over its 32-bit words, then its last bytes). */
export function checksum(part: Uint8Array): number {
  const bytes = part.byteOffset % 4 === 0 ? part : part.slice();
  const words = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i]!, 0x01000193);
  for (let i = words.length * 4; i < bytes.byteLength; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

function columnsOf(dict: Dictionary): Record<Column, Uint8Array | Int32Array | Float64Array> {
  return {
    entryIds: dict.entryIds.bytes,
    entryIdOffsets: dict.entryIds.offsets,
    entryTexts: dict.entryTexts.bytes,
    entryTextOffsets: dict.entryTexts.offsets,
    entryTextStart: dict.entryTextStart,
    entryFlags: dict.entryFlags,
    formNumbers: dict.formNumbers,
    alternateOf: dict.alternateOf,
    table: dict.table,
    stemOf: dict.stemOf,
    exactRoot: dict.exactRoot,
    topicRoot: dict.topicRoot,
    edges: dict.edges,
    terminalOffsets: dict.terminals.offsets,
    terminalItems: dict.terminals.items,
    singleOffsets: dict.singles.offsets,
    singleItems: dict.singles.items,
    deletes: dict.deletes,
  };
}

/** The compiled dictionary as a JSON header and its columns' bytes (views of the dictionary's own arrays). */
export function toBinary(dict: Dictionary): BinaryDictionary {
  const columns = columnsOf(dict);
  const parts = COLUMNS.map(([name]) => {
    const a = columns[name];
    return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  });
  const header: BinaryHeader = {
    format: FORMAT,
    version: VERSION,
    entryCount: dict.entryCount,
    formCount: dict.formCount,
    rules: [...dict.rules].map(([i, r]) => [i, r.require, r.exclude]),
    formTrails: [...dict.formTrails],
    words: dict.words.join('\n'),
    alternates: dict.alternates.join('\n'),
    parts: parts.map((p) => [p.byteLength, checksum(p)]),
  };
  return { header: JSON.stringify(header), parts };
}

/** Why a stored dictionary is refused. */
export class BinaryDictionaryError extends Error {
  constructor(reason: string) {
    super(`stored dictionary refused: ${reason}`);
    this.name = 'BinaryDictionaryError';
  }
}

/** A typed array over a part, without a copy when the part is aligned for it. */
function view(part: Uint8Array, kind: Kind): Uint8Array | Int32Array | Float64Array {
  if (kind === 'u8') return part;
  const aligned = part.byteOffset % WIDTH[kind] === 0 ? part : part.slice();
  const length = aligned.byteLength / WIDTH[kind];
  return kind === 'i32'
    ? new Int32Array(aligned.buffer, aligned.byteOffset, length)
    : new Float64Array(aligned.buffer, aligned.byteOffset, length);
}

const lines = (s: string) => (s === '' ? [] : s.split('\n'));

/**
 * The dictionary written by toBinary, its arrays viewing `parts`; throws BinaryDictionaryError on another format
 * or version, a part missing, of another length or whose checksum differs, or columns that do not fit together.
 */
export function fromBinary(stored: { header: string; parts: readonly Uint8Array[] }): Dictionary {
  let header: BinaryHeader;
  try {
    header = JSON.parse(stored.header) as BinaryHeader;
  } catch {
    throw new BinaryDictionaryError('its header is not JSON');
  }
  if (header?.format !== FORMAT) throw new BinaryDictionaryError('not a compiled dictionary');
  if (header.version !== VERSION) {
    throw new BinaryDictionaryError(`written in version ${header.version}, this is version ${VERSION}`);
  }
  if (
    !Array.isArray(header.parts) ||
    header.parts.length !== COLUMNS.length ||
    stored.parts.length !== COLUMNS.length
  ) {
    throw new BinaryDictionaryError(`${stored.parts.length} parts, expected ${COLUMNS.length}`);
  }
  const columns = new Map<Column, Uint8Array | Int32Array | Float64Array>();
  COLUMNS.forEach(([name, kind], i) => {
    const part = stored.parts[i]!;
    const [bytes, sum] = header.parts[i]!;
    if (part.byteLength !== bytes || bytes % WIDTH[kind] !== 0) {
      throw new BinaryDictionaryError(`part ${name} has ${part.byteLength} bytes, expected ${bytes}`);
    }
    if (checksum(part) !== sum) throw new BinaryDictionaryError(`part ${name} is damaged (its checksum differs)`);
    columns.set(name, view(part, kind));
  });
  // Each column's type is the one COLUMNS gives it.
  const u8 = (name: Column) => columns.get(name) as Uint8Array;
  const i32 = (name: Column) => columns.get(name) as Int32Array;
  const { entryCount, formCount } = header;
  const entryIds = { bytes: u8('entryIds'), offsets: i32('entryIdOffsets') };
  const entryTexts = { bytes: u8('entryTexts'), offsets: i32('entryTextOffsets') };
  const formNumbers = i32('formNumbers');
  if (
    entryIds.offsets.length !== entryCount + 1 ||
    entryIds.offsets[entryCount] !== entryIds.bytes.length ||
    entryTexts.offsets.at(-1) !== entryTexts.bytes.length ||
    i32('entryTextStart').length !== entryCount ||
    u8('entryFlags').length !== entryCount ||
    formNumbers.length !== formCount * FORM_STRIDE
  ) {
    throw new BinaryDictionaryError('its columns do not fit together');
  }
  return {
    entryCount,
    entryIds,
    entryTexts,
    entryTextStart: i32('entryTextStart'),
    entryFlags: u8('entryFlags'),
    rules: new Map(header.rules.map(([i, require, exclude]) => [i, { require, exclude }])),
    formCount,
    formNumbers,
    formTrails: new Map(header.formTrails),
    words: lines(header.words),
    alternates: lines(header.alternates),
    alternateOf: i32('alternateOf'),
    table: i32('table'),
    stemOf: i32('stemOf'),
    exactRoot: i32('exactRoot'),
    topicRoot: i32('topicRoot'),
    edges: i32('edges'),
    terminals: { offsets: i32('terminalOffsets'), items: i32('terminalItems') },
    deletes: columns.get('deletes') as Float64Array,
    singles: { offsets: i32('singleOffsets'), items: i32('singleItems') },
  };
}
