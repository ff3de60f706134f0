import { describe, expect, it } from 'vitest';
import { isOrdinaryWord, nearMissesByEdits, nearMissesByIndex, ordinaryNearMisses } from './ordinary-words';

describe('ordinary words', () => {
  it('knows ordinary English words, inflections included, and no proper names', () => {
    for (const w of ['us', 'coming', 'scale', 'scaled', 'contact', 'join']) expect(isOrdinaryWord(w), w).toBe(true);
    for (const w of ['nvidia', 'nato', 'boston', 'obama', 'kenyan', 'nvida']) expect(isOrdinaryWord(w), w).toBe(false);
  });
  it('finds the ordinary words one edit from a name, the same way for few names and for many', () => {
    const names = ['scaled', 'corning', 'nvidia', 'marsh', 'trumps', 'bakers', 'stein'];
    const byEdits = nearMissesByEdits(names).sort();
    expect(byEdits).toEqual(nearMissesByIndex(names).sort());
    expect(byEdits).toEqual(expect.arrayContaining(['scale', 'stern', 'coining']));
    expect(byEdits).not.toContain('nvidia');
    expect(ordinaryNearMisses(['scaled']).sort()).toEqual(nearMissesByEdits(['scaled']).sort());
  });
});
