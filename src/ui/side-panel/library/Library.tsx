import { useEffect, useMemo, useState } from 'preact/hooks';
import { sendToBackground } from '../../../messaging/client';
import type { LibraryItem, LibraryListPack, ListSearch } from '../../../messaging/protocol';
import { FilterSelect } from '../FilterSelect';
import { filterChoices, indexLibrary, type LibraryFilters, searchLibrary } from './search';

/** Most results drawn at once; a longer list asks for a narrower search. */
const SHOWN = 200;
/** The lists' cards the background sends at once (its LIST_SEARCH_PAGE). */
const LIST_SEARCH_PAGE = 200;

interface Props {
  items: readonly LibraryItem[] | null;
  /** The lists, whose cards are searched in the background (a page of them at a time), not held here. */
  lists: readonly LibraryListPack[];
  onOpen: (id: string) => void;
}

/** Moves focus between the results with the arrow keys (and back to the search from the first one). */
function onResultKey(event: KeyboardEvent) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const list = (event.currentTarget as HTMLElement).closest('section')?.querySelectorAll<HTMLElement>('.result');
  if (!list?.length) return;
  const items = [...list];
  const at = items.indexOf(event.target as HTMLElement);
  event.preventDefault();
  if (event.key === 'ArrowDown') items[Math.min(at + 1, items.length - 1)]?.focus();
  else if (at <= 0)
    (event.currentTarget as HTMLElement).closest('section')?.querySelector<HTMLElement>('#library-search')?.focus();
  else items[at - 1]?.focus();
}

/** Shortest search sent to the lists (one letter would match most of a list). */
const LIST_QUERY_MIN = 2;
/** Pause after a keystroke before the lists are searched. */
const LIST_SEARCH_DELAY = 150;

const count = (n: number) => n.toLocaleString('en');

/**
 * The lists' cards matching the search: a page of them from the background, searched again (after a pause)
 * whenever the search, the filters, the page or the lists change; null while there is nothing to search.
 */
