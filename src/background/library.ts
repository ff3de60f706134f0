import * as v from 'valibot';
import {
  type CompiledSignals,
  cardsByName,
  cardsNamed,
  cardsWithNames,
  compileDictionary,
  compileSignals,
  type Dictionary,
  firstNaming,
  nameKey,
  namesOf,
  scan,
  searchNames,
  serializeDictionary,
  stringAt,
  termKeys,
} from '../engine';
import type { PackSummary } from '../messaging/protocol';
import type { RestoreReport } from '../model/backup';
import { type Card, hasSignalRule, isTopic, MAX_NAME, type SignalRule, slugify, toEntry } from '../model/card';
import { type CardSummary, type Mention, mentionsIn } from '../model/mention';
import { BUILT_IN_PACK_ID, type ListReport, type Pack, type PackReport, PackSchema, USER_PACK_ID } from '../model/pack';
import { parseImportedPack } from '../model/pack-io';
import defaultPackJson from '../packs/default-pack.json';
import { exportAll, restoreAll, resumeRestore, wipeAll } from '../store/backup';
import type { LibraryEntry } from '../store/card-docs';
import { CardStore } from '../store/cards';
import type { CardLookup } from './cache-format';
import { DictionaryCache } from './dictionary-cache';

/** Cards from elsewhere (the joined teams'), and a revision that changes with them. */
export interface ExtraCards {
  revision: string;
  cards: Card[];
  /** The ids of the user's own cards that these cards replace. */
  replacing?: readonly string[];
}

interface Loaded {
  dictionary: Dictionary;
  /** What a page needs of each card; full cards are read from the store when asked for. */
  cards: CardLookup;
  /** The dictionary serialised for pages (kept once made where pages may get it). */
  serialised: () => string;
}

/**
 * Largest serialised dictionary handed to pages, which then match their text themselves (no round trip to this
 * worker per annotation). Every frame that matches keeps a copy: at this size (about 4,000 names and aliases)
 * loading it is a task of about 5 ms in the page and its tables take under 1 MB there. A larger dictionary
 * (a watchlist of 100,000 or 1,000,000 names) stays in the worker alone, and pages send it their text.
 */
export const PAGE_DICTIONARY_MAX = 512 * 1024;
/** A dictionary of more forms than this is far over PAGE_DICTIONARY_MAX: it is not even serialised for pages. */
const PAGE_DICTIONARY_MAX_FORMS = 20_000;

/** Whether a dictionary may be small enough for pages (its serialised size decides). */
function forPages(dictionary: Dictionary): boolean {
  return dictionary.formCount <= PAGE_DICTIONARY_MAX_FORMS;
}

/** Calls `make` once, when first asked, and keeps its value. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}

/** What a content script needs of a card. */
export function toSummary(card: Card): CardSummary {
  return { id: card.id, name: card.name, kind: card.kind, topic: isTopic(card) };
}

/**
 * The background's card library: owns the store and the compiled dictionary. Loaded lazily on the first
 * message after the service worker wakes, so a wake-up costs nothing until a page asks.
 */
export class Library {
  /** The private card store (an in-memory one in tests), and the compiled dictionary's cache for the next wake-up. */
  constructor(
    private readonly store = new CardStore(),
    private readonly cache = new DictionaryCache(),
  ) {}

  private loaded: Promise<Loaded> | null = null;
  private cacheTimer: ReturnType<typeof setTimeout> | null = null;
  private cachedOnce = false;
  /**
   * Cards from elsewhere (the joined teams'), linked too; the user's own card wins when both have an id, unless
   * the provider says it `replaces` it (a card the user shared is co-edited in the team: the team's copy is it).
   */
  private extra: () => Promise<ExtraCards> = async () => ({ revision: '', cards: [] });

  /** Links the cards `provider` gives besides the store's (the teams'); `invalidate` when they change. */
  setExtraCards(provider: () => Promise<ExtraCards>): void {
    this.extra = provider;
    this.loaded = null;
  }

  /** Forgets the compiled dictionary (cards from elsewhere changed). */
  invalidate(): void {
    this.loaded = null;
  }

  private installing: Promise<void> | null = null;

