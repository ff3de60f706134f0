import type MiniSearch from 'minisearch';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { sendToBackground } from '../../messaging/client';
import type { Clip } from '../../model/clip';
import { type ClipFilters, indexClipsAsync, searchClips, siteOfClip } from './clip-search';
import { FilterSelect } from './FilterSelect';

/** The clips: full-text search, and filters by card, tag, site and date. */
export function Clips({ changes }: { changes: number }) {
  const [clips, setClips] = useState<Clip[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filters, setFilters] = useState<ClipFilters>({ query: '', cardId: '', tag: '', site: '', since: '' });

  useEffect(() => {
    let live = true;
    void sendToBackground('clips.list', {}).then((result) => {
      if (!live) return;
      if (result.ok) setClips(result.value);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [changes]);

  const all = useMemo(() => clips ?? [], [clips]);
  const [index, setIndex] = useState<MiniSearch<Clip> | null>(null);
  useEffect(() => {
    let live = true;
    setIndex(null);
    void indexClipsAsync(all).then((built) => {
      if (live) setIndex(built);
    });
    return () => {
      live = false;
    };
  }, [all]);
  const results = useMemo(() => searchClips(index, all, filters), [index, all, filters]);
  const choices = useMemo(() => {
    const cards = new Map<string, string>();
    const tags = new Set<string>();
    const sites = new Set<string>();
    for (const clip of all) {
      for (const m of clip.mentions) cards.set(m.cardId, m.name);
      for (const tag of clip.tags) tags.add(tag);
      sites.add(siteOfClip(clip));
    }
    const sorted = (values: Iterable<string>) => [...values].filter(Boolean).sort((a, b) => a.localeCompare(b));
    return {
      cards: [...cards].sort((a, b) => a[1].localeCompare(b[1])),
      tags: sorted(tags),
      sites: sorted(sites),
    };
  }, [all]);
  const set = (key: keyof ClipFilters) => (event: Event) =>
    setFilters((current) => ({ ...current, [key]: (event.currentTarget as HTMLInputElement).value }));

  if (error) return <p role="alert">{error}</p>;
  if (!clips) return <p class="empty">Loading the clips…</p>;
  if (clips.length === 0) {
    return <p class="empty">No clips yet: “Clip page” keeps the article you are reading, with its mentions.</p>;
  }
  return (
    <section class="library clips" aria-label="Clips">
      <div class="search">
        <label for="clip-search">Search clips</label>
        <input
          id="clip-search"
          type="search"
          placeholder="Words of the title, text, author, site or tags"
          value={filters.query}
          onInput={set('query')}
        />
      </div>
      <div class="filters">
        <FilterSelect
          label="Card"
          any="Any card"
          value={filters.cardId}
          choices={choices.cards.map(([id, name]) => ({ value: id, label: name }))}
          onChange={set('cardId')}
        />
        <FilterSelect
          label="Tag"
          any="Any tag"
          value={filters.tag}
          choices={choices.tags.map((tag) => ({ value: tag, label: tag }))}
          onChange={set('tag')}
        />
        <FilterSelect
          label="Site"
          any="Any site"
          value={filters.site}
          choices={choices.sites.map((site) => ({ value: site, label: site }))}
          onChange={set('site')}
        />
        <label>
          Clipped since
          <input type="date" value={filters.since} onInput={set('since')} />
        </label>
      </div>
      <p role="status" class="count">
        {results.length === 1 ? '1 clip' : `${results.length} clips`}
        {index || !filters.query.trim() ? '' : ' (exact words while the search index is built)'}
      </p>
      <ul class="results">
        {results.slice(0, 200).map((clip) => (
          <li key={clip.clipId}>
            <a class="result" href={clip.url} target="_blank" rel="noopener noreferrer">
              <span class="name">{clip.title}</span>
              <span class="kind entity">{clip.mentions.length} mentions</span>
              <span class="pack">
                {[siteOfClip(clip), clip.byline, clip.clipped.slice(0, 10)].filter(Boolean).join(' · ')}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
