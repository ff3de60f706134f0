/** The side panel's views, as ARIA tabs: arrow keys, Home and End move between them. */
export type TabName = 'page' | 'signals' | 'library' | 'clips' | 'team';

const ALL_TABS: Array<{ name: TabName; label: string }> = [
  { name: 'page', label: 'This page' },
  { name: 'signals', label: 'Signals' },
  { name: 'library', label: 'Library' },
  { name: 'clips', label: 'Clips' },
  { name: 'team', label: 'Team' },
];

/** The tabs; "Team" only when the browser is in a team. */
export function Tabs({
  selected,
  onSelect,
  team = false,
}: {
  selected: TabName;
  onSelect: (tab: TabName) => void;
  team?: boolean;
}) {
  const TABS = team ? ALL_TABS : ALL_TABS.filter((t) => t.name !== 'team');
  const move = (event: KeyboardEvent) => {
    const at = TABS.findIndex((t) => t.name === selected);
    const next =
      event.key === 'ArrowRight'
        ? (at + 1) % TABS.length
        : event.key === 'ArrowLeft'
          ? (at + TABS.length - 1) % TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? TABS.length - 1
              : -1;
    if (next < 0) return;
    event.preventDefault();
    const tab = TABS[next]!;
    onSelect(tab.name);
    document.getElementById(`tab-${tab.name}`)?.focus();
  };
  return (
    <div class="tabs" role="tablist" aria-label="Views" onKeyDown={move}>
      {TABS.map((tab) => (
        <button
          key={tab.name}
          type="button"
          role="tab"
          id={`tab-${tab.name}`}
          aria-selected={selected === tab.name}
          aria-controls={`panel-${tab.name}`}
          tabIndex={selected === tab.name ? 0 : -1}
          onClick={() => onSelect(tab.name)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
