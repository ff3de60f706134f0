import { useRef, useState } from 'preact/hooks';
import { sendToBackground } from '../../../messaging/client';
import type { Card } from '../../../model/card';
import { readRules, ruleTextsOf, signalLines } from '../signals/rule-form';
import { SignalRules } from '../signals/SignalRules';
import { type CardForm, type FieldName, fromForm, toForm } from './form';

interface Props {
  /** The card to edit, or null for a new card. */
  card: Card | null;
  onSaved: (card: Card) => void;
  onCancel: () => void;
}

interface FieldSpec {
  name: FieldName;
  label: string;
  hint?: string;
  multiline?: boolean;
}

const FIELDS: FieldSpec[] = [
  { name: 'name', label: 'Name' },
  { name: 'kind', label: 'Kind', hint: 'country, company, person, product, topic… (topic for keywords and themes)' },
  { name: 'aliases', label: 'Aliases', hint: 'One per line: other names, acronyms, spellings.', multiline: true },
  { name: 'summary', label: 'Summary', multiline: true },
  { name: 'signals', label: 'Key signals', hint: 'One per line: what to watch for.', multiline: true },
  { name: 'implications', label: 'Implications', hint: 'One per line.', multiline: true },
  { name: 'tags', label: 'Tags', hint: 'Separated by commas.' },
  { name: 'related', label: 'Related cards', hint: 'One card name per line.', multiline: true },
  { name: 'sources', label: 'Sources', hint: 'One per line: links or references.', multiline: true },
  { name: 'notes', label: 'Notes', multiline: true },
  { name: 'require', label: 'Links only near', hint: 'Words separated by commas; empty links everywhere.' },
  { name: 'exclude', label: 'Never links near', hint: 'Words separated by commas.' },
];

const KINDS = ['country', 'company', 'organisation', 'person', 'product', 'place', 'entity', 'topic'];

/** The card editor: every field, validated as typed before it is saved; errors are tied to their fields. */
export function CardEditor({ card, onSaved, onCancel }: Props) {
  const [form, setForm] = useState<CardForm>(() => toForm(card));
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // The signals' rules, validated as typed.
  const [ruleTexts, setRuleTexts] = useState(() => ruleTextsOf(card));
  const signals = signalLines(form.signals);
  const { rules, errors: ruleErrors } = readRules(signals, ruleTexts);

  const submit = async (event: Event) => {
    event.preventDefault();
    const badRule = signals.findIndex((signal) => ruleErrors[signal]);
    if (badRule >= 0) {
      formRef.current?.querySelector<HTMLElement>(`#rule-${badRule}`)?.focus();
      return;
    }
    const read = fromForm(form, card?.id ?? 'new', rules);
    if (!read.ok) {
      setErrors(read.errors);
      const first = FIELDS.find((f) => read.errors[f.name]);
      if (first) formRef.current?.querySelector<HTMLElement>(`#field-${first.name}`)?.focus();
      return;
    }
    setErrors({});
    setSaving(true);
    const result = await sendToBackground('card.save', { card: read.card, create: card === null });
    setSaving(false);
    if (result.ok) onSaved(result.value);
    else setFailure(result.error);
  };

  return (
    <form ref={formRef} class="editor" aria-labelledby="editor-title" onSubmit={submit} noValidate>
      <h2 id="editor-title">{card ? `Edit “${card.name}”` : 'New card'}</h2>
      {failure ? (
        <p role="alert" class="error">
          {failure}
        </p>
      ) : null}
      {FIELDS.map((field) => {
        const id = `field-${field.name}`;
        const error = errors[field.name];
        const described = [field.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
        const common = {
          id,
          name: field.name,
          value: form[field.name],
          'aria-invalid': error ? true : undefined,
          'aria-describedby': described || undefined,
          onInput: (event: Event) => {
            const value = (event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value;
            setForm((current) => ({ ...current, [field.name]: value }));
          },
        };
        return [
          <div class="field" key={field.name}>
            <label for={id}>{field.label}</label>
            {field.multiline ? (
              <textarea {...common} rows={field.name === 'notes' || field.name === 'summary' ? 4 : 3} />
            ) : (
              <input
                {...common}
                type="text"
                required={field.name === 'name'}
                list={field.name === 'kind' ? 'kinds' : undefined}
              />
            )}
            {field.hint ? (
              <p class="hint" id={`${id}-hint`}>
                {field.hint}
              </p>
            ) : null}
            {error ? (
              <p class="field-error" id={`${id}-error`}>
                {field.label}: {error}
              </p>
            ) : null}
          </div>,
          // Each signal's rule, right below the signals.
          field.name === 'signals' ? (
            <SignalRules
              key="rules"
              cardId={card?.id}
              name={form.name}
              signals={signals}
              texts={ruleTexts}
              rules={rules}
              errors={ruleErrors}
              onChange={(signal, text) => setRuleTexts((current) => ({ ...current, [signal]: text }))}
            />
          ) : null,
        ];
      })}
      <datalist id="kinds">
        {KINDS.map((kind) => (
          <option key={kind} value={kind} />
        ))}
      </datalist>
      <div class="actions">
        <button type="submit" class="btn primary" disabled={saving}>
          {saving ? 'Saving…' : card ? 'Save card' : 'Create card'}
        </button>
        <button type="button" class="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