  /** Installs the built-in pack when its version is not in the store yet (once per wake-up, however often asked). */
  installDefaultPack(): Promise<void> {
    this.installing ??= (async () => {
      // Older documents are migrated and an import cut short by a stopped worker is completed before anything
      // reads the cards.
      await resumeRestore(this.store.db);
      await this.store.ready();
      const parsed = v.safeParse(PackSchema, defaultPackJson);
      if (!parsed.success) throw new Error(`The built-in pack is invalid: ${v.summarize(parsed.issues)}`);
      if (await this.store.installPack(parsed.output, true)) this.loaded = null;
    })().catch((error: unknown) => {
      this.installing = null;
      throw error;
    });
    return this.installing;
  }

  private load(): Promise<Loaded> {
    this.loaded ??= (async () => {
      // The store is checked (and the built-in pack installed) while the cache is read; the teams' cards are read
      // once: for the revision, and for the list when nothing is cached.
      const checked = (async () => {
        await this.installDefaultPack();
        const extra = await this.extra();
        return { extra, revision: `${await this.store.revision()}|${extra.revision}` };
      })();
      const cached = await this.cache.read(checked.then((c) => c.revision));
      const { extra, revision } = await checked;
      if (cached) return { ...cached, serialised: forPagesOnce(cached.dictionary) };
      const list = await this.linkedCards(extra);
      const compiled = compileDictionary(list.map(toEntry));
      const cards = list.map(toSummary);
      this.cacheLater(() => this.cache.write(revision, compiled, cards));
      return { dictionary: compiled, cards: new Map(cards.map((c) => [c.id, c])), serialised: forPagesOnce(compiled) };
    })().catch((error: unknown) => {
      this.loaded = null;
      throw error;
    });
    return this.loaded;
  }

  /**
   * Caches a compiled dictionary for the next wake-up once the pages have their answers. Serialising and
   * storing it takes a while at 10,000 cards, so when the cards keep changing (a team's first sync, a teammate
   * editing) only the last of a burst is stored, 2 s after it; the worker's first is stored at once.
   */
  private cacheLater(write: () => Promise<void>): void {
    if (this.cacheTimer) clearTimeout(this.cacheTimer);
    const delay = this.cachedOnce ? 2000 : 0;
    this.cachedOnce = true;
    this.cacheTimer = setTimeout(() => {
      this.cacheTimer = null;
      void write();
    }, delay);
  }

  /** Imports a pack file (JSON or CSV), validated whole before anything is written; reports what changed. */
  async importPack(fileName: string, text: string): Promise<PackReport> {
    const parsed = parseImportedPack(fileName, text);
    if (!parsed.ok) throw new Error(`${fileName}: ${parsed.error}`);
    await this.installDefaultPack();
    const report = await this.store.writePack(parsed.value, /\.csv$/i.test(fileName));
    this.loaded = null;
    return report;
  }

  /** Starts a list import (see store/lists.ts); Dossier's own packs' ids are refused. */
  async beginList(meta: { packId: string; name: string; version?: string; description?: string; source: string }) {
    await this.installDefaultPack();
    if (meta.packId === BUILT_IN_PACK_ID || meta.packId === USER_PACK_ID) {
      const rename = /\.json$/i.test(meta.source) ? 'give the pack another id' : 'give the file another name';
      throw new Error(`${meta.source}: the pack id "${meta.packId}" belongs to Dossier's own cards; ${rename}`);
    }
    return this.store.lists.begin({ ...meta, version: meta.version ?? '1.0.0' });
  }

  /** Stages buckets of a list import; resolves to how many it staged. */
  async stageList(importId: string, buckets: ReadonlyArray<{ bucket: number; cards: string }>): Promise<number> {
    try {
      await this.store.lists.stage(importId, buckets);
    } catch (error) {
      // A refused bucket ends the import: what it staged is deleted, the pack is as it was.
      await this.store.lists.cancel(importId);
      throw error;
    }
    return buckets.length;
  }

  /** Switches a list's pack to what was staged; reports what changed. */
  async commitList(importId: string, buckets: ReadonlyArray<{ bucket: number; digest: string }>): Promise<ListReport> {
    return this.changed(await this.store.commitList(importId, buckets));
  }

  /** Abandons a list import; the store is as it was. */
  async cancelList(importId: string): Promise<boolean> {
    await this.store.lists.cancel(importId);
    return true;
  }

  /** The installed packs. */
  async listPacks(): Promise<PackSummary[]> {
    await this.installDefaultPack();
    const counts = await this.store.countEntries();
    return (await this.store.listPacks()).map((p) => ({
      packId: p.packId,
      name: p.name,
      version: p.version,
      enabled: p.enabled,
      builtIn: p.builtIn === true,
      cards: counts.get(p.packId) ?? 0,
    }));
  }

