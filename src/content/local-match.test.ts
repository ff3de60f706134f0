import { describe, expect, it } from 'vitest';
import { compileDictionary, type DictionaryEntry, scan, serializeDictionary } from '../engine';
import { type CardSummary, mentionsIn } from '../model/mention';
import { localMatcher } from './local-match';

const entries: DictionaryEntry[] = [
  { id: 'nvidia', name: 'Nvidia', aliases: ['NVDA'], topic: false, kind: 'company' },
  { id: 'ada-lovelace', name: 'Ada Lovelace', aliases: [], topic: false, kind: 'person' },
  { id: 'climate', name: 'climate change', aliases: [], topic: true, kind: 'topic' },
];
const cards: CardSummary[] = entries.map((e) => ({ id: e.id, name: e.name, kind: e.kind ?? '', topic: e.topic }));
const text =
  'Shares of Nvidia rose on Tuesday. Ada Lovelace wrote the first program.\n' +
  'Analysts said NVDA and climate change policy would matter.';
const dictionary = compileDictionary(entries);

describe('matching in the page', () => {
  it('finds what the background finds with the same dictionary', () => {
    const local = localMatcher({ dictionary: serializeDictionary(dictionary), cards });
    const inBackground = mentionsIn(text, scan(dictionary, text), new Map(cards.map((c) => [c.id, c])));
    expect(inBackground.mentions.map((m) => m.quote)).toEqual(['Nvidia', 'Ada Lovelace', 'NVDA', 'climate change']);
    expect(local?.match(text)).toEqual(inBackground);
  });

  it('leaves out the cards the background left out (ignored on the site)', () => {
    const local = localMatcher({
      dictionary: serializeDictionary(dictionary),
      cards: cards.filter((c) => c.id !== 'nvidia'),
    });
    const found = local?.match(text);
    expect(found?.mentions.map((m) => m.cardId)).toEqual(['ada-lovelace', 'climate']);
    expect(found?.cards.map((c) => c.id)).toEqual(['ada-lovelace', 'climate']);
  });

  it('is none when the dictionary is of another format or version (the text then goes to the background)', () => {
    const other = JSON.stringify({ ...JSON.parse(serializeDictionary(dictionary)), version: 0 });
    expect(localMatcher({ dictionary: other, cards })).toBeNull();
    expect(localMatcher({ dictionary: 'not json', cards })).toBeNull();
  });
});
