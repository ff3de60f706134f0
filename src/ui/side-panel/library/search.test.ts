import Fuse from 'fuse.js';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { LibraryItem } from '../../../messaging/protocol';
import type { Card } from '../../../model/card';
import { PackSchema } from '../../../model/pack';
import defaultPack from '../../../packs/default-pack.json';
import { FUSE_OPTIONS, indexLibrary, searchLibrary } from './search';

const SYL = 'ka lo ri ven dor mi sa tel ban gor qui zen pha lu mer ost ran tiv eb sol'.split(' ');
const TAILS = ['Group', 'Labs', 'Capital', 'Motors', 'Bank', 'Energy'];

/** The built-in cards and 3,000 made-up companies with aliases, tags and summaries. */
function library(): LibraryItem[] {
  const cards: Card[] = [...v.parse(PackSchema, defaultPack).cards];
  const names = new Set(cards.map((c) => c.name.toLowerCase()));
  for (let i = 0; cards.length < 3000; i++) {
    const base = `${SYL[i % SYL.length]}${SYL[Math.floor(i / SYL.length) % SYL.length]}${SYL[Math.floor(i / 400) % SYL.length]}`;
    const name = `${base[0]!.toUpperCase()}${base.slice(1)} ${TAILS[i % TAILS.length]}`;
    if (names.has(name.toLowerCase())) continue;
    names.add(name.toLowerCase());
    cards.push({
      id: `c${i}`,
      name,
      kind: i % 7 === 0 ? 'topic' : 'company',
      aliases: [base.toUpperCase().slice(0, 4)],
      summary: `A made-up company number ${i} in the ${TAILS[i % TAILS.length]!.toLowerCase()} business.`,
      signals: [],
      implications: [],
      tags: [i % 2 ? 'europe' : 'asia'],
      related: [],
      sources: [],
      notes: '',
    });
  }
  return cards.map((card, i) => ({
    card,
    packId: i < 18 ? 'default' : 'made-up',
    packName: 'P',
    enabled: true,
    edited: false,
  }));
}

const items = library();
const index = indexLibrary(items);
const none = { query: '', kind: '', tag: '', pack: '' };
const top = (query: string, filters = none) => searchLibrary(index, { ...filters, query })[0]?.card.name;

describe('library search', () => {
  it('finds cards by name despite typos, by alias, tag words and summary words', () => {
    expect(top('Nvdia')).toBe('Nvidia');
    expect(top('nvidai')).toBe('Nvidia');
    expect(top('PRC')).toBe('China');
    expect(top('Taiwn')).toBe('Taiwan');
    expect(top('tencent')).toBe('Tencent');
    expect(searchLibrary(index, { ...none, query: 'number 1234 in' }).map((i) => i.card.id)).toContain('c1234');
  });

  // A full fuse.js search of the library for each sample: slow on a loaded machine, so a longer time limit.
  it('ranks as fuse.js over the whole library would, for names with a typo', { timeout: 60_000 }, () => {
    const full = new Fuse(items, FUSE_OPTIONS);
    let same = 0;
    const sample = items.filter((_, i) => i % 75 === 0);
    for (const item of sample) {
      const name = item.card.name.toLowerCase();
      const typo = `${name.slice(0, 2)}${name[3]}${name[2]}${name.slice(4)}`;
      if (full.search(typo)[0]?.item.card.name === top(typo)) same++;
    }
    expect(same / sample.length).toBeGreaterThanOrEqual(0.95);
  });

  it('filters by kind, tag and pack, and lists everything by name without a query', () => {
    expect(searchLibrary(index, none)).toHaveLength(items.length);
    expect(
      searchLibrary(index, none)[0]!.card.name.localeCompare(searchLibrary(index, none)[1]!.card.name),
    ).toBeLessThan(1);
    expect(searchLibrary(index, { ...none, kind: 'topic' }).every((i) => i.card.kind === 'topic')).toBe(true);
    expect(searchLibrary(index, { ...none, tag: 'europe' }).every((i) => i.card.tags.includes('europe'))).toBe(true);
    expect(searchLibrary(index, { ...none, pack: 'default' })).toHaveLength(18);
    expect(searchLibrary(index, { ...none, query: 'China', pack: 'made-up' })).toEqual([]);
  });
});
