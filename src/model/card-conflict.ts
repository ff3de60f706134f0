import type { Card } from './card';
import { formatRule } from './signal-rule-text';

/*
 * Two members edited the same shared card while apart: the team's database keeps every version (CouchDB's
 * conflicting leaf revisions) and picks the same winner everywhere. Comparing the versions field by field and
 * building the one the user keeps (a version whole, or each field from the version they chose) is pure and
 * lives here; reading and writing the revisions is the background's.
 */

/** One version of a card in conflict: a leaf revision of its team document, with who wrote it and when. */
export interface CardVersion {
  rev: string;
  /** The card in that revision; null when the revision is not a readable card (it is shown as such, never kept). */
  card: Card | null;
  updatedBy: string | null;
  /** ISO time. */
  updated: string | null;
}

/** A card whose team copy holds conflicting versions: the winner (what every member sees) first. */
export interface CardConflict {
  team: string;
  cardId: string;
  versions: CardVersion[];
}

/** A card in conflict, as a list marks it. */
export interface ConflictMark {
  team: string;
  cardId: string;
  /** How many versions are in conflict (2 or more). */
  versions: number;
}

/** The fields of a card a user edits, in the editor's order. */
export const CARD_FIELDS = [
  'name',
  'kind',
  'aliases',
  'summary',
  'signals',
  'implications',
  'tags',
  'related',
  'sources',
  'notes',
  'context',
] as const;

/** A field of a card that versions may disagree on. */
export type CardField = (typeof CARD_FIELDS)[number];

/** Each field's name as the editor labels it. */
export const FIELD_LABELS: Record<CardField, string> = {
  name: 'Name',
  kind: 'Kind',
  aliases: 'Aliases',
  summary: 'Summary',
  signals: 'Key signals',
  implications: 'Implications',
  tags: 'Tags',
  related: 'Related cards',
  sources: 'Sources',
  notes: 'Notes',
  context: 'Where it links',
};

/** For each differing field, the index of the version it is taken from (fields left out come from the first). */
export type FieldChoices = Partial<Record<CardField, number>>;

/** A field's value in a comparable form: no context rules and empty ones are the same. */
function comparable(card: Card, field: CardField): unknown {
  if (field !== 'context') return card[field];
  const rules = card.context;
  return rules && (rules.require.length > 0 || rules.exclude.length > 0) ? rules : null;
}

/** Whether two versions of a card agree on a field. */
export function sameField(a: Card, b: Card, field: CardField): boolean {
  return JSON.stringify(comparable(a, field)) === JSON.stringify(comparable(b, field));
}

/** The fields on which the versions do not all agree, in the editor's order. */
export function differingFields(versions: readonly Card[]): CardField[] {
  const [first, ...others] = versions;
  if (!first) return [];
  return CARD_FIELDS.filter((field) => others.some((other) => !sameField(first, other, field)));
}

/**
 * The card built from `versions`: each field from the version `choices` names for it, the others from the
 * first version; its id is the first's. A choice out of range is an error, never a silent default.
 */
export function mergeVersions(versions: readonly Card[], choices: FieldChoices = {}): Card {
  const first = versions[0];
  if (!first) throw new Error('There is no version to keep.');
  const merged: Card = { ...first };
  for (const field of CARD_FIELDS) {
    const index = choices[field];
    if (index === undefined) continue;
    const from = versions[index];
    if (!from) throw new Error(`There is no version ${index + 1} to take the ${FIELD_LABELS[field]} from.`);
    if (field === 'context') {
      if (from.context) merged.context = from.context;
      else delete merged.context;
    } else Object.assign(merged, { [field]: from[field] });
  }
  return merged;
}

/** A field's value as text to read: one item per line, context rules in words; empty as "(empty)". */
export function fieldText(card: Card, field: CardField): string {
  let text: string;
  switch (field) {
    case 'signals':
      // A signal's rule is part of it: two versions that differ only there must not read the same.
      text = card.signals
        .map((s) => (s.rule ? `${s.text} (${formatRule(s.rule).replace(/\n/g, '; ')})` : s.text))
        .join('\n');
      break;
    case 'context': {
      const rules = card.context;
      const parts = [
        rules?.require.length ? `Links only near: ${rules.require.join(', ')}` : '',
        rules?.exclude.length ? `Never links near: ${rules.exclude.join(', ')}` : '',
      ];
      text = parts.filter(Boolean).join('\n');
      break;
    }
    case 'tags':
      text = card.tags.join(', ');
      break;
    default: {
      const value = card[field];
      text = Array.isArray(value) ? value.join('\n') : value;
    }
  }
  return text === '' ? '(empty)' : text;
}

/** A version's letter as the conflict view names it: A for the first, B for the second… */
export function versionLetter(index: number): string {
  return index < 26 ? String.fromCharCode(65 + index) : String(index + 1);
}
