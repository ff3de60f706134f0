import { describe, expect, it } from 'vitest';
import { compileDictionary } from './compile';
import { scan } from './scan';
import { loadDictionary, serializeDictionary } from './serialise';
import { otherSpellings } from './transliterate';
import type { DictionaryEntry } from './types';
import { derivedForms } from './watchlist-names';

const person = (id: string, name: string, aliases: string[] = []): DictionaryEntry => ({
  id,
  name,
  aliases,
  topic: false,
  kind: 'person',
});
const found = (entries: DictionaryEntry[], text: string) =>
  scan(compileDictionary(entries), text).map((m) => `${m.id}:${text.slice(m.start, m.end)}`);

describe('names as watchlists write them', () => {
  const assad = person('assad', 'AL-ASSAD, Bashar');
  it('reads "SURNAME, Given" as "Given Surname", and says so', () => {
    const [m] = scan(compileDictionary([assad]), 'Talks with Bashar al-Assad resumed.');
    expect(m).toMatchObject({ id: 'assad', matched: 'AL-ASSAD, Bashar', variant: 'reordered', confidence: 0.86 });
  });
  it('reads it family name first too', () => {
    expect(found([person('wang', 'WANG, Wei')], 'Officials said Wang Wei would attend.')).toEqual(['wang:Wang Wei']);
  });
  it('links the family name alone only with a cue, particles in lower case', () => {
    expect(found([assad], 'Later al-Assad left.')).toEqual([]);
    expect(found([assad], 'Bashar al-Assad spoke. Later al-Assad left.')).toEqual([
      'assad:Bashar al-Assad',
      'assad:al-Assad',
    ]);
  });
  it('leaves middle names out, or writes them as an initial', () => {
    const smith = person('smith', 'SMITH, John Adam');
    expect(found([smith], 'John Smith said.')).toEqual(['smith:John Smith']);
    expect(found([smith], 'John A. Smith said.')).toEqual(['smith:John A. Smith']);
  });
  it('leaves the initials of a name out (Donald J. Trump)', () => {
    expect(found([person('t', 'Donald J. Trump')], 'Donald Trump said.')).toEqual(['t:Donald Trump']);
  });
  it('strips titles and honorifics, those lists use too', () => {
    expect(found([person('p', 'Dr. Ivan Petrov')], 'Ivan Petrov said.')).toEqual(['p:Ivan Petrov']);
    expect(found([person('p', 'Brigadier Ivan Petrov')], 'Ivan Petrov said.')).toEqual(['p:Ivan Petrov']);
  });
  it('derives nothing from a name in plain order', () => {
    expect(derivedForms('Barack Obama')).toEqual([]);
  });
  it('matches names in Cyrillic, Arabic and Han script as written, Han without spaces', () => {
    const entries = [
      person('ivanov', 'IVANOV, Aleksandr', [
        '\u0410\u043b\u0435\u043a\u0441\u0430\u043d\u0434\u0440 \u0418\u0432\u0430\u043d\u043e\u0432',
      ]),
      person('hasan', 'AL-HASANI, Jamal', ['\u062c\u0645\u0627\u0644 \u0627\u0644\u062d\u0633\u0646\u064a']),
      person('wang', 'WANG, Wei', ['\u738b\u4f1f']),
    ];
    expect(
      found(
        entries,
        '\u0412\u0447\u0435\u0440\u0430 \u0410\u043b\u0435\u043a\u0441\u0430\u043d\u0434\u0440 \u0418\u0432\u0430\u043d\u043e\u0432 \u0441\u043a\u0430\u0437\u0430\u043b.',
      ),
    ).toEqual(['ivanov:\u0410\u043b\u0435\u043a\u0441\u0430\u043d\u0434\u0440 \u0418\u0432\u0430\u043d\u043e\u0432']);
    expect(
      found(
        entries,
        '\u0642\u0627\u0644 \u062c\u0645\u0627\u0644 \u0627\u0644\u062d\u0633\u0646\u064a \u0623\u0645\u0633',
      ),
    ).toEqual(['hasan:\u062c\u0645\u0627\u0644 \u0627\u0644\u062d\u0633\u0646\u064a']);
    expect(found(entries, '\u4eca\u5929\u738b\u4f1f\u8bf4')).toEqual(['wang:\u738b\u4f1f']);
  });
});

describe('other romanisations of a name', () => {
  it('link through the table of spellings no rule relates (Muhammad for Mohammed)', () => {
    const [m] = scan(compileDictionary([person('m', 'Mohammed Hassan')]), 'Muhammad Hassan spoke.');
    expect(m).toMatchObject({ id: 'm', matched: 'Mohammed Hassan', variant: 'transliterated' });
    expect(m!.confidence).toBeLessThan(1);
  });
  it('link through the rules of romanisation (Dmitriy, Dmitry; Aleksei, Alexei)', () => {
    expect(found([person('d', 'Dmitriy Kozlov')], 'Dmitry Kozlov spoke.')).toEqual(['d:Dmitry Kozlov']);
    expect(found([person('a', 'Aleksei Orlov')], 'Alexei Orlov spoke.')).toEqual(['a:Alexei Orlov']);
  });
  it('are never an ordinary English word (said is not Saeed)', () => {
    expect(otherSpellings('saeed')).toContain('sayed');
    expect(otherSpellings('saeed')).not.toContain('said');
  });
});

describe('a person’s one-word alias that is a common given name or an ordinary word', () => {
  const mohammeds = [
    person('m1', 'Mohammed Karimi', ['Mohammed']),
    person('m2', 'Mohammed Farouk'),
    person('m3', 'Mohammed Nasser'),
  ];
  it('links only with a cue when the list has several people of that given name', () => {
    expect(found(mohammeds, 'Mohammed arrived.')).toEqual([]);
    expect(found(mohammeds, 'Mohammed Karimi came. Mohammed arrived.')).toEqual(['m1:Mohammed Karimi', 'm1:Mohammed']);
    expect(found([mohammeds[0]!], 'Mohammed arrived.')).toEqual(['m1:Mohammed']);
  });
  it('links only with a cue when it is an ordinary word (Tiger)', () => {
    const tiger = person('t', 'PRABHAKARAN, Velupillai', ['Tiger']);
    expect(found([tiger], 'Tiger said.')).toEqual([]);
    expect(found([tiger], 'Velupillai Prabhakaran, the Tiger, said.')).toEqual(['t:Velupillai Prabhakaran', 't:Tiger']);
  });
  it('keeps the aliases of a card only read as a person (no kind)', () => {
    expect(found([{ id: 'acme', name: 'Acme Pie', aliases: ['Acme'], topic: false }], 'Acme sold.')).toEqual([
      'acme:Acme',
    ]);
  });
});

describe('a family name many people of a list share', () => {
  it('links to the one named on the page, as with few', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      person(`w${i}`, `WANG, ${['Wei', 'Fang', 'Jing', 'Lei', 'Jun', 'Tao'][i % 6]}${'abcde'[Math.floor(i / 6)]}`),
    );
    const named = many[7]!;
    const text = `${named.name.split(', ')[1]} Wang spoke. Wang left. He met Wang.`;
    const dict = compileDictionary(many);
    const ids = scan(dict, text).map((m) => m.id);
    expect(ids).toEqual(['w7', 'w7', 'w7']);
    expect(scan(loadDictionary(serializeDictionary(dict)), text)).toEqual(scan(dict, text));
  });
});
