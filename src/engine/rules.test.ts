/*
 * One block per rule of the engine: a minimal text the rule gets right and a counter-example it must not break.
 * `npx tsx scripts/engine-rule-switches.ts` switches each rule off in turn and checks that some test fails.
 * The cards and texts are made up for these tests, not taken from the dev corpus.
 */
import { describe, expect, it } from 'vitest';
import { compileDictionary } from './compile';
import { scan } from './scan';
import type { DictionaryEntry } from './types';

const card = (id: string, name: string, aliases: string[] = [], kind?: string): DictionaryEntry => ({
  id,
  name,
  aliases,
  topic: false,
  ...(kind === undefined ? {} : { kind }),
});

const dict = compileDictionary([
  card('us', 'United States', ['US', 'U.S.', 'America'], 'country'),
  card('china', 'China', [], 'country'),
  card('kenya', 'Kenya', [], 'country'),
  card('boston', 'Boston', [], 'place'),
  card('tokyo', 'Tokyo', [], 'place'),
  card('assembly', 'National Assembly', [], 'organization'),
  card('nato', 'NATO', [], 'organization'),
  card('nintendo', 'Nintendo', [], 'company'),
  card('amazon', 'Amazon', [], 'company'),
  card('alexa', 'Alexa', [], 'product'),
  card('scaled', 'Scaled', [], 'company'),
  card('nvidia', 'Nvidia', [], 'company'),
  card('alibaba', 'Alibaba', [], 'company'),
  card('alibaba-cloud', 'Alibaba Cloud', [], 'company'),
  // The alias comes first: the card's own name must win on its merits, not by the order of the cards.
  card('apple-records', 'Apple Corps', ['Apple'], 'company'),
  card('apple', 'Apple', [], 'company'),
  card('iphone', 'iPhone', [], 'product'),
  card('cocacola', 'Coca-Cola', [], 'company'),
  card('putin', 'Putin', [], 'other'),
  card('rubio', 'Jane Rubio', ['Rubio'], 'person'),
  card('okafor', 'Amaka Okafor', ['Okafor'], 'person'),
  card('trump', 'Donald Trump', ['Trump'], 'person'),
  card('bill', 'Bill Clinton', ['Clinton'], 'person'),
  card('hillary', 'Hillary Clinton', ['Clinton'], 'person'),
  card('obama', 'Barack Obama', ['Barack', 'Obama'], 'person'),
  card('lindqvist', 'Marta Lindqvist', ['Lindqvist']),
  card('binladen', 'Osama bin Laden', ['bin Laden']),
  { id: 'export', name: 'Export controls', aliases: [], topic: true },
]);

const found = (text: string) => scan(dict, text).map((m) => `${m.id}:${text.slice(m.start, m.end)}`);
const ids = (text: string) => scan(dict, text).map((m) => m.id);

describe('letter case', () => {
  it('links an acronym only in capitals (not Us at the start of a sentence)', () => {
    expect(found('Us and them.')).toEqual([]);
    expect(found('The US and them.')).toEqual(['us:US']);
  });
  it('reads a shouted acronym that spells a word as that word (CONTACT US, JOIN US)', () => {
    expect(found('CONTACT US\nJOIN US today')).toEqual([]);
    expect(found('Contact us about the US visit.')).toEqual(['us:US']);
  });
  it('keeps a shouted acronym after an article (THE US ECONOMY)', () => {
    expect(found('THE US ECONOMY GREW')).toEqual(['us:US']);
  });
  it('keeps a shouted acronym after another name (CHINA US TALKS)', () => {
    expect(found('CHINA US TALKS')).toEqual(['china:CHINA', 'us:US']);
  });
  it('keeps a shouted acronym that spells no word (JOIN NATO)', () => {
    expect(found('UKRAINE TO JOIN NATO')).toEqual(['nato:NATO']);
  });
});

