import * as v from 'valibot';
import { type Card, CardSchema, hasSignalRule, slugify } from '../model/card';
import { type ListReport, PACK_FORMAT_VERSION, type Pack, type PackReport, PackSchema } from '../model/pack';
import {
  type CardDoc,
  cardDocId,
  firstRevision,
  type LibraryEntry,
  mergePack,
  type PackDoc,
  packDocId,
  toCard,
  USER_PACK,
} from './card-docs';
import {
  type Database,
  isConflict,
  isNotFound,
  openDatabase,
  PRIVATE_DB,
  STORE_SCHEMA,
  type StoredDoc,
  writing,
} from './db';
import {
  cardsInList,
  countInList,
  idsInList,
  ListImports,
  type ListPackDoc,
  readListCards,
  readSignalCards,
} from './lists';
import { migrate } from './migrate';

/** A card document and the card read from it (null when the document is corrupt). */
interface Cached {
  doc: CardDoc;
  card: Card | null;
}

// A local document: it never replicates.
const JOURNAL = '_local/pack-write';
/** Where `revision` stopped reading the store's changes, and the last change that may have touched the cards. */
const REVISION_MARK = '_local/cards-revision';
interface RevisionMark {
  _rev?: string;
  checked: number | string;
  last: string;
}
/** Documents that never feed the dictionary: a change to one of these leaves the cards' revision as it was. */
const LEAVES_CARDS = ['clip:', 'anno:', 'sighit:', 'case:', 'custody:', 'visit:', 'evidence:'];
/** Changes read at a time. */
const CHANGES_PAGE = 1000;
/** The card library: the only code that reads or writes card and pack documents. */
export class CardStore {
  private opening: Promise<void> | null = null;
  /**
   * Every card document (deleted ones included) with its card, read once and then kept in step by this
   * store's own writes: an edit does not re-read 10,000 documents. Anything that writes cards behind the
   * store's back (a restore, replication) calls `forget`.
   */
  private cached: Promise<Map<string, Cached>> | null = null;
  /** The cards of the installed lists (read from their buckets once, then again after a list import). */
  private listed: Promise<Map<string, { card: Card; pack: string }>> | null = null;
  /** Imports of lists (streamed CSV packs), staged and switched over whole. */
  readonly lists: ListImports;

  constructor(readonly db: Database = openDatabase(PRIVATE_DB)) {
    this.lists = new ListImports(db, async (packId) => {
      const ids = new Set<string>();
      for (const { doc } of (await this.cards()).values()) if (doc.pack === packId && doc.edited) ids.add(doc.cardId);
      return ids;
    });
  }

  /**
   * Makes the store ready once per worker: older documents are migrated and a pack write cut short is completed.
   * Resolves to true when a cut-short write was completed.
   */
  ready(): Promise<void> {
    this.opening ??= (async () => {
      await migrate(this.db);
      await this.resumeWrite();
      // Buckets of a list import cut short (no pack names them) are deleted; nothing is listed when none was.
      await this.lists.sweepIfCutShort();
    })().catch((error: unknown) => {
      this.opening = null;
      throw error;
    });
    return this.opening;
  }

  /** The card documents, by card id (read from the database once). */
  private cards(): Promise<Map<string, Cached>> {
    this.cached ??= (async () => {
      const all = await this.db.allDocs({ include_docs: true, startkey: 'card:', endkey: 'card:\uffff' });
      const map = new Map<string, Cached>();
      for (const row of all.rows) {
        const doc = row.doc as CardDoc | undefined;
        if (!doc) continue;
        const card = toCard(doc);
        if (!card) console.warn('Dossier: skipped an unreadable card document', row.id);
        map.set(row.id.slice('card:'.length), { doc, card });
      }
      return map;
    })().catch((error: unknown) => {
      this.cached = null;
      throw error;
    });
    return this.cached;
  }

  /** Records documents this store has just written (with their new revisions), with their cards when known. */
  private async wrote(docs: CardDoc[], cards?: Card[]): Promise<void> {
    if (!this.cached) return;
    const map = await this.cached;
    docs.forEach((doc, i) => {
      const id = doc._id.slice('card:'.length);
      if ((doc as { _deleted?: boolean })._deleted) map.delete(id);
      else map.set(id, { doc, card: cards?.[i] ?? toCard(doc) });
    });
  }

