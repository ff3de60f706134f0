import { describe, expect, it } from 'vitest';
import { compileDictionary } from './compile';
import { NameRank, searchNames } from './name-search';
import { stringAt } from './strings';

const dict = compileDictionary([
  { id: 'assad', name: 'Al-Assad, Bashar', aliases: ['Bashar al-Assad', 'Башар Асад'], topic: false, kind: 'person' },
  { id: 'mueller', name: 'Müller Shipping', aliases: ['MS Line'], topic: false },
  { id: 'ivan', name: 'Ivan', aliases: [], topic: false, kind: 'person' },
  { id: 'ivanov', name: 'Ivanov, Sergei', aliases: ['S. Ivanov'], topic: false, kind: 'person' },
  { id: 'sergei', name: 'Sergei Ivanova', aliases: [], topic: false, kind: 'person' },
  { id: 'export', name: 'export controls', aliases: [], topic: true },
  { id: 'zhou', name: '周恩来', aliases: ['Zhou Enlai'], topic: false, kind: 'person' },
]);

/** The ids found, rank by rank. */
const found = (query: string) =>
  searchNames(dict, query).byRank.map((entries) => entries.map((e) => stringAt(dict.entryIds, e)));

describe('searchNames', () => {
  it('ranks the name itself, a name starting so, a word of the name, then an alias', () => {
    expect(found('ivan')).toEqual([['ivan'], ['ivanov'], ['sergei'], []]);
    expect(found('Sergei')).toEqual([[], ['sergei'], ['ivanov'], []]);
    expect(searchNames(dict, 'ivan').count).toBe(3);
    expect(NameRank.Alias).toBe(3);
  });

  it('matches at the start of a word only, letter case, diacritics and spacing aside', () => {
    expect(found('vanov')).toEqual([[], [], [], []]);
    expect(found('assad')).toEqual([[], [], ['assad'], []]);
    expect(found('MULLER')).toEqual([[], ['mueller'], [], []]);
    expect(found('ms  line')).toEqual([[], [], [], ['mueller']]);
    expect(found('export controls')).toEqual([['export'], [], [], []]);
  });

  it('matches names in other scripts as written', () => {
    expect(found('асад')).toEqual([[], [], [], ['assad']]);
    expect(found('周恩')).toEqual([[], ['zhou'], [], []]);
    expect(found('zhou')).toEqual([[], [], [], ['zhou']]);
  });

  it('finds nothing for an empty query', () => {
    expect(searchNames(dict, '  ').count).toBe(0);
  });
});
