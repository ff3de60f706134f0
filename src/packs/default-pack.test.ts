import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { PackSchema } from '../model/pack';
import defaultPack from './default-pack.json';

const parsed = v.safeParse(PackSchema, defaultPack);
const cards = parsed.success ? parsed.output.cards : [];
const byName = new Map(cards.map((card) => [card.name, card]));

/** The cards the seed brief names, with the kind each must have. */
const REQUIRED: Record<string, string> = {
  China: 'country',
  Taiwan: 'country',
  Japan: 'country',
  'United States': 'country',
  Nvidia: 'company',
  Alibaba: 'company',
  MuleRun: 'product',
  Tencent: 'company',
  ByteDance: 'company',
  Reuters: 'organization',
  Bloomberg: 'organization',
  'AI token futures': 'topic',
  'Export controls': 'topic',
  'Agent platforms': 'topic',
  'Embodied AI': 'topic',
  'GPU smuggling': 'topic',
  'Emerging-market ETFs': 'topic',
  'Funding markets': 'topic',
};

interface GoldMention {
  entity: string;
  quote: string;
}

describe('default pack', () => {
  it('validates against the pack schema', () => {
    expect(parsed.issues?.map((issue) => issue.message) ?? []).toEqual([]);
    expect(parsed.success).toBe(true);
    expect(cards.length).toBeGreaterThanOrEqual(Object.keys(REQUIRED).length);
  });

  it('gives every card a unique id and a unique name', () => {
    const ids = cards.map((card) => card.id);
    const names = cards.map((card) => card.name);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(names).size).toBe(names.length);
  });

  it('relates cards only to cards of the pack, never to themselves', () => {
    for (const card of cards) {
      for (const name of card.related) {
        expect(byName.has(name), `${card.name} → ${name}`).toBe(true);
        expect(name, card.name).not.toBe(card.name);
      }
    }
  });

  it('gives every card a summary, a signal and an implication', () => {
    for (const card of cards) {
      expect(card.summary.length, card.name).toBeGreaterThan(0);
      expect(card.signals.length, card.name).toBeGreaterThan(0);
      expect(card.implications.length, card.name).toBeGreaterThan(0);
      for (const signal of card.signals) expect(signal.text.length, card.name).toBeGreaterThan(0);
    }
  });

  it('holds the cards of the seed brief with the right kinds', () => {
    for (const [name, kind] of Object.entries(REQUIRED)) {
      expect(byName.get(name)?.kind, name).toBe(kind);
    }
  });

  it('lists the usual names of the United States as aliases', () => {
    const aliases = byName.get('United States')?.aliases ?? [];
    for (const alias of ['US', 'U.S.', 'USA', 'America']) expect(aliases).toContain(alias);
  });

  it('has a card for every entity of the demo page gold list', () => {
    const gold = JSON.parse(readFileSync(new URL('../../demo/gold.json', import.meta.url), 'utf8')) as {
      page: string;
      mentions: GoldMention[];
    };
    expect(gold.page).toBe('demo');
    expect(gold.mentions.length).toBeGreaterThan(0);
    for (const mention of gold.mentions) {
      expect(byName.has(mention.entity), mention.entity).toBe(true);
    }
  });
});