  /** Forgets the cached cards (after the database was written by someone else). */
  forget(): void {
    this.cached = null;
    this.listed = null;
  }

  /** The installed lists' cards by id (a card of two lists: the first's). */
  private listCardMap(): Promise<Map<string, { card: Card; pack: string }>> {
    this.listed ??= (async () => {
      const packs = (await this.listPacks()).filter((p) => (p as ListPackDoc).list) as ListPackDoc[];
      const map = new Map<string, { card: Card; pack: string }>();
      for (const [pack, cards] of await readListCards(this.db, packs)) {
        for (const card of cards) if (!map.has(card.id)) map.set(card.id, { card, pack });
      }
      return map;
    })().catch((error: unknown) => {
      this.listed = null;
      throw error;
    });
    return this.listed;
  }

  /**
   * The lists' cards of these ids (each the first list's that holds it), in the order `listEntries` gives them,
   * reading only the buckets the ids fall in (or the lists' cards, when read already).
   */
  private async listedCards(ids: readonly string[]): Promise<Map<string, { card: Card; pack: string }>> {
    const found = new Map<string, { card: Card; pack: string }>();
    if (this.listed) {
      const listed = await this.listed;
      // In the lists' order, as `listEntries` gives them (one id is looked up).
      if (ids.length === 1) {
        const entry = listed.get(ids[0]!);
        if (entry) found.set(ids[0]!, entry);
        return found;
      }
      const wanted = new Set(ids);
      for (const [id, entry] of listed) if (wanted.has(id)) found.set(id, entry);
      return found;
    }
    let rest = ids;
    for (const list of (await this.listPacks()).filter((p) => (p as ListPackDoc).list) as ListPackDoc[]) {
      if (rest.length === 0) break;
      for (const card of await cardsInList(this.db, list, rest)) found.set(card.id, { card, pack: list.packId });
      rest = rest.filter((id) => !found.has(id));
    }
    return found;
  }

  /** The entries of `listEntries` of these ids, in its order, without reading the lists whole. */
  async entriesOf(ids: readonly string[]): Promise<LibraryEntry[]> {
    const docs = await this.cards();
    const entries: LibraryEntry[] = [];
    const wanted = new Set(ids);
    const rest = [...wanted].filter((id) => !docs.has(id));
    // The card documents in their order (kept in memory: a pass over them reads nothing).
    const held = [...wanted].filter((id) => docs.has(id));
    for (const id of held.length > 1 ? docs.keys() : held) {
      const { doc, card } = docs.get(id)!;
      if (!wanted.has(id)) continue;
      if (card && !doc.trashed) entries.push({ card, pack: doc.pack, edited: doc.edited === true });
    }
    for (const { card, pack } of (await this.listedCards(rest)).values()) entries.push({ card, pack, edited: false });
    return entries;
  }

  /**
   * The ids of the card documents (deleted ones aside, of any pack) with a name or alias in `names` once `fold`ed,
   * in their order: the lists' cards are not among them (a caller finds those by id).
   */
  async docIdsNamed(names: ReadonlySet<string>, fold: (name: string) => string): Promise<string[]> {
    const ids: string[] = [];
    if (names.size === 0) return ids;
    for (const [id, { doc, card }] of await this.cards()) {
      if (card && !doc.trashed && [card.name, ...card.aliases].some((name) => names.has(fold(name)))) ids.push(id);
    }
    return ids;
  }

  /**
   * Every card that is not deleted, with its pack; a corrupt document is skipped and reported, never fatal. A
   * list's card the user edited or deleted is its card document, not the list's version.
   */
  async listEntries(): Promise<LibraryEntry[]> {
    const entries: LibraryEntry[] = [];
    const docs = await this.cards();
    for (const { doc, card } of docs.values()) {
      if (card && !doc.trashed) entries.push({ card, pack: doc.pack, edited: doc.edited === true });
    }
    for (const [id, { card, pack }] of await this.listCardMap()) {
      if (!docs.has(id)) entries.push({ card, pack, edited: false });
    }
    return entries;
  }

