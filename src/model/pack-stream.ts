import Papa from 'papaparse';
import * as v from 'valibot';
import { type Card, CardSchema, slugify } from './card';
import { describeIssue } from './issues';
import { LIST_BUCKETS, MAX_PACK_CARDS, MAX_PACK_NAMES } from './pack';

export { LIST_BUCKETS };

import { err, ok, type Result } from './result';
import { Utf8Check } from './utf8-check';

/*
 * A CSV pack read row by row as its text arrives: the file is never one string, and each row is checked with
 * CardSchema as it comes, so a bad row at row 812,345 is named (row and field) as soon as it is read.
 */

/** The CSV header of a pack, in this order. */
export const CSV_HEADER = ['name', 'aliases', 'kind', 'summary', 'tags'] as const;

/** What a value of a schema type is, in words. */
const EXPECTED: Record<string, string> = {
  Array: 'a list',
  string: 'text',
  Object: 'an object',
  boolean: 'true or false',
  number: 'a number',
};

/** The first problem of a validation, as a path and a reason a person can act on. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return describeIssue(issues, {
    invalid: 'invalid',
    unknownField: (received) => `${received} is not a field a Dossier pack has`,
    expected: EXPECTED,
  });
}

/** The key under which two names count as the same name. */
export const nameKey = (name: string) => name.normalize('NFKC').toLocaleLowerCase().replace(/\s+/g, ' ').trim();

const split = (cell: string) =>
  cell
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** Cells a spreadsheet would run as a formula start with one of these. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** The reverse of the export's formula escape, when a pack we exported is imported again. */
export function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/**
 * Reads CSV rows with the header `name,aliases,kind,summary,tags` as text arrives (`push`, then `end`); each
 * call returns the cards its rows made, or the first problem (the reader is then spent). Ids are slugs of the
 * names, made unique in the file; a name used twice, a row of the wrong width, a card CardSchema refuses, more
 * than MAX_PACK_CARDS cards or MAX_PACK_NAMES names are refused.
 */
export class CsvPackReader {
  private readonly parser = new Papa.Parser({});
  private rest = '';
  private row = 0;
  private started = false;
  private failed: string | null = null;
  private readonly ids = new Set<string>();
  private readonly names = new Map<string, number>();
  /** Cards read so far. */
  cards = 0;
  /** Names read so far (each card's name and aliases). */
  nameCount = 0;

  /** Reads the next piece of text; rows cut at its end wait for the next piece. */
  push(text: string): Result<Card[]> {
    return this.read(text, false);
  }

  /** Reads what is left at the end of the file. */
  end(): Result<Card[]> {
    const last = this.read('', true);
    if (last.ok && this.row <= 1)
      return err(this.row === 0 ? 'the file is empty' : 'the file has a header but no cards');
    return last;
  }

  private read(text: string, final: boolean): Result<Card[]> {
    if (this.failed) return err(this.failed);
    let input = this.rest + text;
    if (!this.started) {
      if (input.length === 0 && !final) return ok([]);
      input = input.replace(/^\uFEFF/, '');
      this.started = true;
    }
    const parsed = this.parser.parse(input, 0, !final) as Papa.ParseResult<string[]> & { meta: { cursor: number } };
    this.rest = final ? '' : input.slice(parsed.meta.cursor);
    const cards: Card[] = [];
    const fatal = parsed.errors.find((e) => e.type !== 'Delimiter');
    if (fatal) return this.fail(`row ${this.row + (fatal.row ?? 0) + 1}: ${fatal.message}`);
    for (const cells of parsed.data) {
      // Blank lines are skipped, as Papa's skipEmptyLines: 'greedy' does.
      if (cells.every((c) => c.trim() === '')) continue;
      this.row++;
      const problem = this.row === 1 ? this.header(cells) : this.card(cells, cards);
      if (problem) return this.fail(problem);
    }
    return ok(cards);
  }

  private fail(message: string): Result<Card[]> {
    this.failed = message;
    return err(message);
  }

  private header(cells: string[]): string | null {
    return cells.map((h) => h.trim()).join(',') === CSV_HEADER.join(',')
      ? null
      : `row 1: the header must be exactly ${CSV_HEADER.join(',')}`;
  }

  private card(row: string[], out: Card[]): string | null {
    const at = `row ${this.row}`;
    if (row.length !== CSV_HEADER.length) return `${at}: expected ${CSV_HEADER.length} fields, found ${row.length}`;
    const [name = '', aliases = '', kind = '', summary = '', tags = ''] = row.map(unescapeFormula);
    const key = nameKey(name);
    const sameName = this.names.get(key);
    if (name.trim() && sameName !== undefined)
      return `${at}: the name "${name.trim()}" is already used on row ${sameName}`;
    this.names.set(key, this.row);
    const base = slugify(name);
    let id = base;
    for (let n = 2; this.ids.has(id); n++) id = `${base}-${n}`;
    const card = v.safeParse(CardSchema, { id, name, kind, aliases: split(aliases), summary, tags: split(tags) });
    if (!card.success) {
      const label = name.trim().length > 40 ? `${name.trim().slice(0, 40)}…` : name.trim();
      const field = card.issues[0] && v.getDotPath(card.issues[0]) ? ', field ' : ': ';
      return `${at}${label ? ` (${label})` : ''}${field}${describeIssues(card.issues)}`;
    }
    this.ids.add(id);
    this.cards++;
    this.nameCount += 1 + card.output.aliases.length;
    if (this.cards > MAX_PACK_CARDS) {
      return `${at}: the pack holds more than ${MAX_PACK_CARDS.toLocaleString('en')} cards, the most one pack may hold`;
    }
    if (this.nameCount > MAX_PACK_NAMES) {
      return `${at}: the pack holds more than ${MAX_PACK_NAMES.toLocaleString('en')} names and aliases, the most one pack may hold`;
    }
    out.push(card.output);
    return null;
  }
}

