import * as v from 'valibot';
import { type Card, CardSchema, type SignalRule } from '../../../model/card';

/** The editor's fields, as the user types them: lists one item per line, tags and context words by commas. */
export interface CardForm {
  name: string;
  kind: string;
  aliases: string;
  summary: string;
  signals: string;
  implications: string;
  tags: string;
  related: string;
  sources: string;
  notes: string;
  require: string;
  exclude: string;
}

/** A form field's name. */
export type FieldName = keyof CardForm;

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
const commas = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** The form of an existing card, or of a new one. */
export function toForm(card: Card | null): CardForm {
  return {
    name: card?.name ?? '',
    kind: card?.kind ?? 'entity',
    aliases: card?.aliases.join('\n') ?? '',
    summary: card?.summary ?? '',
    signals: card?.signals.map((s) => s.text).join('\n') ?? '',
    implications: card?.implications.join('\n') ?? '',
    tags: card?.tags.join(', ') ?? '',
    related: card?.related.join('\n') ?? '',
    sources: card?.sources.join('\n') ?? '',
    notes: card?.notes ?? '',
    require: card?.context?.require.join(', ') ?? '',
    exclude: card?.context?.exclude.join(', ') ?? '',
  };
}

/** Where a card field's problems are shown in the form. */
const FIELD_OF: Record<string, FieldName> = {
  id: 'name',
  name: 'name',
  kind: 'kind',
  aliases: 'aliases',
  summary: 'summary',
  signals: 'signals',
  implications: 'implications',
  tags: 'tags',
  related: 'related',
  sources: 'sources',
  notes: 'notes',
};

/**
 * Reads the form into a card, validated as the store will validate it; or the problems, by field. A signal
 * line keeps the rule `rules` holds for its text.
 */
export function fromForm(
  form: CardForm,
  id: string,
  rules: ReadonlyMap<string, SignalRule> = new Map(),
): { ok: true; card: Card } | { ok: false; errors: Partial<Record<FieldName, string>> } {
  const require = commas(form.require);
  const exclude = commas(form.exclude);
  const parsed = v.safeParse(CardSchema, {
    id,
    name: form.name,
    kind: form.kind.trim().toLowerCase(),
    aliases: lines(form.aliases),
    summary: form.summary,
    signals: lines(form.signals).map((text) => {
      const rule = rules.get(text);
      return rule ? { text, rule } : { text };
    }),
    implications: lines(form.implications),
    tags: commas(form.tags),
    related: lines(form.related),
    sources: lines(form.sources),
    notes: form.notes,
    ...(require.length || exclude.length ? { context: { require, exclude } } : {}),
  });
  if (parsed.success) return { ok: true, card: parsed.output };
  const errors: Partial<Record<FieldName, string>> = {};
  for (const issue of parsed.issues) {
    const path = issue.path ?? [];
    const top = String(path[0]?.key ?? 'name');
    const field: FieldName =
      top === 'context' ? (path[1]?.key === 'exclude' ? 'exclude' : 'require') : (FIELD_OF[top] ?? 'name');
    const index = path[1]?.key;
    const where = typeof index === 'number' && top !== 'context' ? `item ${index + 1}: ` : '';
    errors[field] ??= `${where}${issue.message}`;
  }
  return { ok: false, errors };
}
