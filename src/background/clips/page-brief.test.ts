import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { compileDictionary, compileSignals, scan } from '../../engine';
import { type Card, toEntry } from '../../model/card';
import type { Article, Clip } from '../../model/clip';
import { PackSchema } from '../../model/pack';
import defaultPack from '../../packs/default-pack.json';
import { briefOf, type CardSource } from './page-brief';

/*
 * The brief the side panel asks for, as the background builds it: the built-in pack's cards (the library's own,
 * and a teammate's card found by id), the engine's mentions and the user's earlier clips.
 */

const cards = v.parse(PackSchema, defaultPack).cards;
const teammates: Card = { ...cards.find((c) => c.id === 'tencent')!, id: 'team-tencent' };
const own = cards.filter((c) => c.id !== 'tencent');
const library: CardSource = {
  someCards: async (ids) => own.filter((card) => ids.includes(card.id)),
  ownCardsNamed: async (names) => {
    const wanted = new Set(names.map((name) => name.toLowerCase()));
    return own.filter((card) => [card.name, ...card.aliases].some((name) => wanted.has(name.toLowerCase())));
  },
  getCard: async (id) => {
    if (id === teammates.id) return teammates;
    throw new Error(`No card with id ${id}`);
  },
  signals: async () => compileSignals([...own, teammates]),
};
const dictionary = compileDictionary([...own, teammates].map(toEntry));

const text =
  'Customs probe widens\nOfficials in Taiwan suspect that Nvidia chips reached China by way of Japan. The weather was mild. ' +
  'Tencent said it was not involved.';
const article: Article = {
  url: 'https://news.example/probe?utm_source=x',
  canonicalUrl: 'https://news.example/probe',
  title: 'Customs probe widens',
  byline: null,
  siteName: null,
  published: null,
  excerpt: null,
  lang: 'en',
  html: '',
  text,
};
const earlier = (clipId: string, canonicalUrl: string, names: string[]): Clip => ({
  ...article,
  clipId,
  canonicalUrl,
  title: `Earlier ${clipId}`,
  clipped: '2026-11-01T00:00:00.000Z',
  updated: '2026-11-01T00:00:00.000Z',
  tags: [],
  note: '',
  mentions: names.map((name) => ({
    cardId: name.toLowerCase(),
    name,
    exact: name,
    prefix: '',
    suffix: '',
    start: 0,
    end: name.length,
  })),
});

describe('briefOf', () => {
  it('briefs an article with the library’s cards, no signal fired, and the earlier clips that share its cards', async () => {
    const mentions = scan(dictionary, text).map((m) => ({ cardId: m.id, start: m.start, end: m.end }));
    const clips = [
      earlier('00000000000000aa', 'https://news.example/a', ['Nvidia', 'Alibaba']),
      earlier('00000000000000bb', 'https://news.example/probe', ['Nvidia']),
    ];
    const brief = await briefOf(library, article, mentions, clips);
    expect(brief.title).toBe('Customs probe widens');
    expect(brief.url).toBe('https://news.example/probe');
    // A teammate's card, not among the user's own, is read by id.
    expect(brief.entities.map((c) => c.name).sort()).toEqual(['China', 'Japan', 'Nvidia', 'Taiwan', 'Tencent']);
    expect(brief.summary).toEqual([
      'Officials in Taiwan suspect that Nvidia chips reached China by way of Japan.',
      'Tencent said it was not involved.',
    ]);
    expect(brief.implications.length).toBeGreaterThan(0);
    expect(brief.signals).toEqual([]);
    expect(brief.related.clips.map((c) => [c.clipId, c.shared])).toEqual([['00000000000000aa', ['Nvidia']]]);
    // Cards the page's cards name as related, looked up in the library: they open in the panel.
    const exportControls = brief.related.cards.find((c) => c.name === 'Export controls');
    expect(exportControls?.cardId).toBe('export-controls');
    expect(brief.related.cards.find((c) => c.name === 'Alibaba')).toMatchObject({ cardId: 'alibaba', clips: 1 });
  });

  it('lists the watch signals that fired, with the sentence that shows each', async () => {
    const probe =
      'Customs officers opened an investigation into rented data-center servers that moved Nvidia chips out of Japan.';
    const fired = { ...article, text: probe };
    const mentions = scan(dictionary, probe).map((m) => ({ cardId: m.id, start: m.start, end: m.end }));
    const brief = await briefOf(library, fired, mentions, []);
    const nvidia = brief.signals.filter((s) => s.cardId === 'nvidia');
    expect(nvidia.length).toBeGreaterThan(0);
    expect(nvidia[0]).toMatchObject({ name: 'Nvidia', evidence: probe });
  });
});
