import * as v from 'valibot';
import { type Card, CardSchema, hasSignalRule } from '../model/card';
import type { ListReport } from '../model/pack';
import { bucketOf, compactCard, describeIssues, expandCard, hashText, toBucket } from '../model/pack-stream';
import { type PackDoc, packDocId } from './card-docs';
import { type Database, isNotFound, STORE_SCHEMA, type StoredDoc, writing } from './db';

/*
 * Watchlists imported as a stream: a list's cards are stored in buckets (by a hash of the card id), one
 * document per bucket holding the bucket's cards as one JSON text. A bucket holds about 75 of a 300,000-card
 * list: 4,096 documents instead of 300,000, about the source file's size on disk.
 *
 * An import stages new bucket documents under ids no pack names yet, then switches the pack's record to them in
 * one write (the commit), then deletes the buckets it replaced. A cancel, a refused bucket or a stopped worker
 * before the switch leaves the pack exactly as it was: the staged documents are deleted (or swept at the next
 * start, as no pack names them). A re-import sends only the buckets whose digest changed: the difference.
 *
 * Sweeping lists every bucket document (IndexedDB reads each whole: 1.3–1.6 s for a million names), so a start
 * sweeps only when work that leaves buckets no pack names was cut short: an import, the removal of a list, a list
 * written over card by card and a restore are named in a mark (`_local/list-work`) before they write anything
 * and taken out of it once done (work that failed stays named: the next start sweeps). A start finding the mark
 * empty reads nothing else; finding no mark at all (a store of an earlier version) it sweeps once.
 *
 * The user's edits of a list's cards are card documents (`card:<id>`, edited) over the list: a new version of the
 * list never overwrites them, and a card it changes or removes that the user edited is kept and counted as kept.
 */

/** A list's record in its pack document. */
export interface ListInfo {
  /** The file it was imported from. */
  source: string;
  cards: number;
  names: number;
  /** When it was imported (ISO time). */
  imported: string;
  /** Each bucket's document id, and its digest. */
  chunks: Record<string, ListChunk>;
}

/** A bucket of a list in the list's record. */
export interface ListChunk {
  id: string;
  digest: string;
  cards: number;
  names: number;
  /**
   * How many of its cards carry a watch-signal rule (a CSV list's: none, a CSV file has no signals column). Absent
   * in a record of an earlier version: unknown, the bucket is read.
   */
  signals?: number;
}

/** A bucket of a list as stored. */
export interface ListChunkDoc extends StoredDoc {
  type: 'list-chunk';
  pack: string;
  bucket: number;
  digest: string;
  /** "id hash" lines, one per card, in the order of `cards`. */
  hashes: string;
  /** The bucket's cards (compact, see compactCard) as one JSON array. */
  cards: string;
}

/** A pack document of a list. */
export type ListPackDoc = PackDoc & { list?: ListInfo };

const CHUNK_PREFIX = 'list:';
const chunkId = (packId: string, bucket: number, stamp: string) =>
  `${CHUNK_PREFIX}${packId}:${String(bucket).padStart(4, '0')}:${stamp}`;
/** The import a bucket document was staged by (the last part of its id). */
const stampOf = (id: string) => id.slice(id.lastIndexOf(':') + 1);
const newStamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** The mark of the work under way that leaves buckets no pack names when cut short (local: never replicated). */
const WORK_MARK = '_local/list-work';
interface WorkMark extends StoredDoc {
  /** Import ids, and removals of lists. */
  open: string[];
}

/** The cards of a stored bucket, with their defaults back. */
export function chunkCards(doc: ListChunkDoc): Card[] {
  return (JSON.parse(doc.cards) as Record<string, unknown>[]).map(expandCard);
}

/** The id → hash map of a stored bucket. */
function hashesOf(doc: ListChunkDoc | null): Map<string, string> {
  const map = new Map<string, string>();
  if (!doc?.hashes) return map;
  for (const line of doc.hashes.split('\n')) {
    const space = line.indexOf(' ');
    map.set(line.slice(0, space), line.slice(space + 1));
  }
  return map;
}

