import MiniSearch from 'minisearch';
import type { Clip } from '../../../model/clip';

/*
 * Full-text search over the clips (MiniSearch: an inverted index with prefix and fuzzy terms), then filters by
 * card, tag, site, date and case.
 */

/** What the clips list is narrowed to ('' for any). */
export interface ClipFilters {
  query: string;
  cardId: string;
  tag: string;
  site: string;
  /** Clipped on or after this day (YYYY-MM-DD). */
  since: string;
  /** Filed in this case; NO_CASE for clips in none. */
  caseId?: string;
}

/** The case filter's value for clips filed in no case. */
export const NO_CASE = 'none';

/** The site a clip belongs to: its site name, else its host. */
export function siteOfClip(clip: Clip): string {
  if (clip.siteName) return clip.siteName;
  try {
    return new URL(clip.canonicalUrl).hostname;
  } catch {
    return '';
  }
}

/** A search index over the clips, built at once (see `indexClipsAsync` for the panel). */
export function indexClips(clips: readonly Clip[]): MiniSearch<Clip> {
  const index = emptyIndex();
  index.addAll(clips);
  return index;
}

/** The same index built in chunks between which the panel stays responsive (thousands of clips take seconds). */
export async function indexClipsAsync(clips: readonly Clip[]): Promise<MiniSearch<Clip>> {
  const index = emptyIndex();
  await index.addAllAsync(clips, { chunkSize: 50 });
  return index;
}

function emptyIndex(): MiniSearch<Clip> {
  return new MiniSearch<Clip>({
    idField: 'clipId',
    fields: ['title', 'byline', 'site', 'tags', 'note', 'text'],
    extractField: (clip, field) => {
      if (field === 'site') return siteOfClip(clip);
      if (field === 'tags') return clip.tags.join(' ');
      return (clip as unknown as Record<string, string>)[field] ?? '';
    },
    searchOptions: { boost: { title: 3, tags: 2, byline: 1.5 }, prefix: true, fuzzy: 0.2, combineWith: 'AND' },
  });
}

/** The clips that match, ranked by the search when there is one, else most recent first. */
export function searchClips(index: MiniSearch<Clip> | null, clips: readonly Clip[], filters: ClipFilters): Clip[] {
  const byId = new Map(clips.map((clip) => [clip.clipId, clip]));
  const query = filters.query.trim();
  // While the index is being built, the words are looked for as they are.
  const ranked = !query
    ? [...clips].sort((a, b) => b.updated.localeCompare(a.updated))
    : index
      ? index.search(query).flatMap((hit) => byId.get(hit.id as string) ?? [])
      : clips.filter((clip) => `${clip.title} ${clip.text}`.toLowerCase().includes(query.toLowerCase()));
  return ranked.filter(
    (clip) =>
      (!filters.cardId || clip.mentions.some((m) => m.cardId === filters.cardId)) &&
      (!filters.tag || clip.tags.includes(filters.tag)) &&
      (!filters.site || siteOfClip(clip) === filters.site) &&
      (!filters.since || clip.clipped.slice(0, 10) >= filters.since) &&
      (!filters.caseId || (filters.caseId === NO_CASE ? !clip.caseId : clip.caseId === filters.caseId)),
  );
}
