import type MiniSearch from 'minisearch';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ListedCase } from '../../../messaging/cases';
import { sendToBackground } from '../../../messaging/client';
import type { Clip } from '../../../model/clip';
import { FilterSelect } from '../FilterSelect';
import { ClipReader } from './ClipReader';
import { exportJson, exportZip } from './export';
import { type ClipFilters, indexClipsAsync, NO_CASE, searchClips, siteOfClip } from './search';

/** What the Clips tab shows: kept by the panel while a card opened from a clip is read, so "back" returns here. */
export interface ClipsView {
  filters: ClipFilters;
  /** The clip open in the reader, if any. */
  open: string | null;
  /** The clip deleted last, which Undo brings back. */
  deleted: Clip | null;
}

/** The Clips tab as first shown. */
export const NEW_CLIPS_VIEW: ClipsView = {
  filters: { query: '', cardId: '', tag: '', site: '', since: '', caseId: '' },
  open: null,
  deleted: null,
};

interface Props {
  /** Bumped after each clip, so that the list reloads. */
  changes: number;
  view: ClipsView;
  onView: (update: (view: ClipsView) => ClipsView) => void;
  onOpenCard: (cardId: string) => void;
  /** The cases this browser knows (the Case filter's choices, and where the reader may move a clip). */
  cases: readonly ListedCase[];
}

/** The clips: full-text search, filters by card, tag, site, date and case, the reader view, and exports. */
export function Clips({ changes, view, onView, onOpenCard, cases }: Props) {
  const [clips, setClips] = useState<Clip[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { filters } = view;
  const setFilters = (update: (f: ClipFilters) => ClipFilters) => onView((v) => ({ ...v, filters: update(v.filters) }));

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
  const caseNames = useMemo(() => new Map(cases.map((c) => [c.caseId, c.name])), [cases]);
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
  const set = (key: keyof ClipFilters) => (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement).value;
    setFilters((current) => ({ ...current, [key]: value }));
  };

  // Back from the reader, the clip read is where the focus returns.
  const [returnTo, setReturnTo] = useState<string | null>(null);
  useEffect(() => {
    if (!view.open && returnTo) document.getElementById(`clip-${returnTo}`)?.focus();
  }, [view.open, returnTo]);

  const replace = (clip: Clip) => setClips((list) => (list ?? []).map((c) => (c.clipId === clip.clipId ? clip : c)));
  const undo = async (clip: Clip) => {
    const result = await sendToBackground('clip.restore', { clipId: clip.clipId });
    onView((v) => ({ ...v, deleted: null }));
    if (!result.ok) return setNotice(result.error);
    setClips((list) => [result.value, ...(list ?? []).filter((c) => c.clipId !== clip.clipId)]);
    setNotice(`“${clip.title}” is back.`);
  };
  const exporting = async (work: () => Promise<string | null>) => {
    setNotice(null);
    const failed = await work().catch((e: unknown) => (e instanceof Error ? e.message : String(e)));
    if (failed) setNotice(`Could not export: ${failed}`);
  };

  if (error) return <p role="alert">{error}</p>;
  if (!clips) return <p class="empty">Loading the clips…</p>;

  const reading = view.open ? clips.find((c) => c.clipId === view.open) : undefined;
  if (reading) {
    return (
      <ClipReader
        key={reading.clipId}
        clip={reading}
        onBack={() => {
          setReturnTo(reading.clipId);
          onView((v) => ({ ...v, open: null }));
        }}
        onOpenCard={onOpenCard}
        onOpenClip={(clipId) => onView((v) => ({ ...v, open: clipId }))}
        onSaved={replace}
        cases={cases}
        onDeleted={(clip) => {
          setClips((list) => (list ?? []).filter((c) => c.clipId !== clip.clipId));
          setNotice(null);
          setReturnTo(null);
          onView((v) => ({ ...v, open: null, deleted: clip }));
        }}
      />
    );
  }

  const status = view.deleted ? (
    <>
      Deleted “{view.deleted.title}”.{' '}
      <button type="button" class="link" onClick={() => view.deleted && void undo(view.deleted)}>
        Undo
      </button>
    </>
  ) : (
    notice
  );
  if (clips.length === 0) {
    return (
      <>
        <p role="status" class="notice">
          {status}
        </p>
        <p class="empty">No clips yet: “Clip page” keeps the article you are reading, with its mentions.</p>
      </>
    );
  }
  return (
    <section class="library clips" aria-label="Clips">
      <p role="status" class="notice">
        {status}
      </p>
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
        <FilterSelect
          label="Case"
          any="Any case"
          value={filters.caseId ?? ''}
          choices={[
            { value: NO_CASE, label: 'No case' },
            ...cases.map((c) => ({ value: c.caseId, label: c.status === 'closed' ? `${c.name} (closed)` : c.name })),
          ]}
          onChange={set('caseId')}
        />
        <label>
          Clipped since
          <input type="date" value={filters.since} onInput={set('since')} />
        </label>
      </div>
      <div class="clip-list-bar">
        <p role="status" class="count">
          {results.length === 1 ? '1 clip' : `${results.length} clips`}
          {index || !filters.query.trim() ? '' : ' (exact words while the search index is built)'}
        </p>
        <fieldset class="exports">
          <legend>Export all</legend>
          <button type="button" class="btn" onClick={() => void exporting(exportJson)}>
            JSON-LD
          </button>
          <button type="button" class="btn" onClick={() => void exporting(() => exportZip(clips).then(() => null))}>
            ZIP of Markdown
          </button>
        </fieldset>
      </div>
      <ul class="results">
        {results.slice(0, 200).map((clip) => (
          <li key={clip.clipId}>
            <button
              type="button"
              class="result"
              id={`clip-${clip.clipId}`}
              onClick={() => onView((v) => ({ ...v, open: clip.clipId, deleted: null }))}
            >
              <span class="name">{clip.title}</span>
              <span class="kind entity">{clip.mentions.length} mentions</span>
              <span class="pack">
                {[...new Set([siteOfClip(clip), clip.byline, clip.clipped.slice(0, 10)])].filter(Boolean).join(' · ')}
                {clip.tags.length ? ` · ${clip.tags.join(', ')}` : ''}
                {clip.caseId ? ` · case ${caseNames.get(clip.caseId) ?? clip.caseId}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
