import Papa from 'papaparse';
import * as v from 'valibot';
import { slugify } from './card';
import { BUILT_IN_PACK_ID, PACK_FORMAT_VERSION, type Pack, PackSchema, USER_PACK_ID } from './pack';
import { CSV_HEADER, CsvPackReader, describeIssues, FORMULA_START, nameKey } from './pack-stream';
import { err, ok, type Result } from './result';

export { CSV_HEADER, describeIssues };

/** What a CSV file does not say about its pack. */
export interface PackMeta {
  id: string;
  name: string;
  version: string;
  description: string;
}

const DEFAULT_META: PackMeta = { id: 'imported', name: 'Imported pack', version: '1.0.0', description: '' };

/** Reads a pack in the JSON format; the whole file is refused on the first problem. */
export function parsePackJson(text: string): Result<Pack> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return err(`not valid JSON (is the file complete?): ${(e as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return err('not a Dossier pack: the file must hold one JSON object with "format": "dossier-pack"');
  }
  const head = data as { format?: unknown; formatVersion?: unknown };
  if (head.format !== 'dossier-pack') return err('not a Dossier pack: "format" must be "dossier-pack"');
  if (typeof head.formatVersion === 'number' && head.formatVersion > PACK_FORMAT_VERSION) {
    return err(
      `the pack was made by a newer Dossier (format version ${head.formatVersion}; this one reads ${PACK_FORMAT_VERSION}): update Dossier to import it`,
    );
  }
  const parsed = v.safeParse(PackSchema, data);
  if (!parsed.success) return err(`invalid pack: ${describeIssues(parsed.issues)}`);
  if (parsed.output.cards.length === 0) return err('invalid pack: cards: the pack holds no cards');
  const ids = new Map<string, number>();
  const names = new Map<string, number>();
  for (const [i, card] of parsed.output.cards.entries()) {
    const sameId = ids.get(card.id);
    if (sameId !== undefined) return err(`invalid pack: cards.${i}.id: "${card.id}" is also the id of cards.${sameId}`);
    const sameName = names.get(nameKey(card.name));
    if (sameName !== undefined) {
      return err(`invalid pack: cards.${i}.name: "${card.name}" is also the name of cards.${sameName}`);
    }
    ids.set(card.id, i);
    names.set(nameKey(card.name), i);
  }
  return ok(parsed.output);
}

/** Reads a pack from CSV with the header `name,aliases,kind,summary,tags`; the whole file is refused on the first bad row. */
export function parsePackCsv(text: string, meta: Partial<PackMeta> = {}): Result<Pack> {
  const reader = new CsvPackReader();
  const read = reader.push(text);
  const rest = read.ok ? reader.end() : read;
  if (!rest.ok) return err(rest.error);
  const cards = [...(read.ok ? read.value : []), ...rest.value];
  const pack = v.safeParse(PackSchema, {
    format: 'dossier-pack',
    formatVersion: PACK_FORMAT_VERSION,
    ...DEFAULT_META,
    ...meta,
    cards,
  });
  return pack.success ? ok(pack.output) : err(`invalid pack: ${describeIssues(pack.issues)}`);
}

/** Packs that only Dossier writes: an imported file may not replace them. */
const RESERVED_IDS = new Set([BUILT_IN_PACK_ID, USER_PACK_ID]);

/**
 * Turns a pack file's bytes into text: UTF-8 only (a UTF-8 byte order mark is dropped); UTF-16 and other
 * encodings, and binary files, are refused with what to do about it.
 */
export function decodePackFile(bytes: Uint8Array): Result<string> {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return err('the file is UTF-16 text; save it as UTF-8 and import it again');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return err('the file is not UTF-8 text (it may be Latin-1 or Windows-1252); save it as UTF-8 and import it again');
  }
  if (text.includes('\u0000')) return err('the file holds binary data, not text');
  return ok(text);
}

/** Reads a pack file a user imports: as `parsePackFile`, and Dossier's own packs' ids are refused. */
export function parseImportedPack(fileName: string, text: string): Result<Pack> {
  const parsed = parsePackFile(fileName, text);
  if (parsed.ok && RESERVED_IDS.has(parsed.value.id)) {
    return err(
      `the pack id "${parsed.value.id}" belongs to Dossier's own cards; give the pack another id (or file name)`,
    );
  }
  return parsed;
}

/** Reads a pack file, choosing the format by its name (`.csv` or `.json`). */
export function parsePackFile(fileName: string, text: string): Result<Pack> {
  const csv = /\.csv$/i.test(fileName);
  if (!csv && !/\.json$/i.test(fileName)) return err('only .json and .csv files can be imported as packs');
  if (text.includes('\u0000')) return err('the file holds binary data, not text');
  if (text.replace(/^\uFEFF/, '').trim() === '') return err('the file is empty');
  let parsed: Result<Pack>;
  if (csv) {
    const base = fileName.replace(/^.*[\\/]/, '').replace(/\.csv$/i, '');
    parsed = parsePackCsv(text, { id: slugify(base) || 'imported', name: base });
  } else parsed = parsePackJson(text.replace(/^\uFEFF/, ''));
  return parsed;
}

/** The pack as a JSON file. */
export function serialisePackJson(pack: Pack): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}

/** A cell made safe to open in a spreadsheet: a formula-like start is prefixed with an apostrophe. */
function escapeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * The pack's cards as CSV with the header `name,aliases,kind,summary,tags` (other card fields are not kept).
 * A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return first) is
 * prefixed with an apostrophe, which the import removes again.
 */
export function serialisePackCsv(pack: Pack): string {
  const rows = pack.cards.map((c) =>
    [c.name, c.aliases.join('|'), c.kind, c.summary, c.tags.join('|')].map(escapeFormula),
  );
  return `${Papa.unparse({ fields: [...CSV_HEADER], data: rows }, { newline: '\n' })}\n`;
}
