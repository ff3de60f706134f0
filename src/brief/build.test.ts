import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { compileDictionary, scan } from '../engine';
import { type Card, CardSchema, toEntry } from '../model/card';
import { PackSchema } from '../model/pack';
import defaultPack from '../packs/default-pack.json';
import { type BriefClip, type BriefInput, buildBrief, summarise } from './build';
import { sentences } from './sentences';

const card = (fields: Partial<Card> & Pick<Card, 'id' | 'name'>): Card =>
  v.parse(CardSchema, { kind: 'company', ...fields });

const TEXT = [
  'Chip route probe',
  'Nvidia chips reached China through Japan, officials said on Monday. The weather was mild.',
  'Mr. Lee of Acme said Nvidia and Acme had talked. Export controls tightened after Nvidia sales rose.',
].join('\n');

const CARDS = [
  card({
    id: 'nvidia',
    name: 'Nvidia',
    implications: ['Supply may tighten.', 'Compliance costs rise'],
    related: ['Taiwan', 'China'],
  }),
  card({ id: 'china', name: 'China', kind: 'country', implications: ['supply may tighten'], related: ['Taiwan'] }),
  card({ id: 'japan', name: 'Japan', kind: 'country', related: ['Nowhere Land'] }),
  card({ id: 'acme', name: 'Acme', aliases: ['Acme Corp'] }),
  card({ id: 'taiwan', name: 'Taiwan', kind: 'country' }),
  card({ id: 'export-controls', name: 'Export controls', kind: 'topic' }),
  card({ id: 'tencent', name: 'Tencent' }),
];

function input(overrides: Partial<BriefInput> = {}): BriefInput {
  const text = overrides.text ?? TEXT;
  const mentions = scan(compileDictionary(CARDS.map(toEntry)), text).map((m) => ({
    cardId: m.id,
    start: m.start,
    end: m.end,
  }));
  return {
    title: 'Chip route probe',
    url: 'https://news.example/probe',
    text,
    mentions,
    cards: CARDS,
    signals: [],
    clips: [],
    ...overrides,
  };
}

const clip = (clipId: string, url: string, clipped: string, ids: string[]): BriefClip => ({
  clipId,
  title: `Clip ${clipId}`,
  canonicalUrl: url,
  clipped,
  mentions: ids.map((cardId) => ({ cardId, name: CARDS.find((c) => c.id === cardId)?.name ?? cardId })),
});