  /** The cards that link on pages: the store's and the teams' (the user's own card wins over a team's of its id). */
  private async linkedCards(extra: ExtraCards): Promise<Card[]> {
    const replaced = new Set(extra.replacing);
    const own = (await this.store.listCards()).filter((c) => !replaced.has(c.id));
    const ids = new Set(own.map((c) => c.id));
    return [...own, ...extra.cards.filter((c) => !ids.has(c.id))];
  }

  private compiledSignals: { of: Promise<Loaded>; signals: Promise<CompiledSignals> } | null = null;

  /**
   * The linked cards that carry a watch-signal rule, in the order `linkedCards` gives them: the store reads only
   * what may hold one (never a whole list of a million names), and a team's card is checked against the store's
   * cards of its id alone.
   */
  private async signalCards(extra: ExtraCards): Promise<Card[]> {
    const replaced = new Set(extra.replacing);
    const own = (await this.store.signalCards()).filter((c) => !replaced.has(c.id));
    const theirs = extra.cards.filter(hasSignalRule);
    const ownIds = await this.store.linkedIds(theirs.filter((c) => !replaced.has(c.id)).map((c) => c.id));
    return [...own, ...theirs.filter((c) => !ownIds.has(c.id))];
  }

  /**
   * The watch-signal rules of the linked cards, compiled again whenever the dictionary is. A term names a card of
   * the dictionary (every linked card's id, name and aliases, in the order of `linkedCards`).
   */
  signals(): Promise<CompiledSignals> {
    const loaded = this.load();
    if (this.compiledSignals?.of !== loaded) {
      const signals = loaded.then(async ({ dictionary }) => {
        const cards = await this.signalCards(await this.extra());
        const named = await namedInParts(dictionary, termKeys(cards));
        return compileSignals(cards, () => named);
      });
      this.compiledSignals = { of: loaded, signals };
      signals.catch(() => {
        if (this.compiledSignals?.signals === signals) this.compiledSignals = null;
      });
    }
    return this.compiledSignals.signals;
  }

  /**
   * A rule of the card editor's, compiled as the watch would compile it (for its preview on the clips): the card
   * `cardId` (a new one when absent) named `name` carrying it, its terms naming the linked cards.
   */
  async previewSignal(cardId: string | undefined, name: string, rule: SignalRule): Promise<CompiledSignals> {
    const { dictionary } = await this.load();
    const self = cardId && (await this.store.linkedIds([cardId])).has(cardId) ? await this.store.getCard(cardId) : null;
    const previewed = { id: cardId ?? 'new-card', name, aliases: self?.aliases ?? [], signals: [{ text: name, rule }] };
    // The edited card is named by what the editor holds, not by what is stored.
    return compileSignals([previewed], (keys) => {
      const found = cardsNamed(dictionary, keys, cardId);
      for (const [key, id] of namesOf([previewed])(keys)) if (!found.has(key)) found.set(key, id);
      return found;
    });
  }

  /** Finds the mentions of tracked cards in a page's text. */
  async match(text: string): Promise<{ mentions: Mention[]; cards: CardSummary[] }> {
    const { dictionary, cards } = await this.load();
    return mentionsIn(text, scan(dictionary, text), cards);
  }

  /**
   * The compiled dictionary, serialised, and the cards it names, for a page to match its own text; null when
   * the dictionary is over PAGE_DICTIONARY_MAX (the page then sends its text to `match`).
   */
  async pageDictionary(): Promise<{ dictionary: string; cards: CardSummary[] } | null> {
    const loaded = await this.load();
    if (!forPages(loaded.dictionary)) return null;
    const dictionary = loaded.serialised();
    return dictionary.length > PAGE_DICTIONARY_MAX ? null : { dictionary, cards: [...loaded.cards.values()] };
  }

  /** One card, or an error naming the missing id. */
  async getCard(id: string): Promise<Card> {
    await this.installDefaultPack();
    const card = (await this.store.getCard(id)) ?? (await this.extra()).cards.find((c) => c.id === id);
    if (!card) throw new Error(`No card with id ${id}`);
    return card;
  }

  /** The user's own card (the private store's, not a team's), or null when they have none of this id. */
  async ownCard(id: string): Promise<Card | null> {
    await this.installDefaultPack();
    return this.store.getCard(id);
  }