  /** The packs that are lists (their cards kept in buckets: searched where they are, never sent whole). */
  async listPackIds(): Promise<Set<string>> {
    return new Set((await this.listPacks()).filter((p) => (p as ListPackDoc).list).map((p) => p.packId));
  }

  /**
   * `listEntries` but the cards of the lists (a list's card the user edited included): the card documents alone,
   * no list read. The lists' cards are searched in the compiled dictionary and read by id (see `entriesOf`).
   */
  async entriesBesideLists(): Promise<LibraryEntry[]> {
    const lists = await this.listPackIds();
    const entries: LibraryEntry[] = [];
    for (const { doc, card } of (await this.cards()).values()) {
      if (card && !doc.trashed && !lists.has(doc.pack))
        entries.push({ card, pack: doc.pack, edited: doc.edited === true });
    }
    return entries;
  }

  /** The ids of the card documents of packs that are not lists (deleted ones included): no list's card. */
  async idsBesideLists(): Promise<Set<string>> {
    const lists = await this.listPackIds();
    const ids = new Set<string>();
    for (const [id, { doc }] of await this.cards()) if (!lists.has(doc.pack)) ids.add(id);
    return ids;
  }

  /**
   * How many cards of each pack `listEntries` lists, without reading a list whole: its count is in its record,
   * less its cards a card document stands in for (the user's edits, a pack's card of the same id), found in the
   * buckets of those documents' ids alone. Where two lists are installed (they may share ids: the first's card
   * is listed), or the lists are read already, the entries are counted.
   */
  async countEntries(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    const add = (pack: string, n: number) => counts.set(pack, (counts.get(pack) ?? 0) + n);
    const lists = (await this.listPacks()).filter((p) => (p as ListPackDoc).list) as ListPackDoc[];
    if (lists.length > 1 || this.listed) {
      for (const entry of await this.listEntries()) add(entry.pack, 1);
      return counts;
    }
    const docs = await this.cards();
    for (const { doc, card } of docs.values()) if (card && !doc.trashed) add(doc.pack, 1);
    for (const list of lists) {
      add(list.packId, list.list!.cards - (await countInList(this.db, list, docs.keys())));
    }
    return counts;
  }

  /**
   * Completes a list import (see ListImports.commit): the pack switches to its new buckets, and the pack's card
   * documents the user did not edit (from an earlier import card by card) give way to the list.
   */
  async commitList(importId: string, buckets: ReadonlyArray<{ bucket: number; digest: string }>): Promise<ListReport> {
    const report = await this.lists.commit(importId, buckets);
    this.listed = null;
    const stale = [...(await this.cards()).values()].flatMap(({ doc }) =>
      doc.pack === report.packId && !doc.edited ? [{ ...doc, _deleted: true }] : [],
    );
    if (stale.length > 0) {
      await writing(() => this.db.bulkDocs(stale));
      await this.wrote(stale);
    }
    return report;
  }

  /** The cards that link on pages: not deleted, of an installed and enabled pack (a pack is enabled last). */
  async listCards(): Promise<Card[]> {
    const enabled = new Set((await this.listPacks()).filter((p) => p.enabled).map((p) => p.packId));
    return (await this.listEntries()).filter((e) => enabled.has(e.pack)).map((e) => e.card);
  }

