import { describe, expect, it } from 'vitest';
import { cardsNamed, firstNaming, nameKey } from './card-names';
import { compileDictionary } from './compile';
import { namesOf } from './signal-rules';

/** Cards whose names fold in every way a term may meet them. */
const cards = [
  { id: 'zurich-insurance', name: 'Zürich Insurance', aliases: ['ZURICH INS.', 'Цюрих'] },
  { id: 'gazprom', name: 'Gazprom', aliases: ['Газпром', 'ＧＡＺＰＲＯＭ ＰＪＳＣ', 'PAO\u3000Gazprom'] },
  { id: 'al-assad-bashar', name: 'AL-ASSAD, Bashar', aliases: ['بشار الأسد', 'Bashar al\u00ADAssad'] },
  { id: 'tencent', name: 'Tencent', aliases: ['腾讯', 'Tencent Holdings、Ltd'] },
  { id: 'straße-ag', name: 'Große Straße AG', aliases: ['Grosse Strasse', 'Straße، Bank'] },
  // A name two cards share: the first card is the one it names.
  { id: 'mercury-one', name: 'Mercury', aliases: ['Mercury Group'] },
  { id: 'mercury-two', name: 'Mercury', aliases: ['Hg'] },
  { id: 'export-controls', name: 'export controls', aliases: ['export control'] },
  { id: 'k-2', name: 'К-2 Ltd', aliases: ['K-2 Ltd'] },
];

describe('the card a watch-signal term names, found in a compiled dictionary', () => {
  it('is the card the cards themselves give, for names and aliases in any script, ids and words of none', () => {
    const dictionary = compileDictionary(cards.map((c) => ({ ...c, topic: c.id === 'export-controls' })));
    const terms = [
      ...cards.flatMap((c) => [c.id, c.name, ...c.aliases]),
      'zurich insurance',
      'ZÜRICH insurance',
      'gazprom pjsc',
      'ГАЗПРОМ',
      'pao gazprom',
      'bashar al assad',
      'al assad bashar',
      'tencent holdings ltd',
      'grosse strasse ag',
      'strasse bank',
      'mercury',
      'hg',
      'Export Controls',
      'k 2 ltd',
      'к 2 ltd',
      'sanctions',
      'mercury group plc',
      'zurich',
    ];
    const keys = new Set(terms.map(nameKey));
    const found = cardsNamed(dictionary, keys);
    expect(found).toEqual(namesOf(cards)(keys));
    expect(found.get('mercury')).toBe('mercury-one');
    expect(found.get('gazprom pjsc')).toBe('gazprom');
    expect(found.get('pao gazprom')).toBe('gazprom');
    expect(found.get('strasse bank')).toBe('straße-ag');
    expect(found.get('k 2 ltd')).toBe('k-2');
    expect(found.has('sanctions')).toBe(false);
    // Only ASCII keys: the texts in other scripts are passed over unread, and the answer is the same.
    const ascii = new Set([...keys].filter((k) => !/[^\x20-\x7e]/.test(k)));
    expect(cardsNamed(dictionary, ascii)).toEqual(namesOf(cards)(ascii));
    // Looked up in parts of any size, the first card of each key is the same.
    for (const size of [1, 2, 4]) {
      const first = new Map<string, number>();
      for (let from = 0; from < dictionary.entryCount; from += size) {
        for (const [key, entry] of firstNaming(dictionary, keys, undefined, from, from + size)) {
          if (!first.has(key)) first.set(key, entry);
        }
      }
      expect(new Map([...first].map(([key, entry]) => [key, cards[entry]!.id]))).toEqual(found);
    }
  });
});
