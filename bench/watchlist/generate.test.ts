import { describe, expect, it } from 'vitest';
import { parsePackCsv, parsePackJson, serialisePackCsv } from '../../src/model/pack-io';
import { packCsvLines, packJsonChunks, romaniseCyrillic, watchlist } from './generate';

const names = (cards: ReturnType<typeof watchlist>) => cards.reduce((n, c) => n + 1 + c.aliases.length, 0);

describe('synthetic watchlists', () => {
  it('holds exactly the names asked for, over about the cards asked for, the same for the same seed', () => {
    const a = watchlist({ names: 5000, cards: 1500, seed: 7 });
    expect(names(a)).toBe(5000);
    expect(a.length).toBeGreaterThan(1350);
    expect(a.length).toBeLessThan(1650);
    expect(watchlist({ names: 5000, cards: 1500, seed: 7 })).toEqual(a);
    expect(watchlist({ names: 5000, cards: 1500, seed: 8 })).not.toEqual(a);
  });

  it('writes names as lists do, in several scripts, with unique card names and distinct aliases', () => {
    const cards = watchlist({ names: 20000, seed: 3 });
    const all = cards.flatMap((c) => [c.name, ...c.aliases]);
    expect(new Set(cards.map((c) => c.name.toLowerCase())).size).toBe(cards.length);
    for (const c of cards) expect(new Set(c.aliases).size).toBe(c.aliases.length);
    const share = (re: RegExp) => all.filter((n) => re.test(n)).length / all.length;
    expect(share(/^[A-Z][A-Z' -]+, /u)).toBeGreaterThan(0.1); // SURNAME, Given
    expect(share(/\p{Script=Cyrillic}/u)).toBeGreaterThan(0.02);
    expect(share(/\p{Script=Arabic}/u)).toBeGreaterThan(0.02);
    expect(share(/\p{Script=Han}/u)).toBeGreaterThan(0.01);
    expect(share(/^(?:Dr\.|Prof\.|General|Sheikh|Mr\.) /)).toBeGreaterThan(0.005);
    expect(share(/\b[A-Z]\. /)).toBeGreaterThan(0.02); // initials
    expect(cards.some((c) => c.kind === 'company')).toBe(true);
  });

  it('writes the pack CSV as the pack writer does, and the pack reader takes it and the JSON back', () => {
    const cards = watchlist({ names: 3000, seed: 5 });
    const csv = [...packCsvLines(cards)].join('');
    const pack = {
      format: 'dossier-pack',
      formatVersion: 1,
      id: 'w',
      name: 'w',
      version: '1.0.0',
      description: '',
      cards,
    } as const;
    expect(csv).toBe(serialisePackCsv(pack));
    const fromCsv = parsePackCsv(csv);
    expect(fromCsv.ok && fromCsv.value.cards.map((c) => [c.name, c.aliases])).toEqual(
      cards.map((c) => [c.name, c.aliases]),
    );
    const fromJson = parsePackJson([...packJsonChunks(cards)].join(''));
    expect(fromJson.ok && fromJson.value.cards).toEqual(cards);
  });

  it('romanises Cyrillic as BGN/PCGN does, and gives the other spelling lists use', () => {
    expect(romaniseCyrillic('\u0425\u043e\u0434\u043e\u0440\u043a\u043e\u0432\u0441\u043a\u0438\u0439')).toBe(
      'Khodorkovskiy',
    );
    expect(romaniseCyrillic('\u0425\u043e\u0434\u043e\u0440\u043a\u043e\u0432\u0441\u043a\u0438\u0439', true)).toBe(
      'Hodorkovskii',
    );
  });
});
