import Fuse, { type IFuseOptions } from 'fuse.js';
import type { LibraryItem } from '../../messaging/protocol';

/** What the library is narrowed to: a search and three filters ('' for any). */
export interface LibraryFilters {
  query: string;
  kind: string;
  tag: string;
  pack: string;
}

const OPTIONS: IFuseOptions<LibraryItem> = {
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

/** A search index over the library, built once per list of cards. */
export function indexLibrary(items: readonly LibraryItem[]): Fuse<LibraryItem> {
  return new Fuse(items, OPTIONS);
}

/** The cards that match: ranked by the search when there is one, else by name; then filtered. */
export function searchLibrary(
  index: Fuse<LibraryItem>,
  items: readonly LibraryItem[],
  filters: LibraryFilters,
): LibraryItem[] {
  const query = filters.query.trim();
  const ranked = query
    ? index.search(query).map((result) => result.item)
    : [...items].sort((a, b) => a.card.name.localeCompare(b.card.name));
  return ranked.filter(
    (item) =>
      (!filters.kind || item.card.kind === filters.kind) &&
      (!filters.tag || item.card.tags.includes(filters.tag)) &&
      (!filters.pack || item.packId === filters.pack),
  );
}

/** The choices of the kind, tag and pack filters, sorted. */
export function filterChoices(items: readonly LibraryItem[]) {
  const kinds = new Set<string>();
  const tags = new Set<string>();
  const packs = new Map<string, string>();
  for (const item of items) {
    kinds.add(item.card.kind);
    for (const tag of item.card.tags) tags.add(tag);
    packs.set(item.packId, item.packName);
  }
  const sorted = (values: Iterable<string>) => [...values].sort((a, b) => a.localeCompare(b));
  return {
    kinds: sorted(kinds),
    tags: sorted(tags),
    packs: [...packs].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}