/** A bucket's cards checked whole: each with CardSchema, in this bucket, once; as compact JSON. */
function checkBucket(
  bucket: number,
  cardsJson: string,
): { ids: string[]; json: string[]; hashes: string[]; names: number; signals: number } {
  let raw: unknown;
  try {
    raw = JSON.parse(cardsJson);
  } catch {
    throw new ListRefused(`bucket ${bucket}: not a JSON list of cards`);
  }
  if (!Array.isArray(raw) || raw.length === 0) throw new ListRefused(`bucket ${bucket}: not a list of cards`);
  const ids: string[] = [];
  const json: string[] = [];
  let names = 0;
  let signals = 0;
  const seen = new Set<string>();
  for (const [i, item] of raw.entries()) {
    const card = v.safeParse(CardSchema, item);
    if (!card.success) throw new ListRefused(`bucket ${bucket}, card ${i + 1}: ${describeIssues(card.issues)}`);
    const id = card.output.id;
    if (bucketOf(id) !== bucket) throw new ListRefused(`bucket ${bucket}, card ${i + 1}: ${id} is not of this bucket`);
    if (seen.has(id)) throw new ListRefused(`bucket ${bucket}: the id ${id} is there twice`);
    seen.add(id);
    ids.push(id);
    json.push(JSON.stringify(compactCard(card.output)));
    names += 1 + card.output.aliases.length;
    if (hasSignalRule(card.output)) signals++;
  }
  return { ids, json, hashes: json.map(hashText), names, signals };
}

/** What the user edited of a pack's cards: the ids of its card documents marked edited. */
export type EditedIds = (packId: string) => Promise<Set<string>>;

interface Staging {
  packId: string;
  name: string;
  version: string;
  /** The pack's description, when its file gives one (a JSON pack). */
  description?: string;
  source: string;
  stamp: string;
  previous: ListPackDoc | null;
  staged: Map<number, ListChunk>;
  added: number;
  changed: number;
  removed: number;
  kept: number;
  unchanged: number;
  edited: Set<string>;
}

/** The message of a bucket a list import refuses. */
export class ListRefused extends Error {}