  /**
   * The library's cards but the lists' (which the side panel searches with `searchLists`), and the lists: the card
   * documents alone, no list read whole.
   */
  async entriesBesideLists(): Promise<{ entries: LibraryEntry[]; lists: Set<string> }> {
    await this.installDefaultPack();
    const [entries, lists] = await Promise.all([this.store.entriesBesideLists(), this.store.listPackIds()]);
    return { entries, lists };
  }

  /**
   * The enabled lists' cards whose name or an alias holds `query` at the start of a word, found in the compiled
   * dictionary (see `searchNames`) and read by id from their buckets: `limit` of them from `offset`, best ranked
   * first (by name within a rank), with how many match in all. `keep` narrows the page read (a kind, tag or pack
   * filter): `matched` counts the cards the names match, before it.
   */
  async searchLists(
    query: string,
    page: { offset: number; limit: number },
    keep: (entry: LibraryEntry) => boolean = () => true,
  ): Promise<{ entries: LibraryEntry[]; matched: number; read: number }> {
    const { dictionary } = await this.load();
    const [beside, lists, extra] = await Promise.all([
      this.store.idsBesideLists(),
      this.store.listPackIds(),
      this.extra(),
    ]);
    if (lists.size === 0) return { entries: [], matched: 0, read: 0 };
    // The dictionary holds every linked card: those of packs that are not lists and the teams' are not the lists'.
    for (const card of extra.cards) beside.add(card.id);
    const { byRank } = searchNames(dictionary, query);
    const rankOf = new Map<string, number>();
    const ids: string[] = [];
    let matched = 0;
    byRank.forEach((entries, rank) => {
      for (const entry of entries) {
        const id = stringAt(dictionary.entryIds, entry);
        if (beside.has(id)) continue;
        if (matched >= page.offset && ids.length < page.limit) {
          ids.push(id);
          rankOf.set(id, rank);
        }
        matched++;
      }
    });
    const names = new Intl.Collator(undefined, { sensitivity: 'base' });
    const read = (await this.store.entriesOf(ids)).filter((entry) => lists.has(entry.pack));
    const entries = read
      .filter(keep)
      .sort((a, b) => rankOf.get(a.card.id)! - rankOf.get(b.card.id)! || names.compare(a.card.name, b.card.name));
    return { entries, matched, read: read.length };
  }

  /** Every card of the library (deleted ones aside), with its pack. */
  async listEntries(): Promise<LibraryEntry[]> {
    await this.installDefaultPack();
    return this.store.listEntries();
  }

  /** The cards of these ids (deleted ones aside; a teammate's not), without reading a list whole. */
  async someCards(ids: readonly string[]): Promise<Card[]> {
    await this.installDefaultPack();
    return (await this.store.entriesOf(ids)).map((entry) => entry.card);
  }

  /**
   * The user's own cards (deleted ones aside) with a name or alias in `names` once `fold`ed, in the order of
   * `listEntries`: the card documents (of any pack), and the lists' cards the compiled dictionary names so, read by
   * id, never a list whole. A disabled list's cards link nowhere and are not in the dictionary: they are not found.
   */
  async ownCardsNamed(names: readonly string[], fold = (name: string) => name.toLowerCase()): Promise<Card[]> {
    const wanted = new Set(names.map(fold));
    if (wanted.size === 0) return [];
    const { dictionary } = await this.load();
    // The dictionary's names compare by their folded words, letter case and diacritics aside: a few more than asked.
    const ids = new Set(await this.store.docIdsNamed(wanted, fold));
    for (const id of cardsWithNames(dictionary, new Set(names.map(nameKey)))) ids.add(id);
    return (await this.someCards([...ids])).filter((card) =>
      [card.name, ...card.aliases].some((text) => wanted.has(fold(text))),
    );
  }

  /** Creates a card or saves the user's edit of one; the dictionary is compiled again. */
  async saveCard(card: unknown, create: boolean): Promise<Card> {
    await this.installDefaultPack();
    return this.changed(await this.store.saveCard(card, create));
  }

  /** Deletes a card (undone with `restoreCard`). */
  async trashCard(id: string): Promise<{ name: string }> {
    await this.installDefaultPack();
    return this.changed({ name: await this.store.trashCard(id) });
  }

  /** Brings back a deleted card. */
  async restoreCard(id: string): Promise<{ name: string }> {
    await this.installDefaultPack();
    return this.changed({ name: await this.store.restoreCard(id) });
  }