function useListSearch(lists: readonly LibraryListPack[], filters: LibraryFilters, offset: number) {
  const [found, setFound] = useState<{ search: ListSearch; offset: number } | null>(null);
  const query = filters.query.trim();
  const searchable = lists.some((list) => list.enabled && (!filters.pack || list.packId === filters.pack));
  useEffect(() => {
    setFound(null);
    if (!searchable || query.length < LIST_QUERY_MIN) return;
    let live = true;
    const timer = setTimeout(() => {
      const { kind, tag, pack } = filters;
      void sendToBackground('library.search', { query, offset, kind, tag, pack }).then((result) => {
        if (live && result.ok) setFound({ search: result.value, offset });
      });
    }, LIST_SEARCH_DELAY);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [lists, query, filters.kind, filters.tag, filters.pack, offset, searchable]);
  return found;
}

/** What the status line says of the lists' cards. */
function listStatus(
  lists: readonly LibraryListPack[],
  filters: LibraryFilters,
  found: { search: ListSearch; offset: number } | null,
): string {
  const enabled = lists.filter((list) => list.enabled && (!filters.pack || list.packId === filters.pack));
  if (enabled.length === 0) return '';
  if (filters.query.trim().length < LIST_QUERY_MIN) {
    const cards = enabled.reduce((sum, list) => sum + list.cards, 0);
    const names = enabled.map((list) => `“${list.name}”`).join(', ');
    return ` Type a name to search the ${count(cards)} cards of ${names}.`;
  }
  if (!found) return ' Searching the lists…';
  const { search, offset } = found;
  if (search.matched === 0) return ' No card of the lists has a name or alias starting so.';
  const last = offset + search.read;
  const shown = search.matched > search.read || offset > 0 ? ` (${count(offset + 1)}–${count(last)} read)` : '';
  const narrowed =
    (filters.kind || filters.tag || filters.pack) && search.items.length < search.read
      ? `; the kind, tag and pack filters keep ${count(search.items.length)} of the ${count(search.read)} read`
      : '';
  return ` ${count(search.matched)} in the lists by name or alias${shown}${narrowed}.`;
}

/**
 * The library: every card, searched (typo-tolerant, ranked) and filtered by kind, tag and pack. The lists' cards
 * are searched in the background by name and alias and shown after the others, a page at a time.
 */
export function Library({ items, lists, onOpen }: Props) {
  const [filters, setFilters] = useState<LibraryFilters>({ query: '', kind: '', tag: '', pack: '' });
  const [offset, setOffset] = useState(0);
  const all = items ?? [];
  const index = useMemo(() => indexLibrary(all), [all]);
  const results = useMemo(() => searchLibrary(index, filters), [index, filters]);
  const found = useListSearch(lists, filters, offset);
  const listed = found?.search.items ?? [];
  // The lists' kinds and tags are known from the cards a search read (they are not read whole).
  const choices = useMemo(() => filterChoices([...all, ...listed], lists), [all, listed, lists]);
  const set = (key: keyof LibraryFilters) => (event: Event) => {
    setOffset(0);
    setFilters((current) => ({ ...current, [key]: (event.currentTarget as HTMLInputElement).value }));
  };
  const more = found && found.offset + found.search.read < found.search.matched;

  if (!items) return <p class="empty">Loading the library…</p>;
  return (
    <section class="library" aria-label="Card library" onKeyDown={onResultKey}>
      <div class="search">
        <label for="library-search">Search cards</label>
        <input
          id="library-search"
          type="search"
          placeholder="Name, alias, tag or summary"
          value={filters.query}
          onInput={set('query')}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              event.stopPropagation();
              (event.currentTarget.closest('section')?.querySelector('.result') as HTMLElement | null)?.focus();
            }
          }}
        />
      </div>
      <div class="filters">
        <FilterSelect
          label="Kind"
          any="Any kind"
          value={filters.kind}
          choices={choices.kinds.map((kind) => ({ value: kind, label: kind }))}
          onChange={set('kind')}
        />
        <FilterSelect
          label="Tag"
          any="Any tag"
          value={filters.tag}
          choices={choices.tags.map((tag) => ({ value: tag, label: tag }))}
          onChange={set('tag')}
        />
        <FilterSelect
          label="Pack"
          any="Any pack"
          value={filters.pack}
          choices={choices.packs.map((pack) => ({ value: pack.id, label: pack.name }))}
          onChange={set('pack')}
        />
      </div>
      <p role="status" class="count">
        {results.length === 1 ? '1 card' : `${count(results.length)} cards`}
        {lists.length > 0 ? ' beside the lists' : ''}
        {results.length > SHOWN ? `; the first ${SHOWN} are shown, narrow the search to see the others` : ''}
        {lists.length > 0 ? '.' : ''}
        {listStatus(lists, filters, found)}
        {lists.some((list) => !list.enabled)
          ? ` Disabled lists are not searched: ${lists
              .filter((list) => !list.enabled)
              .map((list) => `“${list.name}”`)
              .join(', ')}.`
          : ''}
      </p>
      <ul class="results">
        {[...results.slice(0, SHOWN), ...listed].map((item) => (
          <li key={item.card.id}>
            <button type="button" class="result" onClick={() => onOpen(item.card.id)}>
              <span class="name">{item.card.name}</span>
              <span class={`kind ${item.card.kind === 'topic' ? 'topic' : 'entity'}`}>{item.card.kind}</span>
              <span class="pack">
                {item.packName}
                {item.enabled ? '' : ' (disabled)'}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {found && (found.offset > 0 || more) ? (
        <div class="list-pages">
          {found.offset > 0 ? (
            <button type="button" onClick={() => setOffset(Math.max(0, found.offset - LIST_SEARCH_PAGE))}>
              Previous {LIST_SEARCH_PAGE} of the lists
            </button>
          ) : null}
          {more ? (
            <button type="button" onClick={() => setOffset(found.offset + found.search.read)}>
              Next {LIST_SEARCH_PAGE} of the lists
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
