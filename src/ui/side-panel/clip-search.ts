import MiniSearch from 'minisearch';
import type { Clip } from '../../model/clip';

/*
 * Full-text search over the clips (MiniSearch: an inverted index with prefix and fuzzy terms), then filters by
 * card, tag, site and date.
 */

/** What the clips list is narrowed to ('' for any). */
export interface ClipFilters {
  query: string;
  cardId: string;
  tag: string;
  site: string;
  /** Clipped on or after this day (YYYY-MM-DD). */
  since: string;
}

/** The site a clip belongs to: its site name, else its host. */
export function siteOfClip(clip: Clip): string {
  if (clip.siteName) return clip.siteName;
  try {
    return new URL(clip.canonicalUrl).hostname;
  } catch {
    return '';
  }
}

/** A search index over the clips. */
export function indexClips(clips: readonly Clip[]): MiniSearch<Clip> {
  const index = new MiniSearch<Clip>({
    idField: 'clipId',
    fields: ['title', 'byline', 'site', 'tags', 'note', 'text'],
    extractField: (clip, field) => {
      if (field === 'site') return siteOfClip(clip);
      if (field === 'tags') return clip.tags.join(' ');
      return (clip as unknown as Record<string, string>)[field] ?? '';
    },
    searchOptions: { boost: { title: 3, tags: 2, byline: 1.5 }, prefix: true, fuzzy: 0.2, combineWith: 'AND' },
  });
  index.addAll(clips);
  return index;
}

/** The clips that match, ranked by the search when there is one, else most recent first. */
export function searchClips(index: MiniSearch<Clip>, clips: readonly Clip[], filters: ClipFilters): Clip[] {
  const byId = new Map(clips.map((clip) => [clip.clipId, clip]));
  const ranked = filters.query.trim()
    ? index.search(filters.query.trim()).flatMap((hit) => byId.get(hit.id as string) ?? [])
    : [...clips].sort((a, b) => b.updated.localeCompare(a.updated));
  return ranked.filter(
    (clip) =>
      (!filters.cardId || clip.mentions.some((m) => m.cardId === filters.cardId)) &&
      (!filters.tag || clip.tags.includes(filters.tag)) &&
      (!filters.site || siteOfClip(clip) === filters.site) &&
      (!filters.since || clip.clipped.slice(0, 10) >= filters.since),
  );
}
