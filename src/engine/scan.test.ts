import { describe, expect, it } from 'vitest';
import { compileDictionary } from './compile';
import { scan } from './scan';
import type { DictionaryEntry } from './types';

const entity = (id: string, name: string, aliases: string[] = [], kind = 'company'): DictionaryEntry => ({
  id,
  name,
  aliases,
  topic: false,
  kind,
});
const topic = (id: string, name: string, aliases: string[] = []): DictionaryEntry => ({
  id,
  name,
  aliases,
  topic: true,
});

const dict = compileDictionary([
  entity('us', 'United States', ['US', 'U.S.', 'America', '美国'], 'country'),
  entity('china', 'China', ['中国'], 'country'),
  entity('alibaba', 'Alibaba'),
  entity('alibaba-cloud', 'Alibaba Cloud'),
  entity('nvidia', 'Nvidia'),
  entity('apple', 'Apple', [], 'company'),
  entity('zurich', 'Zürich', [], 'place'),
  entity('obama', 'Barack Obama', ['Obama'], 'person'),
  entity('bill', 'Bill Clinton', ['Clinton'], 'person'),
  entity('hillary', 'Hillary Clinton', ['Clinton'], 'person'),
  entity('may', 'Theresa May', ['May'], 'person'),
  entity('ennahda', 'Ennahda', ['Ennahda Party']),
  entity('binladen', 'Osama bin Laden', ['bin Laden'], 'person'),
  entity('treasury', 'US Treasury', ['Treasury'], 'organization'),
  entity('walmart', 'Walmart', ['Wal-Mart']),
  entity('yahoo', 'Yahoo', ['Yahoo!']),
  topic('export', 'Export controls', ['export control']),
  topic('smuggling', 'GPU smuggling'),
  topic('vr', 'Virtual reality', ['VR']),
]);

const found = (text: string) => scan(dict, text).map((m) => `${m.id}:${text.slice(m.start, m.end)}`);

describe('scan', () => {
  it('links leftmost-longest, whole words only', () => {
    expect(found('Alibaba Cloud and Alibaba, not Chinatown.')).toEqual([
      'alibaba-cloud:Alibaba Cloud',
      'alibaba:Alibaba',
    ]);
  });
  it('folds case, diacritics and typography but keeps original offsets', () => {
    expect(found('ZURICH and Zurich; Nvi\u00ADdia’s chips')).toEqual([
      'zurich:ZURICH',
      'zurich:Zurich',
      'nvidia:Nvi\u00ADdia',
    ]);
  });
  it('links acronyms only in capitals and keeps the dot of U.S.', () => {
    expect(found('Tell us about the US and the U.S.-led talks.')).toEqual(['us:US', 'us:U.S.']);
  });
  it('links names in scripts without spaces and Latin names inside them', () => {
    expect(found('在中国和美国，Appleは')).toEqual(['china:中国', 'us:美国', 'apple:Apple']);
  });
  it('needs a capital for a proper name', () => {
    expect(found('an apple pie from china')).toEqual([]);
  });
  it('accepts other case variants of a name', () => {
    expect(found('Osama bin Laden, later Bin Laden; the Ennahda party')).toEqual([
      'binladen:Osama bin Laden',
      'binladen:Bin Laden',
      'ennahda:Ennahda party',
    ]);
  });
  it('links a surname only with a cue on the page', () => {
    expect(found('Obama spoke.')).toEqual([]);
    expect(found('Barack Obama spoke. Later Obama left.')).toEqual(['obama:Barack Obama', 'obama:Obama']);
    expect(found('President Obama spoke. Obama left.')).toEqual(['obama:Obama', 'obama:Obama']);
    expect(found('In May the vote was held.')).toEqual([]);
  });
  it('resolves a shared surname by the nearest full name and reports the alternative', () => {
    const text = 'Bill Clinton met Hillary Clinton. Clinton said yes.';
    const last = scan(dict, text).at(-1)!;
    expect(last.id).toBe('hillary');
    expect(last.alternatives).toEqual(['bill']);
  });
  it('does not link a plural of a name', () => {
    expect(found('Treasuries fell.')).toEqual([]);
  });
  it('links hyphen and joined spellings and closing punctuation', () => {
    expect(found('Wal-Mart, Walmart and Yahoo! news')).toEqual(['walmart:Wal-Mart', 'walmart:Walmart', 'yahoo:Yahoo!']);
  });
  it('links topic keywords in any case and inflection, words in order', () => {
    expect(found('New Export Controls and an export control; GPUs smuggled; smuggling')).toEqual([
      'export:Export Controls',
      'export:export control',
      'smuggling:GPUs smuggled',
    ]);
    expect(found('VR headsets, not vr')).toEqual(['vr:VR']);
  });
  it('links near-miss spellings of long names, saying so', () => {
    const [m] = scan(dict, 'Shares of Nvida rose.');
    expect(m).toMatchObject({ id: 'nvidia', match: 'fuzzy', matched: 'Nvidia' });
    expect(m!.confidence).toBeLessThan(1);
    expect(found('Kenyan and Apples')).toEqual([]);
  });
  it('does not link a name inside a longer proper name', () => {
    expect(found('but the BBC’s North America editor said that it was read in The Seattle Times today')).toEqual([]);
  });
  it('applies context rules', () => {
    const fruit = compileDictionary([
      { id: 'apple', name: 'Apple', aliases: [], topic: false, context: { require: [], exclude: ['pie'] } },
    ]);
    expect(scan(fruit, 'Apple pie is good.')).toEqual([]);
    expect(scan(fruit, 'Apple shares rose.')).toHaveLength(1);
  });
  it('says how each mention matched', () => {
    expect(scan(dict, 'United States and America').map((m) => m.match)).toEqual(['exact', 'alias']);
  });
});