/** Stages, commits and cancels list imports in a database; one per store. */
export class ListImports {
  private readonly imports = new Map<string, Staging>();
  /** The mark's changes, one after the other. */
  private marking: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly editedIds: EditedIds,
  ) {}

  /** Starts an import of a list into pack `packId`: the digests of its buckets as stored now (none when new). */
  async begin(meta: {
    packId: string;
    name: string;
    version: string;
    description?: string;
    source: string;
  }): Promise<{ importId: string; digests: Record<string, string> }> {
    const previous = (await this.db.get(packDocId(meta.packId)).catch(() => null)) as ListPackDoc | null;
    if (previous?.builtIn)
      throw new ListRefused(`the pack id "${meta.packId}" belongs to a pack that comes with Dossier`);
    const stamp = newStamp();
    const importId = `${meta.packId}:${stamp}`;
    // Written before anything is staged: a worker stopped from here on leaves the mark, and the next start sweeps.
    await this.mark((open) => open.add(importId));
    this.imports.set(importId, {
      ...meta,
      stamp,
      previous,
      staged: new Map(),
      added: 0,
      changed: 0,
      removed: 0,
      kept: 0,
      unchanged: 0,
      edited: await this.editedIds(meta.packId),
    });
    const digests: Record<string, string> = {};
    for (const [bucket, chunk] of Object.entries(previous?.list?.chunks ?? {})) digests[bucket] = chunk.digest;
    return { importId, digests };
  }

  private staging(importId: string): Staging {
    const staging = this.imports.get(importId);
    if (!staging) throw new ListRefused('this import is no longer under way (Dossier restarted or it was cancelled)');
    return staging;
  }

  /**
   * Stages buckets of cards (each the JSON of a card array), in one write: each card is checked again with
   * CardSchema and must belong in its bucket; the difference from the stored buckets is counted. Nothing a pack
   * names is written.
   */
  async stage(importId: string, buckets: ReadonlyArray<{ bucket: number; cards: string }>): Promise<void> {
    const staging = this.staging(importId);
    const prepared = buckets.map(({ bucket, cards }) => {
      if (staging.staged.has(bucket) || buckets.filter((b) => b.bucket === bucket).length > 1) {
        throw new ListRefused(`bucket ${bucket} was sent twice`);
      }
      return { bucket, ...checkBucket(bucket, cards) };
    });
    const docs: ListChunkDoc[] = prepared.map(({ bucket, ids, json, hashes }) => {
      const stored = toBucket(bucket, ids, json, hashes);
      return {
        _id: chunkId(staging.packId, bucket, staging.stamp),
        type: 'list-chunk',
        schema: STORE_SCHEMA,
        pack: staging.packId,
        bucket,
        digest: stored.digest,
        hashes: stored.hashes,
        cards: stored.cards,
      };
    });
    const beforeIds = prepared.flatMap(({ bucket }) => {
      const id = staging.previous?.list?.chunks[bucket]?.id;
      return id ? [id] : [];
    });
    const before = new Map<string, ListChunkDoc>();
    if (beforeIds.length > 0) {
      for (const row of (await this.db.allDocs({ keys: beforeIds, include_docs: true })).rows) {
        const doc = 'doc' in row ? (row.doc as ListChunkDoc | null | undefined) : null;
        if (doc) before.set(doc._id, doc);
      }
    }
    const results = await writing(() => this.db.bulkDocs(docs));
    const failed = results.find((r) => 'error' in r && r.error) as { message?: string } | undefined;
    const written = results.flatMap((r, i) => ('ok' in r && r.ok ? [{ _id: docs[i]!._id, _rev: r.rev }] : []));
    if (failed || this.imports.get(importId) !== staging) {
      // Refused by the database, or cancelled while these buckets were being written: they go too.
      await this.db.bulkDocs(written.map((w) => ({ ...w, _deleted: true })) as unknown as StoredDoc[]);
      throw failed
        ? new Error(`Could not store the list: ${failed.message}`)
        : new ListRefused('the import was cancelled');
    }
    prepared.forEach(({ bucket, ids, hashes, names, signals }, k) => {
      staging.staged.set(bucket, { id: docs[k]!._id, digest: docs[k]!.digest, cards: ids.length, names, signals });
      const old = hashesOf(before.get(staging.previous?.list?.chunks[bucket]?.id ?? '') ?? null);
      ids.forEach((id, i) => {
        const was = old.get(id);
        if (was === undefined) staging.added++;
        else if (was === hashes[i]) staging.unchanged++;
        else if (staging.edited.has(id)) staging.kept++;
        else staging.changed++;
        old.delete(id);
      });
      for (const id of old.keys()) {
        if (staging.edited.has(id)) staging.kept++;
        else staging.removed++;
      }
    });
  }

  private async chunk(id: string | undefined): Promise<ListChunkDoc | null> {
    if (!id) return null;
    return (await this.db.get(id).catch(() => null)) as ListChunkDoc | null;
  }

  /**
   * Switches the pack to the staged buckets and the unchanged ones (`buckets`: every bucket of the new version,
   * with its digest), in one write of the pack record; then deletes the buckets replaced, and the pack's
   * unedited card documents of an earlier, per-card import. Refused (nothing changed) when an unchanged bucket
   * is not the one stored.
   */
  async commit(importId: string, buckets: ReadonlyArray<{ bucket: number; digest: string }>): Promise<ListReport> {
    const staging = this.staging(importId);
    const before = staging.previous?.list?.chunks ?? {};
    const chunks: ListInfo['chunks'] = {};
    let unchanged = staging.unchanged;
    const wanted = new Set<number>();
    for (const { bucket, digest } of buckets) {
      wanted.add(bucket);
      const staged = staging.staged.get(bucket);
      if (staged) {
        if (staged.digest !== digest) throw new ListRefused(`bucket ${bucket} does not hold what was sent`);
        chunks[bucket] = staged;
        continue;
      }
      const kept = before[bucket];
      if (!kept || kept.digest !== digest) throw new ListRefused(`bucket ${bucket} was not sent`);
      chunks[bucket] = kept;
      unchanged += kept.cards;
    }
    for (const bucket of staging.staged.keys()) {
      if (!wanted.has(bucket)) throw new ListRefused(`bucket ${bucket} was sent but is not in the list`);
    }
    // Buckets of the old version with no card in the new one: all their cards are removed.
    let { removed, kept } = staging;
    for (const [bucket, chunk] of Object.entries(before)) {
      if (wanted.has(Number(bucket))) continue;
      for (const id of hashesOf(await this.chunk(chunk.id)).keys()) {
        if (staging.edited.has(id)) kept++;
        else removed++;
      }
    }
    const total = Object.values(chunks).reduce((n, c) => n + c.cards, 0);
    const names = Object.values(chunks).reduce((n, c) => n + c.names, 0);
    const previous = staging.previous;
    const record: ListPackDoc = {
      _id: packDocId(staging.packId),
      ...(previous?._rev ? { _rev: previous._rev } : {}),
      type: 'pack',
      schema: STORE_SCHEMA,
      packId: staging.packId,
      name: staging.name,
      version: staging.version,
      description: staging.description ?? previous?.description ?? '',
      enabled: previous?.enabled ?? true,
      builtIn: false,
      cardIds: [],
      list: { source: staging.source, cards: total, names, imported: new Date().toISOString(), chunks },
    };
    // The switch: one document, written or not. Refused (another import of this pack got there first): what
    // this one staged goes, and the pack stays as the other left it.
    try {
      await writing(() => this.db.put(record));
    } catch (error) {
      await this.cancel(importId);
      throw error;
    }
    this.imports.delete(importId);
    const live = new Set(Object.values(chunks).map((c) => c.id));
    const replaced = Object.values(before).flatMap((c) => (live.has(c.id) ? [] : [c.id]));
    await this.removeDocs(replaced);
    await this.unmark(importId);
    return {
      packId: staging.packId,
      name: staging.name,
      added: staging.added,
      updated: staging.changed,
      unchanged,
      removed,
      kept,
      total,
      names,
    };
  }

  /** Abandons an import: its staged buckets are deleted and the pack is as it was. */
  async cancel(importId: string): Promise<void> {
    const staging = this.imports.get(importId);
    if (!staging) return;
    this.imports.delete(importId);
    await this.removeDocs([...staging.staged.values()].map((s) => s.id));
    await this.unmark(importId);
  }

  /**
   * Runs `work` that leaves buckets no pack names (a list's pack removed, or written over card by card), then
   * sweeps them. The mark is written first and taken out once swept: cut short, the next start sweeps.
   */
  async thenSweep<T>(work: () => Promise<T>): Promise<T> {
    const id = `sweep:${newStamp()}`;
    await this.mark((open) => open.add(id));
    const value = await work();
    await this.sweep();
    await this.unmark(id);
    return value;
  }

  /**
   * At start: sweeps when the mark names work a stopped worker cut short, or when there is no mark yet (a store
   * of an earlier version); reads the mark alone otherwise. Resolves to how many bucket documents went.
   */
  async sweepIfCutShort(): Promise<number> {
    const mark = await this.readMark();
    if (mark && mark.open.length === 0) return 0;
    const swept = await this.sweep();
    // The work named then is over (no worker runs it now); what began since stays named.
    const ended = new Set(mark?.open);
    await this.mark((open) => {
      for (const id of ended) open.delete(id);
    });
    return swept;
  }

  /** Deletes the bucket documents no pack names but those of the imports under way here. Returns how many. */
  async sweep(): Promise<number> {
    const packs = await this.db.allDocs({ include_docs: true, startkey: 'pack:', endkey: 'pack:\uffff' });
    const live = new Set<string>();
    for (const row of packs.rows) {
      for (const chunk of Object.values((row.doc as ListPackDoc | undefined)?.list?.chunks ?? {})) live.add(chunk.id);
    }
    // By stamp rather than by staged bucket: a bucket being written is not yet in its import's record.
    const underWay = new Set([...this.imports.values()].map((s) => s.stamp));
    const all = await this.db.allDocs({ startkey: CHUNK_PREFIX, endkey: `${CHUNK_PREFIX}\uffff` });
    const orphans = all.rows.flatMap((row) => (live.has(row.id) || underWay.has(stampOf(row.id)) ? [] : [row.id]));
    await this.removeDocs(orphans);
    return orphans.length;
  }

  private async readMark(): Promise<WorkMark | null> {
    try {
      return (await this.db.get(WORK_MARK)) as WorkMark;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /** Changes the mark's open work (one change at a time). */
  private mark(change: (open: Set<string>) => void): Promise<void> {
    const next = this.marking.then(async () => {
      const mark = await this.readMark();
      const open = new Set(mark?.open);
      change(open);
      const doc: WorkMark = {
        _id: WORK_MARK,
        ...(mark?._rev ? { _rev: mark._rev } : {}),
        type: 'mark',
        schema: STORE_SCHEMA,
        open: [...open],
      };
      await writing(() => this.db.put(doc));
    });
    this.marking = next.catch(() => undefined);
    return next;
  }

  /** Takes finished work out of the mark; failing to only costs a sweep at the next start. */
  private unmark(id: string): Promise<void> {
    return this.mark((open) => open.delete(id)).catch((error: unknown) =>
      console.warn('Dossier: could not update the list imports mark', error),
    );
  }

  private async removeDocs(ids: readonly string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += 64) {
      const part = ids.slice(i, i + 64);
      const got = await this.db.allDocs({ keys: [...part] });
      const gone = got.rows.flatMap((row) =>
        'value' in row && row.value && !row.value.deleted ? [{ _id: row.id, _rev: row.value.rev, _deleted: true }] : [],
      );
      if (gone.length > 0) await this.db.bulkDocs(gone as unknown as StoredDoc[]);
    }
  }
}