describe('a name inside a longer proper name', () => {
  it('is not linked before an institution, publication or event head noun', () => {
    expect(found('She taught at Boston University and wrote for Boston Magazine.')).toEqual([]);
    expect(found('Crowds filled the Boston show on Friday.')).toEqual(['boston:Boston']);
  });
  it('nor with capitalised words between it and the head noun', () => {
    expect(found('Crowds filled the Tokyo Game Show this week.')).toEqual([]);
    expect(found('Crowds filled the Tokyo Game hall this week.')).toEqual(['tokyo:Tokyo']);
  });
  it('but a head noun after a sentence break belongs to the next sentence', () => {
    expect(found('The mayor spoke in Boston. Museum staff listened.')).toEqual(['boston:Boston']);
  });
  it('is not linked after a capitalised head noun and of (Bank of America, University of Tokyo)', () => {
    expect(found('Shares of Bank of America rose; the University of Tokyo agreed.')).toEqual([]);
    expect(found('The largest bank of Kenya opened a University office in Tokyo.')).toEqual([
      'kenya:Kenya',
      'tokyo:Tokyo',
    ]);
  });
  it('is not linked after a capitalised modifier or demonym', () => {
    expect(
      found('Members of the Korean National Assembly met the press after a long debate about the budget.'),
    ).toEqual([]);
    expect(found('The vote in the National Assembly was close, officials said on Monday.')).toEqual([
      'assembly:National Assembly',
    ]);
  });
  it('takes no modifier across a comma', () => {
    expect(found('Envoys from Nairobi, Boston and Tokyo met this week.')).toEqual(['boston:Boston', 'tokyo:Tokyo']);
  });
  it('takes no capitalised function word for a modifier (FUNCTION_WORDS)', () => {
    expect(found('Exports fell — But China bought more chips this year than last.')).toEqual(['china:China']);
  });
  it('takes no legal suffix for a modifier: the name after one starts anew (NAME_ENDINGS)', () => {
    expect(found('Photo: Acme Ltd Nintendo fans queued outside the store.')).toEqual(['nintendo:Nintendo']);
  });
  it('takes no title for a modifier', () => {
    expect(found('The talks with President Putin ended late on Monday.')).toEqual(['putin:Putin']);
  });
  it('takes no other card’s name for a modifier', () => {
    expect(found('Owners of Amazon Alexa speakers complained on Monday.')).toEqual(['amazon:Amazon', 'alexa:Alexa']);
  });
  it('takes no acronym for a modifier (the all-caps check)', () => {
    expect(found('Agents from the FBI Boston field office arrived on Monday.')).toEqual(['boston:Boston']);
  });
  it('takes no sentence-initial word for a modifier', () => {
    expect(found('The rain stopped. Meanwhile Boston voted on the budget.')).toEqual(['boston:Boston']);
  });
  it('does not read a title-case heading as one long name (inTitleCaseLine)', () => {
    expect(found('Trade War Hits Boston Ports Hard\nThe story follows.')).toEqual(['boston:Boston']);
    expect(found('Officials said the North America office would close early next year.')).toEqual([]);
  });
  it('applies to places and organisations, not to people or topics', () => {
    expect(found('The senator, Republican Jane Rubio, spoke on Monday.')).toEqual(['rubio:Jane Rubio']);
    expect(found('The ministry said Chinese Export Controls would follow in the spring.')).toEqual([
      'export:Export Controls',
    ]);
  });
});

