import { describe, expect, it } from 'vitest';
import { compileDictionary } from './compile';
import { scan } from './scan';
import { compileSignals, type SignalCardInput, type SignalRuleInput } from './signal-rules';
import { evaluateSignals } from './signals';

const rule = (r: Partial<SignalRuleInput>): SignalRuleInput => ({
  all: [],
  any: [],
  none: [],
  scope: 'paragraph',
  ...r,
});

const nvidiaRule = rule({
  all: ['Nvidia'],
  any: [
    ['rental', 'rent', 'data center', 'smuggling'],
    ['enforcement', 'customs', 'investigation'],
  ],
});

const cards: SignalCardInput[] = [
  {
    id: 'nvidia',
    name: 'Nvidia',
    aliases: ['NVDA'],
    signals: [{ text: 'Enforcement on GPU rentals', rule: nvidiaRule }, { text: 'No rule here' }],
  },
  { id: 'zurich', name: 'Zürich', aliases: [], signals: [] },
];

const dict = compileDictionary(cards.map((c) => ({ id: c.id, name: c.name, aliases: c.aliases, topic: false })));

/** Evaluates the cards' rules on a text, with the mentions the engine finds in it. */
function hits(text: string, withCards: SignalCardInput[] = cards) {
  const mentions = scan(dict, text).map((m) => ({ cardId: m.id, start: m.start, end: m.end }));
  return evaluateSignals(compileSignals(withCards), { text, mentions });
}

describe('evaluateSignals', () => {
  it('fires when all of, one of each any-of group, and none of the excluded stand in one paragraph', () => {
    const text =
      'Markets were calm.\nTaiwan said NVDA chips were rented through data centers. Customs opened an investigation into the deal. Nothing else.\nEnd.';
    const found = hits(text);
    expect(found).toHaveLength(1);
    const [hit] = found;
    expect(hit).toMatchObject({ cardId: 'nvidia', signal: 0, text: 'Enforcement on GPU rentals', scope: 'paragraph' });
    expect(hit!.terms).toEqual(expect.arrayContaining(['Nvidia', 'rent', 'customs', 'investigation']));
    // The evidence is the sentence carrying the most groups, with its offsets into the page's text.
    expect(hit!.evidence.sentence).toBe('Taiwan said NVDA chips were rented through data centers.');
    expect(text.slice(hit!.evidence.start, hit!.evidence.end)).toBe(hit!.evidence.sentence);
  });

  it('does not fire when a group is missing, or its terms stand in different paragraphs', () => {
    expect(hits('Nvidia chips were rented through data centers.')).toEqual([]);
    expect(hits('Nvidia chips were rented.\nCustoms opened an investigation.')).toEqual([]);
  });

  it('fires across paragraphs with page scope', () => {
    const page = [{ ...cards[0]!, signals: [{ text: 'page-wide', rule: { ...nvidiaRule, scope: 'page' as const } }] }];
    expect(hits('Nvidia chips were rented.\nCustoms opened an investigation.', page)).toHaveLength(1);
  });

  it('does not fire when a none-of term stands in the same paragraph', () => {
    const none = [{ ...cards[0]!, signals: [{ text: 'not games', rule: { ...nvidiaRule, none: ['gaming'] } }] }];
    expect(hits('Nvidia rental deals drew a customs probe and an investigation, gaming aside.', none)).toEqual([]);
    expect(hits('Nvidia rental deals drew an investigation.\nGaming is another story.', none)).toHaveLength(1);
  });

  it('matches keywords in their inflections and phrases across dashes, not other words', () => {
    const smuggle = [{ ...cards[0]!, signals: [{ text: 's', rule: rule({ all: ['Nvidia', 'smuggle'] }) }] }];
    expect(hits('Nvidia chips were smuggled.', smuggle)).toHaveLength(1);
    expect(hits('Nvidia chips: smuggling suspected.', smuggle)).toHaveLength(1);
    expect(hits('Nvidia chips: a smuggler was caught.', smuggle)).toEqual([]);
    const dc = [{ ...cards[0]!, signals: [{ text: 'd', rule: rule({ all: ['Nvidia', 'data center'] }) }] }];
    expect(hits('Nvidia hardware in data-centers.', dc)).toHaveLength(1);
    expect(hits('Nvidia data. Center stage.', dc)).toEqual([]);
  });

  it('folds letter case and diacritics in keywords and card terms', () => {
    const zurich = [{ ...cards[1]!, signals: [{ text: 'z', rule: rule({ all: ['zurich', 'Café'] }) }] }];
    expect(hits('A CAFE in Zürich.', zurich)).toHaveLength(1);
    expect(hits('A café in Zurich.', zurich)).toHaveLength(1);
  });

  it('reads a term naming a card as that card: its aliases count, its name in a text it does not link does not', () => {
    const byId = [{ ...cards[0]!, signals: [{ text: 'i', rule: rule({ all: ['nvidia', 'probe'] }) }] }];
    expect(hits('NVDA faces a probe.', byId)).toHaveLength(1);
    // With no mentions reported, the card's name in the text is not a mention.
    const compiled = compileSignals(byId);
    expect(evaluateSignals(compiled, { text: 'Nvidia faces a probe.', mentions: [] })).toEqual([]);
  });

  it('leaves out signals without a rule, and fires each signal once', () => {
    const text = 'Nvidia rental: customs.\nNvidia rental: customs again.';
    expect(hits(text).map((h) => h.signal)).toEqual([0]);
  });

  it('reads paragraphs from block breaks when a page keeps line breaks inside them', () => {
    // As a browser collects it: the source's line breaks inside <p>, one block break between the two blocks.
    const text = 'Markets were calm.\n  \nNvidia chips were\n    rented abroad.\n    Customs opened an investigation.';
    const breaks = [text.indexOf('\n  \n') + 3];
    const mentions = scan(dict, text).map((m) => ({ cardId: m.id, start: m.start, end: m.end }));
    const compiled = compileSignals(cards);
    const [hit] = evaluateSignals(compiled, { text, mentions, breaks });
    expect(hit?.evidence.sentence).toBe('Nvidia chips were\n    rented abroad.');
    // Read as lines, the same words stand in three paragraphs.
    expect(evaluateSignals(compiled, { text, mentions })).toEqual([]);
    // A block break between them keeps them apart.
    expect(evaluateSignals(compiled, { text, mentions, breaks: [...breaks, text.indexOf('\n    Customs')] })).toEqual(
      [],
    );
  });
});
