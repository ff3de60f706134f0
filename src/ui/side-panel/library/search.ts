import Fuse, { type IFuseOptions } from 'fuse.js';
import type { LibraryItem } from '../../../messaging/protocol';

/*
 * The library's search. fuse.js ranks, typo-tolerant, over names, aliases, tags and summaries; but fuse.js
 * compares the query with every record (about 60 ms per query at 10,000 cards), so a letter-pair index first
 * narrows the library to the cards that share enough of the query's letter pairs (a typo keeps most of them)
 * and those whose summary contains the query, and fuse.js ranks only those.
 */

/** What the library is narrowed to: a search and three filters ('' for any). */
export interface LibraryFilters {
  query: string;
  kind: string;
  tag: string;
  pack: string;
}

/** How fuse.js ranks the library (also what the tests compare the narrowed search with). */
export const FUSE_OPTIONS: IFuseOptions<LibraryItem> = {
  // Names weigh most, then aliases, tags and the summary; a typo or two still finds the card.
  keys: [
    { name: 'card.name', weight: 4 },
    { name: 'card.aliases', weight: 3 },
    { name: 'card.tags', weight: 2 },
    { name: 'card.summary', weight: 1 },
  ],
  threshold: 0.34,
  ignoreLocation: true,
  ignoreDiacritics: true,
  minMatchCharLength: 2,
};

/** The order of names (much faster than localeCompare at 10,000 cards). */
const byName = new Intl.Collator(undefined, { sensitivity: 'base' });

/** Most cards handed to fuse.js for one query. */
const MAX_CANDIDATES = 400;
/** Share of the query's letter pairs a card's names must hold to be a candidate. */
const MIN_SHARED = 0.5;

/** Lower case, without diacritics, spaces collapsed. */
function fold(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The letter pairs of a folded string, padded so that first and last letters count. */
function pairs(folded: string): Set<string> {
  const padded = ` ${folded} `;
  const out = new Set<string>();
  for (let i = 0; i + 2 <= padded.length; i++) out.add(padded.slice(i, i + 2));
  return out;
}

/** The library's search index, built once per list of cards. */
export interface LibraryIndex {
  items: readonly LibraryItem[];
  /** Letter pair → the cards whose name, aliases or tags hold it (built at the first search). */
  postings: Map<string, number[]> | null;
  /** Each card's folded summary. */
  summaries: string[];
  /** The cards by name, for an empty query. */
  byName: readonly LibraryItem[];
}

/** Indexes the library's letter pairs. */
function buildPostings(items: readonly LibraryItem[]): Map<string, number[]> {
  const postings = new Map<string, number[]>();
  items.forEach((item, i) => {
    const seen = new Set<string>();
    for (const text of [item.card.name, ...item.card.aliases, ...item.card.tags]) {
      for (const pair of pairs(fold(text))) seen.add(pair);
    }
    for (const pair of seen) {
      const list = postings.get(pair);
      if (list) list.push(i);
      else postings.set(pair, [i]);
    }
  });
  return postings;
}

/** The search index over the library; what only a search needs is built at the first search. */
export function indexLibrary(items: readonly LibraryItem[]): LibraryIndex {
  return {
    items,
    postings: null,
    summaries: [],
    byName: [...items].sort((a, b) => byName.compare(a.card.name, b.card.name)),
  };
}

/** The cards worth ranking for a query: enough shared letter pairs, or the query in the summary. */
function candidates(index: LibraryIndex, query: string): LibraryItem[] {
  if (!index.postings) {
    index.postings = buildPostings(index.items);
    index.summaries = index.items.map((item) => fold(item.card.summary));
  }
  const postings = index.postings;
  const wanted = pairs(query);
  const counts = new Uint16Array(index.items.length);
  for (const pair of wanted) for (const i of postings.get(pair) ?? []) counts[i]!++;
  const needed = Math.max(1, Math.ceil(wanted.size * MIN_SHARED));
  const picked: number[] = [];
  for (let i = 0; i < counts.length; i++) if (counts[i]! >= needed) picked.push(i);
  picked.sort((a, b) => counts[b]! - counts[a]!);
  const chosen = new Set(picked.slice(0, MAX_CANDIDATES));
  if (query.length >= 3) {
    for (let i = 0; i < index.summaries.length && chosen.size < MAX_CANDIDATES * 2; i++) {
      if (index.summaries[i]!.includes(query)) chosen.add(i);
    }
  }
  // In library order, so that fuse.js breaks ties as it would over the whole library.
  return [...chosen].sort((a, b) => a - b).map((i) => index.items[i]!);
}

/** The cards that match: ranked by the search when there is one, else by name; then filtered. */
export function searchLibrary(index: LibraryIndex, filters: LibraryFilters): LibraryItem[] {
  const query = fold(filters.query);
  const ranked = query
    ? new Fuse(candidates(index, query), FUSE_OPTIONS).search(query).map((result) => result.item)
    : index.byName;
  return ranked.filter(
    (item) =>
      (!filters.kind || item.card.kind === filters.kind) &&
      (!filters.tag || item.card.tags.includes(filters.tag)) &&
      (!filters.pack || item.packId === filters.pack),
  );
}

/** The choices of the kind, tag and pack filters, sorted. */
export function filterChoices(items: readonly LibraryItem[], lists: readonly { packId: string; name: string }[] = []) {
  const kinds = new Set<string>();
  const tags = new Set<string>();
  const packs = new Map<string, string>();
  for (const item of items) {
    kinds.add(item.card.kind);
    for (const tag of item.card.tags) tags.add(tag);
    packs.set(item.packId, item.packName);
  }
  for (const list of lists) packs.set(list.packId, list.name);
  const sorted = (values: Iterable<string>) => [...values].sort((a, b) => a.localeCompare(b));
  return {
    kinds: sorted(kinds),
    tags: sorted(tags),
    packs: [...packs].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}