  /**
   * The cards of `listCards` that carry a watch-signal rule, in its order, without reading every list: the card
   * documents (kept in memory), and the buckets of the lists whose record counts such cards in them. A list's card
   * is one of `listCards` when no card document has its id and the first list holding it is enabled.
   */
  async signalCards(): Promise<Card[]> {
    const packs = await this.listPacks();
    const enabled = new Set(packs.filter((p) => p.enabled).map((p) => p.packId));
    const docs = await this.cards();
    const found: Card[] = [];
    for (const { doc, card } of docs.values()) {
      if (card && !doc.trashed && enabled.has(doc.pack) && hasSignalRule(card)) found.push(card);
    }
    if (this.listed) {
      for (const [id, { card, pack }] of await this.listed) {
        if (!docs.has(id) && enabled.has(pack) && hasSignalRule(card)) found.push(card);
      }
      return found;
    }
    const lists = packs.filter((p) => (p as ListPackDoc).list) as ListPackDoc[];
    for (const [i, list] of lists.entries()) {
      if (!enabled.has(list.packId)) continue;
      const cards = (await readSignalCards(this.db, list)).filter((card) => !docs.has(card.id));
      // A card of two lists is the first's: an earlier list holding its id hides it.
      const ids = cards.map((card) => card.id);
      const earlier = new Set<string>();
      for (const before of lists.slice(0, i)) for (const id of await idsInList(this.db, before, ids)) earlier.add(id);
      found.push(...cards.filter((card) => !earlier.has(card.id)));
    }
    return found;
  }

  /** Which of `ids` are cards of `listCards` (reading only the list buckets these ids fall in). */
  async linkedIds(ids: readonly string[]): Promise<Set<string>> {
    const packs = await this.listPacks();
    const enabled = new Set(packs.filter((p) => p.enabled).map((p) => p.packId));
    const docs = await this.cards();
    const linked = new Set<string>();
    let rest: string[] = [];
    for (const id of ids) {
      const cached = docs.get(id);
      if (!cached) rest.push(id);
      else if (cached.card && !cached.doc.trashed && enabled.has(cached.doc.pack)) linked.add(id);
    }
    if (rest.length === 0) return linked;
    if (this.listed) {
      const listed = await this.listed;
      for (const id of rest) if (enabled.has(listed.get(id)?.pack ?? '')) linked.add(id);
      return linked;
    }
    for (const list of packs.filter((p) => (p as ListPackDoc).list) as ListPackDoc[]) {
      if (rest.length === 0) break;
      const held = await idsInList(this.db, list, rest);
      if (enabled.has(list.packId)) for (const id of held) linked.add(id);
      rest = rest.filter((id) => !held.has(id));
    }
    return linked;
  }

  /**
   * A token that changes whenever the cards may have: the update sequence of the store's last change to a document
   * that is not of a kind known to leave the cards alone (clips, highlights and notes, signal hits, cases, custody
   * logs, visits). Saving a clip or recording a signal hit keeps it, so the dictionary cached for it stays good.
   * The store's changes are read from where the last call stopped (kept in `_local/cards-revision`).
   */
  revision(): Promise<string> {
    const next = this.revising.catch(() => undefined).then(() => this.readRevision());
    this.revising = next;
    return next;
  }

  private revising: Promise<unknown> = Promise.resolve();

  private async readRevision(): Promise<string> {
    let mark: RevisionMark | null = null;
    try {
      mark = (await this.db.get(REVISION_MARK)) as unknown as RevisionMark;
    } catch {
      // None yet: every change is read once.
    }
    let since: number | string = mark?.checked ?? 0;
    let last = mark?.last ?? '0';
    for (;;) {
      const page = await this.db.changes({ since, limit: CHANGES_PAGE });
      for (const change of page.results) {
        if (!LEAVES_CARDS.some((prefix) => change.id.startsWith(prefix))) last = String(change.seq);
      }
      since = page.last_seq;
      if (page.results.length < CHANGES_PAGE) break;
    }
    if (!mark || String(mark.checked) !== String(since)) {
      const doc = { _id: REVISION_MARK, checked: since, last, ...(mark?._rev ? { _rev: mark._rev } : {}) };
      // A mark not written (another call wrote one first) only means the next call reads a few changes again.
      await this.db.put(doc as unknown as StoredDoc).catch(() => undefined);
    }
    return last;
  }

  /** One card by id (null when absent or deleted). */
  async getCard(id: string): Promise<Card | null> {
    const doc = await this.getCardDoc(id);
    return doc && !doc.trashed ? toCard(doc) : null;
  }

