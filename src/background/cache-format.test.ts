import { describe, expect, it } from 'vitest';
import { compileDictionary, scan } from '../engine';
import type { CardSummary } from '../model/mention';
import { CACHE_VERSION, decodeCache, encodeCache } from './cache-format';

const cards: CardSummary[] = [
  { id: 'zeta', name: 'Zeta Holdings', kind: 'company', topic: false },
  { id: 'assad', name: 'AL-ASSAD, Bashar', kind: 'person', topic: false },
  { id: 'путин', name: 'Владимир Путин', kind: 'person', topic: false },
  { id: 'climate', name: 'climate change', kind: 'topic', topic: true },
  { id: 'a-😀', name: 'Emoji 😀 Ltd', kind: 'company', topic: false },
];
const dictionary = compileDictionary(cards.map((c) => ({ ...c, aliases: [] })));
const copied = () => {
  const { header, parts } = encodeCache(dictionary, cards);
  return { header, parts: parts.map((p) => p.slice()) };
};

describe('the dictionary cache as stored', () => {
  it('gives back the dictionary and every card by its id', () => {
    const { header, parts } = copied();
    const loaded = decodeCache(header, parts);
    const text = 'Zeta Holdings and Владимир Путин spoke of climate change.';
    expect(scan(loaded.dictionary, text)).toEqual(scan(dictionary, text));
    for (const card of cards) expect(loaded.cards.get(card.id)).toEqual(card);
    expect(loaded.cards.get('nobody')).toBeUndefined();
    expect(loaded.cards.get('')).toBeUndefined();
    expect([...loaded.cards.values()].sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      [...cards].sort((a, b) => a.name.localeCompare(b.name)),
    );
  });

  it('refuses a damaged card part, a cache of another version, and parts missing', () => {
    const { header, parts } = copied();
    const names = parts.at(-3)!;
    names[0]! ^= 1;
    expect(() => decodeCache(header, parts)).toThrow('stored dictionary refused: card part 2 is damaged');
    const older = JSON.stringify({ ...JSON.parse(header), version: CACHE_VERSION - 1 });
    expect(() => decodeCache(older, copied().parts)).toThrow(`a cache of version ${CACHE_VERSION - 1}`);
    expect(() => decodeCache(header, copied().parts.slice(0, -1))).toThrow(/parts, expected/);
  });
});