describe('people', () => {
  it('treats a two-word name of no kind as a person: its surname needs a cue (looksLikePersonName)', () => {
    expect(found('Lindqvist said no.')).toEqual([]);
    expect(found('Marta Lindqvist said no. Lindqvist left.')).toEqual([
      'lindqvist:Marta Lindqvist',
      'lindqvist:Lindqvist',
    ]);
  });
  it('reads name particles as part of a person’s name (PARTICLES)', () => {
    expect(found('bin Laden said so.')).toEqual([]);
  });
  it('links a surname after a title or role when one card has it (TITLES)', () => {
    expect(found('Chair Okafor agreed.')).toEqual(['okafor:Okafor']);
    expect(found('Okafor agreed.')).toEqual([]);
  });
  it('links a surname after a hyphenated title (President-elect)', () => {
    expect(found('President-elect Rubio spoke.')).toEqual(['rubio:Rubio']);
    expect(found('Voters may elect Rubio.')).toEqual([]);
  });
  it('links a surname after the given name and an initial', () => {
    expect(found('Donald J. Trump spoke.')).toEqual(['trump:Trump']);
    expect(found('Fred J. Trump spoke.')).toEqual([]);
  });
  it('links a surname before a term of office', () => {
    expect(found('the Trump administration said')).toEqual(['trump:Trump']);
    expect(found('the Trump family said')).toEqual([]);
  });
  it('does not link a surname after a title when two cards share it', () => {
    expect(found('Senator Clinton spoke.')).toEqual([]);
  });
  it('takes no near-miss spelling of a name for a cue', () => {
    expect(found('Barak spoke. Obama left.')).toEqual(['obama:Barak']);
  });
});

describe('spellings of a name', () => {
  it('link a hyphenated name written as one word (Coca-Cola, CocaCola)', () => {
    expect(found('CocaCola and Coca-Cola')).toEqual(['cocacola:CocaCola', 'cocacola:Coca-Cola']);
    expect(found('Coca leaves')).toEqual([]);
  });
});

describe('choosing among candidates', () => {
  it('prefers a card’s own name to another card’s alias', () => {
    expect(ids('Apple rose.')).toEqual(['apple']);
  });
  it('does not join words across a long run of punctuation or space', () => {
    expect(found('Alibaba  Cloud')).toEqual(['alibaba-cloud:Alibaba  Cloud']);
    expect(found('Alibaba\n\n\n\n\n\n\n\n\nCloud computing')).toEqual(['alibaba:Alibaba']);
  });
});

describe('near-miss spellings', () => {
  it('link only a capitalised word', () => {
    expect(found('Nvida rose, nvida fell.')).toEqual(['nvidia:Nvida']);
    // A name whose first letter is small (iPhone) puts no capital in its case rule: the near miss needs one.
    expect(found('Iphnoe sales and an iphnoe case')).toEqual(['iphone:Iphnoe']);
  });
  it('need the same first letter', () => {
    expect(found('Avidia rose.')).toEqual([]);
  });
  it('are one edit away, not two', () => {
    expect(found('Nvieda rose.')).toEqual([]);
    expect(found('Nivdia rose.')).toEqual(['nvidia:Nivdia']);
  });
  it('are never an ordinary English word (Scale is not a misspelt Scaled)', () => {
    expect(found('Scale matters. Coming soon.')).toEqual([]);
    expect(found('Scalde raised money.')).toEqual(['scaled:Scalde']);
  });
});

describe('context rules', () => {
  const fruit = compileDictionary([
    card('orchard', 'Orchard', [], 'company'),
    {
      id: 'acme',
      name: 'Acme Pie',
      aliases: ['Acme'],
      topic: false,
      context: { require: ['bakery'], exclude: ['cartoon'] },
    },
  ]);
  const acme = (text: string) => scan(fruit, text).filter((m) => m.id === 'acme').length;
  it('needs a required word near the mention', () => {
    expect(acme('Acme opened a bakery.')).toBe(1);
    expect(acme('Acme opened a shop.')).toBe(0);
  });
  it('refuses a mention near an excluded word', () => {
    expect(acme('The bakery Acme made a cartoon.')).toBe(0);
  });
  it('looks only within the window around the mention', () => {
    expect(acme(`A cartoon. ${'word '.repeat(40)}Acme opened a bakery.`)).toBe(1);
    expect(acme('A cartoon about Acme, the bakery.')).toBe(0);
  });
  it('does not count the mention’s own words as context', () => {
    const self = compileDictionary([
      { id: 'pie', name: 'Acme Pie', aliases: [], topic: false, context: { require: [], exclude: ['pie'] } },
    ]);
    expect(scan(self, 'Acme Pie opened.')).toHaveLength(1);
  });
});
