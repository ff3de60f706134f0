import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { missingShared, skipWithoutShared } from '../../scripts/needs-shared';
import { compileDictionary, compileSignals, evaluateSignals, scan } from '../engine';
import { toEntry } from '../model/card';
import { readCorpus } from './corpus';
import { extractText } from './extract-text';
import { DEFAULT_PACK, readPack } from './load-pack';

/*
 * The default pack's watch signals on real pages: the page built to match the Nvidia signal fires it with the
 * sentence that shows it; the news pages of the corpus, which are about other things, fire none.
 */

const cards = readPack(DEFAULT_PACK).cards;
const dictionary = compileDictionary(cards.map(toEntry));
const compiled = compileSignals(cards);
const fired = (text: string) =>
  evaluateSignals(compiled, {
    text,
    mentions: scan(dictionary, text).map((m) => ({ cardId: m.id, start: m.start, end: m.end })),
  });
const page = (path: string) => extractText(readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8'));

const root = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const present = existsSync(`${root}dev`);

describe('the default pack’s signals', () => {
  it('every signal carries a rule', () => {
    for (const card of cards) for (const signal of card.signals) expect(signal.rule, card.name).toBeDefined();
    expect(compiled.rules).toHaveLength(cards.flatMap((c) => c.signals).length);
  });

  it('fire on the page built to match the Nvidia signal, with its evidence sentence', () => {
    const text = page('../../e2e/pages/signal-nvidia.html');
    const hits = fired(text);
    const nvidia = hits.find((h) => h.cardId === 'nvidia' && h.signal === 0);
    expect(nvidia?.text).toBe('Enforcement news on GPU rental or data-center contracts involving Nvidia chips.');
    expect(nvidia?.evidence.sentence).toMatch(/^Officials said Nvidia processors had been rented out/);
    expect(nvidia?.terms).toEqual(expect.arrayContaining(['Nvidia', 'rented', 'customs', 'investigation']));
    // Rules of other cards that ask for what the page does not say stay silent.
    expect(hits.map((h) => h.cardId)).not.toContain('china');
  });

  it('fire on the seed article, not on an unrelated page', () => {
    expect(fired(page('../../demo/index.html')).map((h) => h.cardId)).toEqual(
      expect.arrayContaining(['nvidia', 'taiwan', 'japan', 'reuters']),
    );
    expect(fired(page('../../e2e/pages/plain.html'))).toEqual([]);
  });

  it.skipIf(skipWithoutShared(present, 'the default signals on the corpus'))(
    'fire on none of the corpus’s news pages',
    () => {
      expect(present, missingShared('The default signals on the corpus')).toBe(true);
      for (const corpusPage of readCorpus(`${root}dev`)) expect(fired(corpusPage.text), corpusPage.page).toEqual([]);
    },
  );
});