describe('sentences', () => {
  it('splits each line on its own, keeps offsets, and does not break after a title such as "Mr."', () => {
    const found = sentences(TEXT);
    expect(found.map((s) => s.text)).toEqual([
      'Chip route probe',
      'Nvidia chips reached China through Japan, officials said on Monday.',
      'The weather was mild.',
      'Mr. Lee of Acme said Nvidia and Acme had talked.',
      'Export controls tightened after Nvidia sales rose.',
    ]);
    for (const s of found) expect(TEXT.slice(s.start, s.end)).toBe(s.text);
  });

  it('splits a megabyte on one line quickly, with the sentences it would have had in lines', () => {
    const sentence = 'Nvidia chips reached China through Japan, officials said. ';
    const long = sentence.repeat(20_000);
    const started = performance.now();
    const found = sentences(long);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(found).toHaveLength(20_000);
    expect(new Set(found.map((s) => s.text))).toEqual(new Set([sentence.trim()]));
    for (const s of found.slice(0, 100)) expect(long.slice(s.start, s.end)).toBe(s.text);
  });

  it('splits paragraphs glued together by a page without space between them, not names such as Node.js or U.S.', () => {
    const glued = 'China eased rules.Japan holds rates.”The U.S. reacted and Node.js ran.';
    const found = sentences(glued);
    expect(found.map((s) => s.text)).toEqual([
      'China eased rules.',
      'Japan holds rates.”',
      'The U.S. reacted and Node.js ran.',
    ]);
    for (const s of found) expect(glued.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('buildBrief', () => {
  it('counts the entities and topics, most mentioned first', () => {
    const brief = buildBrief(input());
    expect(brief.entities.map((c) => `${c.name} ${c.count}`)).toEqual(['Nvidia 3', 'Acme 2', 'China 1', 'Japan 1']);
    expect(brief.topics.map((c) => `${c.name} ${c.count}`)).toEqual(['Export controls 1']);
    expect(brief.mentions).toBe(8);
  });

  it('summarises with the sentences carrying the most mentions, in page order, skipping the title', () => {
    const brief = buildBrief(input());
    expect(brief.summary).toEqual([
      'Nvidia chips reached China through Japan, officials said on Monday.',
      'Mr. Lee of Acme said Nvidia and Acme had talked.',
      'Export controls tightened after Nvidia sales rose.',
    ]);
    expect(brief.summary).not.toContain('The weather was mild.');
  });

  it('keeps the summary within its sentence and length caps', () => {
    const long = Array.from({ length: 40 }, (_, i) => `Nvidia and China met again on day ${i} of the long talks.`);
    const text = long.join(' ');
    const mentions = input({ text }).mentions;
    const summary = summarise(text, mentions);
    expect(summary.length).toBe(4);
    expect(summary.join(' ').length).toBeLessThanOrEqual(900);
    // Ties go to the earliest sentences.
    expect(summary[0]).toContain('day 0 ');
  });

  it('lists each implication once, attributed to every card that carries it', () => {
    const brief = buildBrief(input());
    expect(brief.implications).toEqual([
      {
        text: 'Supply may tighten.',
        cards: [
          { cardId: 'nvidia', name: 'Nvidia' },
          { cardId: 'china', name: 'China' },
        ],
      },
      { text: 'Compliance costs rise', cards: [{ cardId: 'nvidia', name: 'Nvidia' }] },
    ]);
  });

  it('says which signals fired, once each, with their card', () => {
    const fired = { cardId: 'nvidia', signal: 'Chips routed via Japan', evidence: 'Nvidia chips reached China.' };
    const brief = buildBrief(input({ signals: [fired, { ...fired, signal: 'chips routed via japan.' }] }));
    expect(brief.signals).toEqual([{ ...fired, name: 'Nvidia' }]);
    expect(buildBrief(input()).signals).toEqual([]);
  });

  it('ranks related cards by the page cards naming them (2 each) and clips mentioning them with the page (1 each)', () => {
    const clips = [
      clip('a', 'https://x.example/a', '2026-01-01T00:00:00Z', ['nvidia', 'tencent']),
      clip('b', 'https://x.example/b', '2026-02-01T00:00:00Z', ['china', 'tencent', 'taiwan']),
    ];
    const { cards } = buildBrief(input({ clips })).related;
    expect(cards.map((c) => [c.name, c.score, c.relatedTo, c.clips])).toEqual([
      ['Taiwan', 5, ['Nvidia', 'China'], 1],
      ['Tencent', 2, [], 2],
      ['Nowhere Land', 2, ['Japan'], 0],
    ]);
    // A related name that is no card of the user's is listed without a card to open; the page's own cards are not related.
    expect(cards.find((c) => c.name === 'Nowhere Land')?.cardId).toBeNull();
    expect(cards.map((c) => c.cardId)).not.toContain('china');
  });

  it('ranks earlier clips by the page cards they share, then the latest; the page’s own clip is left out', () => {
    const clips = [
      clip('old', 'https://x.example/old', '2025-01-01T00:00:00Z', ['nvidia', 'china']),
      clip('new', 'https://x.example/new', '2026-01-01T00:00:00Z', ['acme', 'japan']),
      clip('top', 'https://x.example/top', '2024-01-01T00:00:00Z', ['nvidia', 'china', 'export-controls']),
      clip('none', 'https://x.example/none', '2026-03-01T00:00:00Z', ['tencent']),
      clip('self', 'https://news.example/probe', '2026-03-01T00:00:00Z', ['nvidia']),
    ];
    const related = buildBrief(input({ clips })).related.clips;
    expect(related.map((c) => [c.clipId, c.shared])).toEqual([
      ['top', ['Nvidia', 'China', 'Export controls']],
      ['new', ['Acme', 'Japan']],
      ['old', ['Nvidia', 'China']],
    ]);
  });

  it('ignores mentions of cards it was not given, and a page without mentions has an empty brief', () => {
    const brief = buildBrief(input({ mentions: [{ cardId: 'ghost', start: 0, end: 4 }] }));
    expect(brief).toMatchObject({ summary: [], entities: [], topics: [], implications: [], mentions: 0 });
    expect(brief.related).toEqual({ cards: [], clips: [] });
  });

  it('briefs the demo text with the default pack’s cards', () => {
    const cards = v.parse(PackSchema, defaultPack).cards;
    const text =
      'Taiwan suspects Nvidia chips are being smuggled to China via Japan. Alibaba and Tencent pivot to embodied AI.';
    const mentions = scan(compileDictionary(cards.map(toEntry)), text).map((m) => ({
      cardId: m.id,
      start: m.start,
      end: m.end,
    }));
    const brief = buildBrief({ title: 't', url: 'u', text, mentions, cards, signals: [], clips: [] });
    expect(brief.entities.map((c) => c.name).sort()).toEqual([
      'Alibaba',
      'China',
      'Japan',
      'Nvidia',
      'Taiwan',
      'Tencent',
    ]);
    expect(brief.related.cards.map((c) => c.name)).toContain('Export controls');
  });
});