/**
 * Which of `ids` are cards of the list `pack`: only the buckets they fall in are read (a few, where reading the
 * whole list takes seconds at a million names).
 */
export async function idsInList(db: Database, pack: ListPackDoc, ids: Iterable<string>): Promise<Set<string>> {
  const chunks = pack.list?.chunks ?? {};
  const byChunk = new Map<string, string[]>();
  for (const id of ids) {
    const chunk = chunks[bucketOf(id)];
    if (chunk) byChunk.set(chunk.id, [...(byChunk.get(chunk.id) ?? []), id]);
  }
  const found = new Set<string>();
  for (const doc of await readChunks(db, [...byChunk.keys()])) {
    const held = doc.hashes ? hashesOf(doc) : new Set(chunkCards(doc).map((card) => card.id));
    for (const id of byChunk.get(doc._id) ?? []) if (held.has(id)) found.add(id);
  }
  return found;
}

/** The cards of the list `pack` of these ids, in the list's order: only the buckets they fall in are read. */
export async function cardsInList(db: Database, pack: ListPackDoc, ids: Iterable<string>): Promise<Card[]> {
  const chunks = pack.list?.chunks ?? {};
  const wanted = new Set<string>();
  const buckets = new Set<number>();
  for (const id of ids) {
    const bucket = bucketOf(id);
    if (!chunks[bucket]) continue;
    wanted.add(id);
    buckets.add(bucket);
  }
  // By bucket, as `readListCards` reads them.
  const chunkIds = [...buckets].sort((a, b) => a - b).map((bucket) => chunks[bucket]!.id);
  return (await readChunks(db, chunkIds)).flatMap((doc) => chunkCards(doc).filter((card) => wanted.has(card.id)));
}

