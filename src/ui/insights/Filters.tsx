import type { InsightCard, InsightFilter } from '../../model/insights/sources';

interface Props {
  cards: readonly InsightCard[];
  teams: readonly string[];
  filter: InsightFilter;
  /** Whether the history of visited pages is on (then its pages can be left out). */
  history: boolean;
  onChange: (filter: InsightFilter) => void;
}

const without = (filter: InsightFilter, key: keyof InsightFilter): InsightFilter => {
  const { [key]: _dropped, ...rest } = filter;
  return rest;
};

/** The filters every view shares: the days, the card kind, tag and team, and whether visited pages count. */
export function Filters({ cards, teams, filter, history, onChange }: Props) {
  const kinds = [...new Set(cards.map((c) => c.kind))].sort();
  const tags = [...new Set(cards.flatMap((c) => c.tags.map((t) => t.toLocaleLowerCase())))].sort();
  const set = (key: keyof InsightFilter, value: string) =>
    onChange(value ? { ...filter, [key]: key === 'kinds' ? [value] : value } : without(filter, key));
  return (
    <form class="insight-filters" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
      <label>
        From
        <input type="date" value={filter.from ?? ''} onInput={(e) => set('from', e.currentTarget.value)} />
      </label>
      <label>
        To
        <input type="date" value={filter.to ?? ''} onInput={(e) => set('to', e.currentTarget.value)} />
      </label>
      <label>
        Kind
        <select value={filter.kinds?.[0] ?? ''} onChange={(e) => set('kinds', e.currentTarget.value)}>
          <option value="">All kinds</option>
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {kind}
            </option>
          ))}
        </select>
      </label>
      <label>
        Tag
        <select value={filter.tag ?? ''} onChange={(e) => set('tag', e.currentTarget.value)}>
          <option value="">All tags</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </label>
      {teams.length ? (
        <label>
          Team
          <select value={filter.team ?? ''} onChange={(e) => set('team', e.currentTarget.value)}>
            <option value="">All cards</option>
            {teams.map((team) => (
              <option key={team} value={team}>
                {team}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {history ? (
        <label class="check">
          <input
            type="checkbox"
            checked={filter.visits !== false}
            onChange={(e) => onChange({ ...filter, visits: e.currentTarget.checked })}
          />
          Visited pages
        </label>
      ) : null}
    </form>
  );
}