  /** A card's document; a list's card the user has not edited is given as the document an edit starts from. */
  private async getCardDoc(id: string): Promise<CardDoc | null> {
    const doc = (await this.cards()).get(id)?.doc;
    if (doc) return doc;
    const listed = (await this.listedCards([id])).get(id);
    if (!listed) return null;
    const { id: cardId, ...fields } = listed.card;
    return {
      _id: cardDocId(cardId),
      type: 'card',
      schema: STORE_SCHEMA,
      cardId,
      pack: listed.pack,
      edited: false,
      trashed: null,
      updated: null,
      ...fields,
    };
  }

  /**
   * Creates a card (a fresh id is chosen from its name) or saves the user's edit of one; validated whole. An
   * edited card is marked so that no pack upgrade overwrites it.
   */
  async saveCard(input: unknown, create: boolean): Promise<Card> {
    const parsed = v.safeParse(CardSchema, input);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      throw new Error(`${v.getDotPath(issue) ?? 'card'}: ${issue.message}`);
    }
    let card = parsed.output;
    for (let attempt = 0; ; attempt++) {
      const stored = create ? null : await this.getCardDoc(card.id);
      if (!create && (!stored || stored.trashed)) throw new Error(`The card “${card.name}” no longer exists.`);
      if (create) {
        card = { ...card, id: await this.freeId(card.name) };
        await this.ensureUserPack();
      }
      const { id, ...fields } = card;
      const doc: CardDoc = {
        _id: cardDocId(id),
        ...(stored?._rev ? { _rev: stored._rev } : {}),
        type: 'card',
        schema: STORE_SCHEMA,
        cardId: id,
        pack: stored?.pack ?? USER_PACK,
        edited: true,
        trashed: null,
        updated: new Date().toISOString(),
        ...fields,
      };
      try {
        const written = await writing(() => this.db.put(doc));
        await this.wrote([{ ...doc, _rev: written.rev }]);
        return card;
      } catch (error) {
        // Another write of the same card got there first: save over the newer version once.
        if (attempt > 0 || !isConflict(error)) throw error;
      }
    }
  }

  /** Deletes a card so that it can be brought back (`restoreCard`); returns its name. */
  async trashCard(id: string): Promise<string> {
    return this.setTrashed(id, Date.now());
  }

  /** Brings back a deleted card. */
  async restoreCard(id: string): Promise<string> {
    return this.setTrashed(id, null);
  }

  private async setTrashed(id: string, trashed: number | null): Promise<string> {
    const doc = await this.getCardDoc(id);
    if (!doc) throw new Error(`No card with id ${id}`);
    // Deleting a pack's card is an edit of it: the pack's next version does not bring it back.
    const next: CardDoc = { ...doc, trashed, edited: true, updated: new Date().toISOString() };
    const written = await writing(() => this.db.put(next));
    await this.wrote([{ ...next, _rev: written.rev }]);
    return doc.name;
  }

  private async freeId(name: string): Promise<string> {
    const base = slugify(name);
    const taken = await this.cards();
    let id = base;
    for (let n = 2; taken.has(id) || (await this.listedCards([id])).has(id); n++) id = `${base}-${n}`;
    return id;
  }

  private async ensureUserPack(): Promise<void> {
    if (await this.getPack(USER_PACK)) return;
    await writing(() =>
      this.db.put({
        _id: packDocId(USER_PACK),
        type: 'pack',
        schema: STORE_SCHEMA,
        packId: USER_PACK,
        name: 'My cards',
        version: '1.0.0',
        enabled: true,
        builtIn: false,
        cardIds: [],
      } satisfies PackDoc),
    ).catch((error: unknown) => {
      if (!isConflict(error)) throw error;
    });
  }

  /** Every installed pack's record. */
  async listPacks(): Promise<PackDoc[]> {
    const all = await this.db.allDocs({ include_docs: true, startkey: 'pack:', endkey: 'pack:\uffff' });
    return all.rows.flatMap((row) => (row.doc && (row.doc as PackDoc).type === 'pack' ? [row.doc as PackDoc] : []));
  }

  /** The installed version of a pack, or null. */
  async getPack(id: string): Promise<PackDoc | null> {
    try {
      return (await this.db.get(packDocId(id))) as PackDoc;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /** Enables or disables a pack: a disabled pack's cards stay in the library but link nowhere. */
  async setPackEnabled(id: string, enabled: boolean): Promise<void> {
    const pack = await this.getPack(id);
    if (!pack) throw new Error(`No pack with id ${id}`);
    await writing(() => this.db.put({ ...pack, enabled }));
  }

  /** Removes a pack and its cards (those the user edited included); the built-in pack can only be disabled. */
  async removePack(id: string): Promise<number> {
    const pack = await this.getPack(id);
    if (!pack) throw new Error(`No pack with id ${id}`);
    if (pack.builtIn) throw new Error(`“${pack.name}” comes with Dossier: it can be disabled, not removed.`);
    const gone = [...(await this.cards()).values()].flatMap(({ doc }) =>
      doc.pack === id ? [{ ...doc, _deleted: true }] : [],
    );
    const docs = await this.cards();
    const listed = [...(await this.listCardMap())].filter(([cardId, l]) => l.pack === id && !docs.has(cardId)).length;
    const remove = () =>
      writing(async () => {
        // The pack record goes first: cards left behind by an interrupted removal belong to no pack and are removed again.
        await this.db.put({ ...pack, _deleted: true } as PackDoc & { _deleted: boolean });
        await this.db.bulkDocs(gone);
      });
    // A list's buckets: no pack names them once the record is gone, and they are swept (at the next start if cut short).
    await ((pack as ListPackDoc).list ? this.lists.thenSweep(remove) : remove());
    await this.wrote(gone);
    this.listed = null;
    return listed + gone.length;
  }

  /** A pack as it is now in the store (the user's edits included), for export. */
  async exportPack(id: string): Promise<Pack> {
    const pack = await this.getPack(id);
    if (!pack) throw new Error(`No pack with id ${id}`);
    const cards = (await this.listEntries()).filter((e) => e.pack === id).map((e) => e.card);
    return v.parse(PackSchema, {
      format: 'dossier-pack',
      formatVersion: PACK_FORMAT_VERSION,
      id: pack.packId,
      name: pack.name,
      version: pack.version,
      description: pack.description ?? '',
      cards,
    });
  }

  /** Installs a pack whose version is not installed yet (the built-in pack at every start). */
  async installPack(pack: Pack, builtIn = false): Promise<PackReport | null> {
    const existing = await this.getPack(pack.id);
    if (existing && existing.version === pack.version) return null;
    return this.writePack(pack, false, builtIn);
  }

  /**
   * Writes a validated pack: its cards in one bulkDocs, then its pack record, enabled last. A journal holding
   * the pack is written first and removed last, so a write cut short (the worker stopped, the browser closed)
   * is completed at the next start (`ready`). With `keepFields`, what a CSV file cannot carry (signals,
   * implications, related cards, sources, notes, context rules) is kept from the cards already stored. Cards
   * the user edited or deleted are never overwritten.
   */
  async writePack(pack: Pack, keepFields: boolean, builtIn = false): Promise<PackReport> {
    // Merged (and each card checked against the limits) before anything is written: a refused pack leaves no journal.
    const merged = await this.merge(pack, keepFields);
    const journal = await this.db.get(JOURNAL).catch(() => null);
    // A list written over card by card: its buckets are no longer named, and are swept once it is written.
    const overList = ((await this.getPack(pack.id)) as ListPackDoc | null)?.list !== undefined;
    const write = () =>
      writing(async () => {
        await this.db.put({
          _id: JOURNAL,
          ...(journal ? { _rev: journal._rev } : {}),
          type: 'journal',
          schema: STORE_SCHEMA,
          // One string rather than 10,000 objects: much faster for IndexedDB to store.
          pack: JSON.stringify(pack),
          keepFields,
          builtIn,
        } as StoredDoc);
        const report = await this.applyPack(pack, builtIn, merged);
        await this.db.remove(await this.db.get(JOURNAL));
        return report;
      });
    return overList ? this.lists.thenSweep(write) : write();
  }

  /** Completes a pack write that was cut short; true when there was one. */
  async resumeWrite(): Promise<boolean> {
    const journal = (await this.db.get(JOURNAL).catch(() => null)) as
      | (StoredDoc & { pack?: unknown; keepFields?: boolean; builtIn?: boolean })
      | null;
    if (!journal) return false;
    let pack: unknown = journal.pack;
    try {
      if (typeof pack === 'string') pack = JSON.parse(pack);
    } catch {
      pack = null;
    }
    const parsed = v.safeParse(PackSchema, pack);
    // A journal a pack write would now refuse (a card past the limits) is dropped, never a start that fails.
    const merged = parsed.success
      ? await this.merge(parsed.output, journal.keepFields === true).catch(() => null)
      : null;
    if (parsed.success && merged) await this.applyPack(parsed.output, journal.builtIn === true, merged);
    await this.db.remove(journal as PouchDB.Core.RemoveDocument);
    return merged !== null;
  }

  /**
   * Writes card documents in chunks. Cards that are new to the store are written as first revisions of our own
   * making (`new_edits: false`, as replication writes them), which skips PouchDB's revision bookkeeping: about a
   * third faster for a first import. The revision ids are random, so a card written, deleted and imported again
   * never meets its old revision.
   */
  private async bulkWrite(docs: CardDoc[], cards: Card[], packName: string): Promise<void> {
    const fail = (failed: Array<{ name?: string; message?: string }>) => {
      const first = failed[0]!;
      return Object.assign(new Error(`Could not store ${failed.length} cards of pack ${packName}: ${first.message}`), {
        name: first.name,
      });
    };
    for (let i = 0; i < docs.length; i += 2000) {
      const chunk = docs.slice(i, i + 2000);
      const fresh = chunk.flatMap((doc, j) =>
        doc._rev ? [] : [{ doc: { ...doc, _rev: firstRevision() }, card: cards[i + j]! }],
      );
      const updates = chunk.flatMap((doc, j) => (doc._rev ? [{ doc, card: cards[i + j]! }] : []));
      if (fresh.length > 0) {
        // With new_edits: false PouchDB answers only with the documents it could not store.
        const failed = (await this.db.bulkDocs(
          fresh.map((f) => f.doc),
          { new_edits: false },
        )) as Array<{ error?: unknown; name?: string; message?: string }>;
        if (failed.some((r) => r.error)) throw fail(failed.filter((r) => r.error));
        await this.wrote(
          fresh.map((f) => f.doc),
          fresh.map((f) => f.card),
        );
      }
      if (updates.length > 0) {
        const results = await this.db.bulkDocs(updates.map((u) => u.doc));
        const done = updates.flatMap((u, j) => {
          const result = results[j];
          return result && 'ok' in result && result.ok ? [{ doc: { ...u.doc, _rev: result.rev }, card: u.card }] : [];
        });
        await this.wrote(
          done.map((d) => d.doc),
          done.map((d) => d.card),
        );
        const failed = results.filter((r) => 'error' in r && r.error) as Array<{ name?: string; message?: string }>;
        if (failed.length > 0) throw fail(failed);
      }
    }
  }

  /** The documents a pack write brings (see `mergePack`); throws when a card breaks the limits. */
  private async merge(pack: Pack, keepFields: boolean): Promise<ReturnType<typeof mergePack>> {
    const current = await this.cards();
    return mergePack(pack, (id) => current.get(id)?.doc, keepFields);
  }

  private async applyPack(
    pack: Pack,
    builtIn: boolean,
    { report, docs, cards }: ReturnType<typeof mergePack>,
  ): Promise<PackReport> {
    await this.bulkWrite(docs, cards, pack.name);
    const existing = await this.getPack(pack.id);
    await this.db.put({
      _id: packDocId(pack.id),
      ...(existing?._rev ? { _rev: existing._rev } : {}),
      type: 'pack',
      schema: STORE_SCHEMA,
      packId: pack.id,
      name: pack.name,
      version: pack.version,
      description: pack.description,
      enabled: existing?.enabled ?? true,
      builtIn: builtIn || existing?.builtIn === true,
      cardIds: pack.cards.map((c) => c.id),
    } satisfies PackDoc);
    // A list imported card by card from now on: its buckets are no longer named (and swept, see writePack).
    this.listed = null;
    return report;
  }
}
