import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CardSchema } from './card';
import { formatRule, parseRule } from './signal-rule-text';

const text = `all of: Nvidia
any of: rental, rented, data center, smuggling
any of: enforcement, customs, investigation
none of: gaming
within: page`;

describe('signal rules as editor text', () => {
  it('reads every clause and writes it back the same', () => {
    const parsed = parseRule(text);
    expect(parsed).toEqual({
      ok: true,
      value: {
        all: ['Nvidia'],
        any: [
          ['rental', 'rented', 'data center', 'smuggling'],
          ['enforcement', 'customs', 'investigation'],
        ],
        none: ['gaming'],
        scope: 'page',
      },
    });
    if (parsed.ok && parsed.value) expect(formatRule(parsed.value)).toBe(text);
  });

  it('reads blank text as no rule, and defaults to paragraph scope', () => {
    expect(parseRule('  \n')).toEqual({ ok: true, value: null });
    expect(parseRule('all of: Nvidia')).toMatchObject({ ok: true, value: { scope: 'paragraph' } });
  });

  it('names the line or clause of a problem', () => {
    expect(parseRule('all of: Nvidia\nsome of: x')).toEqual({ ok: false, error: expect.stringMatching(/^line 2:/) });
    expect(parseRule('any of: ,')).toEqual({ ok: false, error: expect.stringMatching(/^line 1: list at least/) });
    expect(parseRule('none of: gaming')).toEqual({ ok: false, error: expect.stringMatching(/at least one "all of"/) });
    expect(parseRule('all of: Nvidia\nwithin: sentence')).toEqual({
      ok: false,
      error: 'within: must be paragraph or page',
    });
    expect(parseRule('all of: <b>x</b>')).toEqual({ ok: false, error: expect.stringMatching(/plain text/) });
  });

  it('keeps cards without rules valid, and validates a card with one', () => {
    const card = { id: 'nvidia', name: 'Nvidia', kind: 'company', signals: [{ text: 'Watch' }] };
    expect(v.safeParse(CardSchema, card).success).toBe(true);
    const withRule = { ...card, signals: [{ text: 'Watch', rule: { all: ['Nvidia'], any: [['rental']] } }] };
    expect(v.parse(CardSchema, withRule).signals[0]!.rule).toEqual({
      all: ['Nvidia'],
      any: [['rental']],
      none: [],
      scope: 'paragraph',
    });
    const bad = { ...card, signals: [{ text: 'Watch', rule: { any: [[]] } }] };
    expect(v.safeParse(CardSchema, bad).success).toBe(false);
  });
});
