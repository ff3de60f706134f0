import { describe, expect, it } from 'vitest';
import type { Card } from '../../../model/card';
import { fromForm, toForm } from '../cards/form';
import { readRules, ruleTextsOf, signalLines } from './rule-form';

const rule = { all: ['Nvidia'], any: [['rental']], none: [], scope: 'paragraph' as const };
const card: Card = {
  id: 'nvidia',
  name: 'Nvidia',
  kind: 'company',
  aliases: [],
  summary: '',
  signals: [{ text: 'Rentals', rule }, { text: 'Audits' }],
  implications: [],
  tags: [],
  related: [],
  sources: [],
  notes: '',
};

describe('the card editor’s signal rules', () => {
  it('keeps each signal’s rule through an edit of other fields', () => {
    const texts = ruleTextsOf(card);
    const form = { ...toForm(card), summary: 'Chips.' };
    const { rules, errors } = readRules(signalLines(form.signals), texts);
    expect(errors).toEqual({});
    const read = fromForm(form, card.id, rules);
    expect(read.ok && read.card.signals).toEqual([{ text: 'Rentals', rule }, { text: 'Audits' }]);
  });

  it('reports a broken rule by its signal, and a renamed signal starts without one', () => {
    const { rules, errors } = readRules(['Rentals', 'Audits', 'New'], {
      Rentals: 'all of: Nvidia\nsome of: x',
      Audits: 'any of: audit',
    });
    expect(errors).toEqual({ Rentals: expect.stringMatching(/^line 2:/) });
    expect([...rules.keys()]).toEqual(['Audits']);
  });
});
