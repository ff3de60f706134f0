import { describe, expect, it } from 'vitest';
import type { Mention } from '../../model/mention';
import { matchLine } from './Popover';

const mention = (extra: Partial<Mention>): Mention => ({
  cardId: 'assad',
  start: 0,
  end: 15,
  quote: 'Bashar al-Assad',
  match: 'alias',
  confidence: 0.86,
  ...extra,
});

describe('the popover’s match line', () => {
  it('says which way of writing the list’s name a mention came from, with its confidence', () => {
    expect(matchLine(mention({ matched: 'AL-ASSAD, Bashar', variant: 'reordered' }), 'AL-ASSAD, Bashar')).toBe(
      'Matched as \u2018AL-ASSAD, Bashar\u2019 (names reordered, 86%)',
    );
    expect(matchLine(mention({ matched: 'Mohammed Smith', variant: 'transliterated', confidence: 0.9 }), 'x')).toBe(
      'Matched as \u2018Mohammed Smith\u2019 (another spelling, 90%)',
    );
  });
  it('keeps the alias line for a mention written as the list writes it', () => {
    expect(matchLine(mention({ matched: 'Assad' }), 'AL-ASSAD, Bashar')).toBe('Alias: Assad');
  });
});
