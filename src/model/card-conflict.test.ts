import { describe, expect, it } from 'vitest';
import type { Card } from './card';
import { differingFields, fieldText, mergeVersions, sameField, versionLetter } from './card-conflict';

const base: Card = {
  id: 'tsmc',
  name: 'TSMC',
  kind: 'company',
  aliases: ['Taiwan Semiconductor'],
  summary: 'Chip foundry.',
  signals: [{ text: 'Export rules' }],
  implications: [],
  tags: ['chips'],
  related: [],
  sources: [],
  notes: '',
};

describe('comparing versions of a card', () => {
  it('lists the fields that differ, in the editor’s order, and nothing when they agree', () => {
    const alice = { ...base, summary: 'Largest chip foundry.', tags: ['chips', 'taiwan'] };
    const bob = { ...base, summary: 'Chip foundry in Hsinchu.', notes: 'Watch Arizona.' };
    expect(differingFields([alice, bob])).toEqual(['summary', 'tags', 'notes']);
    expect(differingFields([base, { ...base }])).toEqual([]);
    expect(differingFields([])).toEqual([]);
  });

  it('compares lists in order and whole objects, and takes absent and empty context rules as the same', () => {
    expect(sameField(base, { ...base, aliases: ['Taiwan Semiconductor'] }, 'aliases')).toBe(true);
    expect(sameField(base, { ...base, tags: ['Chips'] }, 'tags')).toBe(false);
    expect(sameField(base, { ...base, signals: [{ text: 'Export rules ' }] }, 'signals')).toBe(false);
    expect(sameField(base, { ...base, context: { require: [], exclude: [] } }, 'context')).toBe(true);
    expect(sameField(base, { ...base, context: { require: ['chip'], exclude: [] } }, 'context')).toBe(false);
  });

  it('finds a field on which any of three versions differs from the others', () => {
    const third = { ...base, kind: 'organisation' };
    expect(differingFields([base, { ...base }, third])).toEqual(['kind']);
    expect(differingFields([third, base, { ...base }])).toEqual(['kind']);
  });
});

describe('merging versions field by field', () => {
  const alice: Card = {
    ...base,
    summary: 'Largest chip foundry.',
    tags: ['chips', 'taiwan'],
    context: { require: ['chip'], exclude: [] },
  };
  const bob: Card = { ...base, id: 'tsmc', summary: 'Chip foundry in Hsinchu.', notes: 'Watch Arizona.' };

  it('keeps the first version whole without choices', () => {
    expect(mergeVersions([alice, bob])).toEqual(alice);
    expect(mergeVersions([bob, alice])).toEqual(bob);
  });

  it('takes each chosen field from its version, the rest from the first', () => {
    const merged = mergeVersions([alice, bob], { summary: 1, notes: 1 });
    expect(merged).toEqual({ ...alice, summary: bob.summary, notes: bob.notes });
    // The versions themselves are left as they were.
    expect(alice.summary).toBe('Largest chip foundry.');
    expect(bob.context).toBeUndefined();
  });

  it('takes context rules away when the chosen version has none', () => {
    const merged = mergeVersions([alice, bob], { context: 1, tags: 0 });
    expect(merged.context).toBeUndefined();
    expect('context' in merged).toBe(false);
    expect(merged.tags).toEqual(['chips', 'taiwan']);
    expect(mergeVersions([bob, alice], { context: 1 }).context).toEqual({ require: ['chip'], exclude: [] });
  });

  it('refuses a choice of a version that is not there, and an empty list', () => {
    expect(() => mergeVersions([alice, bob], { summary: 2 })).toThrow('no version 3');
    expect(() => mergeVersions([])).toThrow('no version to keep');
  });

  it('every field chosen from the second version gives the second version', () => {
    const all = Object.fromEntries(differingFields([alice, bob]).map((f) => [f, 1]));
    expect(mergeVersions([alice, bob], all)).toEqual(bob);
  });
});

describe('a field as text', () => {
  it('reads lists one item per line, tags by commas, context rules in words and nothing as (empty)', () => {
    const card: Card = {
      ...base,
      aliases: ['A', 'B'],
      signals: [{ text: 'one' }, { text: 'two' }],
      context: { require: ['chip', 'foundry'], exclude: ['potato'] },
    };
    expect(fieldText(card, 'aliases')).toBe('A\nB');
    expect(fieldText(card, 'signals')).toBe('one\ntwo');
    const rule = { all: ['Nvidia'], any: [['rental']], none: [], scope: 'page' as const };
    expect(fieldText({ ...card, signals: [{ text: 'one', rule }] }, 'signals')).toBe(
      'one (all of: Nvidia; any of: rental; within: page)',
    );
    expect(fieldText({ ...card, tags: ['x', 'y'] }, 'tags')).toBe('x, y');
    expect(fieldText(card, 'context')).toBe('Links only near: chip, foundry\nNever links near: potato');
    expect(fieldText(base, 'context')).toBe('(empty)');
    expect(fieldText(base, 'notes')).toBe('(empty)');
    expect(fieldText(base, 'summary')).toBe('Chip foundry.');
  });

  it('names versions by letter', () => {
    expect([0, 1, 2, 25, 26].map(versionLetter)).toEqual(['A', 'B', 'C', 'Z', '27']);
  });
});
