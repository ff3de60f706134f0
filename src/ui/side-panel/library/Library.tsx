import { useMemo, useState } from 'preact/hooks';
import type { LibraryItem } from '../../../messaging/protocol';
import { FilterSelect } from '../FilterSelect';
import { filterChoices, indexLibrary, type LibraryFilters, searchLibrary } from './search';

/** Most results drawn at once; a longer list asks for a narrower search. */
const SHOWN = 200;

interface Props {
  items: readonly LibraryItem[] | null;
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

/** The library: every card, searched (typo-tolerant, ranked) and filtered by kind, tag and pack. */
export function Library({ items, onOpen }: Props) {
  const [filters, setFilters] = useState<LibraryFilters>({ query: '', kind: '', tag: '', pack: '' });
  const all = items ?? [];
  const index = useMemo(() => indexLibrary(all), [all]);
  const choices = useMemo(() => filterChoices(all), [all]);
  const results = useMemo(() => searchLibrary(index, filters), [index, filters]);
  const set = (key: keyof LibraryFilters) => (event: Event) =>
    setFilters((current) => ({ ...current, [key]: (event.currentTarget as HTMLInputElement).value }));

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
        {results.length === 1 ? '1 card' : `${results.length} cards`}
        {results.length > SHOWN ? `; the first ${SHOWN} are shown, narrow the search to see the others` : ''}
      </p>
      <ul class="results">
        {results.slice(0, SHOWN).map((item) => (
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
    </section>
  );
}