/** How many of `ids` are cards of the list `pack` (see idsInList). */
export async function countInList(db: Database, pack: ListPackDoc, ids: Iterable<string>): Promise<number> {
  return (await idsInList(db, pack, ids)).size;
}

/** The bucket documents of these ids, 256 to a read; a missing one is reported and passed over. */
async function readChunks(db: Database, ids: readonly string[]): Promise<ListChunkDoc[]> {
  const docs: ListChunkDoc[] = [];
  for (let i = 0; i < ids.length; i += 256) {
    const got = await db.allDocs({ keys: ids.slice(i, i + 256), include_docs: true });
    for (const row of got.rows) {
      const doc = 'doc' in row ? (row.doc as ListChunkDoc | null | undefined) : null;
      if (doc) docs.push(doc);
      else console.warn('Dossier: a bucket of a list is missing', row.key);
    }
  }
  return docs;
}

/**
 * The cards of a list that carry a watch-signal rule, in the order `readListCards` gives them: only the buckets
 * whose record counts some (or, written by an earlier version, does not say) are read.
 */
export async function readSignalCards(db: Database, pack: ListPackDoc): Promise<Card[]> {
  const ids = Object.values(pack.list?.chunks ?? {}).flatMap((c) => (c.signals === 0 ? [] : [c.id]));
  return (await readChunks(db, ids)).flatMap((doc) => chunkCards(doc).filter(hasSignalRule));
}

/** Every card of the installed lists, by pack, read from their buckets. */
export async function readListCards(db: Database, packs: readonly ListPackDoc[]): Promise<Map<string, Card[]>> {
  const out = new Map<string, Card[]>();
  for (const pack of packs) {
    const ids = Object.values(pack.list?.chunks ?? {}).map((c) => c.id);
    out.set(
      pack.packId,
      (await readChunks(db, ids)).flatMap((doc) => chunkCards(doc)),
    );
  }
  return out;
}