/** How far a streamed read has come. */
export interface StreamProgress {
  bytes: number;
  cards: number;
  names: number;
}

/**
 * Reads a CSV pack from a stream of bytes (a File's `stream()`, a Node read stream): UTF-8 only, decoded as it
 * comes; `onCards` receives each piece's cards in file order. Stops (and resolves to the reason) on the first
 * problem or when `signal` is aborted; resolves to null when the whole file was read and every row was valid.
 */
export async function readCsvPackStream(
  chunks: AsyncIterable<Uint8Array>,
  onCards: (cards: Card[], progress: StreamProgress) => void | Promise<void>,
  signal?: AbortSignal,
): Promise<string | null> {
  const reader = new CsvPackReader();
  const check = new Utf8Check();
  let bytes = 0;
  const progress = (): StreamProgress => ({ bytes, cards: reader.cards, names: reader.nameCount });
  for await (const chunk of chunks) {
    if (signal?.aborted) return 'cancelled';
    bytes += chunk.length;
    const text = check.next(chunk);
    if (!text.ok) return text.error;
    const cards = reader.push(text.value);
    if (!cards.ok) return cards.error;
    await onCards(cards.value, progress());
  }
  if (signal?.aborted) return 'cancelled';
  const tail = check.end();
  if (!tail.ok) return tail.error;
  const pushed = reader.push(tail.value);
  if (!pushed.ok) return pushed.error;
  const last = reader.end();
  if (!last.ok) return last.error;
  await onCards([...pushed.value, ...last.value], progress());
  return null;
}

/** A 53-bit hash of a string (cyrb53), as 14 hex digits: a card's content hash, to tell versions apart. */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** The bucket a card id is stored in. */
export function bucketOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) % LIST_BUCKETS;
}

/** A card without its empty fields (the schema's defaults): how a list stores it and hashes it. */
export function compactCard(card: Card): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(card)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = value;
  }
  return out;
}

/** The fields a compact card leaves out, at their defaults. */
const DEFAULTS = {
  aliases: [],
  summary: '',
  signals: [],
  implications: [],
  tags: [],
  related: [],
  sources: [],
  notes: '',
} as const;

/** A card stored compact (already validated when it was stored), with its empty fields back. */
export function expandCard(stored: Record<string, unknown>): Card {
  const card: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(DEFAULTS)) card[key] = Array.isArray(value) ? [] : value;
  return Object.assign(card, stored) as Card;
}

/** One bucket of a list: its cards (compact JSON, one array), their content hashes, and a digest of the whole. */
export interface ListBucket {
  bucket: number;
  /** JSON of the bucket's compact cards, in file order. */
  cards: string;
  /** The cards' ids and content hashes, as "id hash" lines, in the same order. */
  hashes: string;
  /** A hash of `hashes`: two versions of a bucket with the same digest hold the same cards. */
  digest: string;
}

/** Builds a bucket's stored form from its cards' compact JSON texts (and their hashes, when already made). */
export function toBucket(
  bucket: number,
  ids: readonly string[],
  json: readonly string[],
  hashes: readonly string[] = json.map(hashText),
): ListBucket {
  const lines = idHashes(ids, hashes);
  return { bucket, cards: `[${json.join(',')}]`, hashes: lines, digest: hashText(lines) };
}

const idHashes = (ids: readonly string[], hashes: readonly string[]) =>
  ids.map((id, i) => `${id} ${hashes[i]}`).join('\n');

/**
 * Sorts cards into buckets by id as they are read, each card's compact JSON and content hash made once:
 * `digest()` tells a bucket's version without building its stored form, `bucket()` builds it for sending.
 */
export class ListBuckets {
  private readonly parts = new Map<number, { ids: string[]; json: string[]; hashes: string[]; size: number }>();

  /** Adds cards in file order. */
  add(cards: readonly Card[]): void {
    for (const card of cards) {
      const bucket = bucketOf(card.id);
      let part = this.parts.get(bucket);
      if (!part) {
        part = { ids: [], json: [], hashes: [], size: 0 };
        this.parts.set(bucket, part);
      }
      const json = JSON.stringify(compactCard(card));
      part.ids.push(card.id);
      part.json.push(json);
      part.hashes.push(hashText(json));
      part.size += json.length + 1;
    }
  }

  /** The numbers of the buckets that hold cards, in order. */
  numbers(): number[] {
    return [...this.parts.keys()].sort((a, b) => a - b);
  }

  /** About how many characters a bucket's cards take as JSON. */
  size(n: number): number {
    return this.parts.get(n)?.size ?? 0;
  }

  /** A bucket's digest, as its stored form has it. */
  digest(n: number): string {
    const part = this.parts.get(n);
    return hashText(idHashes(part?.ids ?? [], part?.hashes ?? []));
  }

  /** One bucket's stored form. */
  bucket(n: number): ListBucket {
    const part = this.parts.get(n);
    return toBucket(n, part?.ids ?? [], part?.json ?? [], part?.hashes ?? []);
  }
}
