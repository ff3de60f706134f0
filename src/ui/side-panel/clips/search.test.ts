import { describe, expect, it } from 'vitest';
import type { Clip } from '../../../model/clip';
import { type ClipFilters, NO_CASE, searchClips } from './search';

const clip = (clipId: string, caseId?: string): Clip => ({
  url: `https://a.example/${clipId}`,
  canonicalUrl: `https://a.example/${clipId}`,
  title: clipId,
  byline: null,
  siteName: null,
  published: null,
  excerpt: null,
  lang: null,
  html: '',
  text: clipId,
  clipId,
  clipped: '2026-12-07T10:00:00.000Z',
  updated: `2026-12-07T10:00:0${clipId.length}.000Z`,
  tags: [],
  note: '',
  mentions: [],
  ...(caseId ? { caseId } : {}),
});

describe('searchClips: the case filter', () => {
  const clips = [clip('a', '0123456789abcdef'), clip('bb', 'fedcba9876543210'), clip('ccc')];
  const filters: ClipFilters = { query: '', cardId: '', tag: '', site: '', since: '' };
  const ids = (caseId?: string) => searchClips(null, clips, { ...filters, caseId }).map((c) => c.clipId);

  it('keeps the clips of one case, of no case, or of any', () => {
    expect(ids('0123456789abcdef')).toEqual(['a']);
    expect(ids(NO_CASE)).toEqual(['ccc']);
    expect(ids('')).toEqual(['ccc', 'bb', 'a']);
    expect(ids(undefined)).toEqual(['ccc', 'bb', 'a']);
    expect(ids('0000000000000000')).toEqual([]);
  });
});