  /** Enables or disables a pack. */
  async setPackEnabled(packId: string, enabled: boolean): Promise<void> {
    await this.installDefaultPack();
    await this.store.setPackEnabled(packId, enabled);
    this.changed(null);
  }

  /** Removes a pack and its cards; resolves to how many cards went. */
  async removePack(packId: string): Promise<number> {
    await this.installDefaultPack();
    return this.changed(await this.store.removePack(packId));
  }

  /** A pack as stored now, for export. */
  async exportPack(packId: string): Promise<Pack> {
    await this.installDefaultPack();
    return this.store.exportPack(packId);
  }

  /**
   * "Track in Dossier" on a selection: the card that already has this name or alias, else a new card named by
   * the selection (a topic when it is lower case, like a keyword; else an entity the user can then describe).
   */
  async track(selection: string): Promise<{ card: Card; created: boolean }> {
    const name = selection.replace(/\s+/g, ' ').trim();
    if (!name) throw new Error('Select the words to track first.');
    if (name.length > MAX_NAME) throw new Error(`A card's name is at most ${MAX_NAME} characters; select fewer words.`);
    const [existing] = await this.ownCardsNamed([name], (text) => text.toLocaleLowerCase());
    if (existing) return { card: existing, created: false };
    const kind = name === name.toLocaleLowerCase() ? 'topic' : 'entity';
    return { card: await this.saveCard({ id: slugify(name), name, kind }, true), created: true };
  }

  /** Every document of the store, as a backup file. */
  async exportAll(): Promise<string> {
    await this.installDefaultPack();
    return exportAll(this.store.db);
  }

  /** Replaces the whole store with a backup (validated whole first). */
  async restore(text: string): Promise<RestoreReport> {
    await this.installDefaultPack();
    // A backup taken while a list was being imported holds buckets no pack names: they are swept.
    const report = await this.store.lists.thenSweep(() => restoreAll(this.store.db, text));
    this.reset();
    return report;
  }

  /** Deletes every card, pack and setting; the built-in pack is installed again, fresh. */
  async wipe(): Promise<void> {
    await this.installDefaultPack();
    await wipeAll(this.store.db);
    this.reset();
    await this.installDefaultPack();
  }

  private reset(): void {
    this.store.forget();
    this.loaded = null;
    this.installing = null;
    // The cached dictionary holds the names of the cards that were there before.
    void this.cache.clear();
  }

  /** Forgets the compiled dictionary after the cards changed; passes `value` through. */
  private changed<T>(value: T): T {
    this.loaded = null;
    return value;
  }

  /**
   * The ids of the linked cards named so (letter case aside), for linking a card's related names: found in the
   * compiled dictionary (a team's card among them), never by reading a list whole.
   */
  async idsByName(names: readonly string[]): Promise<Array<{ name: string; id: string }>> {
    const { dictionary } = await this.load();
    const wanted = new Map(names.map((name) => [name.toLowerCase(), name]));
    return [...cardsByName(dictionary, new Set(wanted.keys()))].map(([key, id]) => ({ name: wanted.get(key)!, id }));
  }

  /** Every card. */
  async listCards(): Promise<Card[]> {
    await this.installDefaultPack();
    return this.store.listCards();
  }
}

/** Cards of the dictionary looked up at a time by `namedInParts` (a sixth of a 300,000-card list). */
const NAMING_PART = 50_000;

/**
 * The card each key names in the dictionary (see `cardsNamed`), looked up in parts with a pause between them: a
 * page's match that arrives meanwhile is not kept waiting for the whole pass.
 */
async function namedInParts(dictionary: Dictionary, keys: ReadonlySet<string>): Promise<Map<string, string>> {
  const first = new Map<string, number>();
  for (let from = 0; from < dictionary.entryCount && keys.size > 0; from += NAMING_PART) {
    if (from > 0) await new Promise((next) => setTimeout(next, 0));
    for (const [key, entry] of firstNaming(dictionary, keys, undefined, from, from + NAMING_PART)) {
      if (!first.has(key)) first.set(key, entry);
    }
  }
  return new Map([...first].map(([key, entry]) => [key, stringAt(dictionary.entryIds, entry)]));
}

/** The dictionary serialised for pages: made once and kept where pages may get it, never kept for a big one. */
function forPagesOnce(dictionary: Dictionary): () => string {
  const serialise = () => serializeDictionary(dictionary);
  return forPages(dictionary) ? once(serialise) : serialise;
}
