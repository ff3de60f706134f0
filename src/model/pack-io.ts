import Papa from 'papaparse';
import * as v from 'valibot';
import { type Card, CardSchema, slugify } from './card';
import { PACK_FORMAT_VERSION, type Pack, PackSchema } from './pack';
import { err, ok, type Result } from './result';

/** The CSV header of a pack, in this order. */
export const CSV_HEADER = ['name', 'aliases', 'kind', 'summary', 'tags'] as const;

/** What a CSV file does not say about its pack. */
export interface PackMeta {
  id: string;
  name: string;
  version: string;
  description: string;
}

const DEFAULT_META: PackMeta = { id: 'imported', name: 'Imported pack', version: '1.0.0', description: '' };

function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  if (!issue) return 'invalid';
  const path = v.getDotPath(issue);
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** Reads a pack in the JSON format; the whole file is refused on the first problem. */
export function parsePackJson(text: string): Result<Pack> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return err(`not valid JSON: ${(e as Error).message}`);
  }
  const parsed = v.safeParse(PackSchema, data);
  if (!parsed.success) return err(`invalid pack: ${describeIssues(parsed.issues)}`);
  const seen = new Set<string>();
  for (const [i, card] of parsed.output.cards.entries()) {
    if (seen.has(card.id)) return err(`invalid pack: cards.${i}.id: duplicate id "${card.id}"`);
    seen.add(card.id);
  }
  return ok(parsed.output);
}

const split = (cell: string) =>
  cell
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** Reads a pack from CSV with the header `name,aliases,kind,summary,tags`; the whole file is refused on the first bad row. */
export function parsePackCsv(text: string, meta: Partial<PackMeta> = {}): Result<Pack> {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const fatal = parsed.errors.find((e) => e.type !== 'Delimiter');
  if (fatal) return err(`row ${(fatal.row ?? 0) + 1}: ${fatal.message}`);
  const [header, ...rows] = parsed.data;
  if (!header || header.map((h) => h.trim()).join(',') !== CSV_HEADER.join(',')) {
    return err(`row 1: the header must be exactly ${CSV_HEADER.join(',')}`);
  }
  const cards: Card[] = [];
  const ids = new Set<string>();
  for (const [i, row] of rows.entries()) {
    const at = `row ${i + 2}`;
    if (row.length !== CSV_HEADER.length)
      return err(`${at}: expected ${CSV_HEADER.length} fields, found ${row.length}`);
    const [name = '', aliases = '', kind = '', summary = '', tags = ''] = row;
    let id = slugify(name);
    for (let n = 2; ids.has(id); n++) id = `${slugify(name)}-${n}`;
    const card = v.safeParse(CardSchema, { id, name, kind, aliases: split(aliases), summary, tags: split(tags) });
    if (!card.success)
      return err(`${at}${name.trim() ? ` (${name.trim()})` : ''}, field ${describeIssues(card.issues)}`);
    ids.add(id);
    cards.push(card.output);
  }
  const pack = v.safeParse(PackSchema, {
    format: 'dossier-pack',
    formatVersion: PACK_FORMAT_VERSION,
    ...DEFAULT_META,
    ...meta,
    cards,
  });
  return pack.success ? ok(pack.output) : err(`invalid pack: ${describeIssues(pack.issues)}`);
}

/** Reads a pack file, choosing the format by its name (`.csv` or `.json`). */
export function parsePackFile(fileName: string, text: string): Result<Pack> {
  if (/\.csv$/i.test(fileName)) {
    const base = fileName.replace(/^.*[\\/]/, '').replace(/\.csv$/i, '');
    return parsePackCsv(text, { id: slugify(base), name: base });
  }
  return parsePackJson(text);
}

/** The pack as a JSON file. */
export function serialisePackJson(pack: Pack): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}

/** The pack's cards as CSV with the header `name,aliases,kind,summary,tags` (other card fields are not kept). */
export function serialisePackCsv(pack: Pack): string {
  const rows = pack.cards.map((c) => [c.name, c.aliases.join('|'), c.kind, c.summary, c.tags.join('|')]);
  return `${Papa.unparse({ fields: [...CSV_HEADER], data: rows }, { newline: '\n' })}\n`;
}
