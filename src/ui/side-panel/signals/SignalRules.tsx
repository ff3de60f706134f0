import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../../../messaging/client';
import type { SignalPreview } from '../../../messaging/protocol';
import type { SignalRule } from '../../../model/card';
import type { RuleTexts } from './rule-form';

interface Props {
  /** The card's id (absent for a new card) and its name as typed: a rule term naming it is the card. */
  cardId: string | undefined;
  name: string;
  signals: readonly string[];
  texts: RuleTexts;
  rules: Map<string, SignalRule>;
  errors: Record<string, string>;
  onChange: (signal: string, text: string) => void;
}

const HINT = 'One clause a line — all of: …, any of: … (one line per group), none of: …, within: paragraph or page.';

/** Which clipped articles a rule would have fired on, asked a moment after the user stops typing. */
function Preview({ cardId, name, rule }: { cardId: string | undefined; name: string; rule: SignalRule }) {
  const [found, setFound] = useState<SignalPreview[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(rule);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void sendToBackground('signal.preview', { ...(cardId ? { cardId } : {}), name: name || 'New card', rule }).then(
        (result) => {
          if (!live) return;
          setFound(result.ok ? result.value : []);
          setError(result.ok ? null : result.error);
        },
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // The rule is compared by its content: a new object of the same rule asks nothing.
  }, [cardId, name, key]);
  if (error) return <p class="field-error">{error}</p>;
  if (!found) return <p class="hint">Looking through your clips…</p>;
  return (
    <div class="rule-preview">
      <p class="hint">
        {found.length === 0
          ? 'It would have fired on none of your clipped articles.'
          : `It would have fired on ${found.length === 1 ? '1 clipped article' : `${found.length} clipped articles`}:`}
      </p>
      {found.length ? (
        <ul aria-label="Clipped articles it would have fired on">
          {found.map((clip) => (
            <li key={clip.clipId}>
              <span class="name">{clip.title}</span>
              <blockquote>{clip.evidence}</blockquote>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A rule field for each of the card's signals, validated as typed, with the clips each would have fired on. */
export function SignalRules({ cardId, name, signals, texts, rules, errors, onChange }: Props) {
  if (signals.length === 0) return null;
  return (
    <fieldset class="signal-rules">
      <legend>When each signal fires</legend>
      <p class="hint" id="rule-hint">
        {HINT} A term naming a card is its mentions; any other is a word, in any inflection. Empty: no rule.
      </p>
      {signals.map((signal, index) => {
        const id = `rule-${index}`;
        const error = errors[signal];
        const rule = rules.get(signal);
        return (
          <div class="field" key={signal}>
            <label for={id}>Rule for “{signal}”</label>
            <textarea
              id={id}
              rows={Math.min(8, Math.max(3, (texts[signal] ?? '').split('\n').length + 1))}
              value={texts[signal] ?? ''}
              placeholder={'all of: Nvidia\nany of: rental, smuggling\nany of: customs, investigation'}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `rule-hint ${id}-error` : 'rule-hint'}
              onInput={(event) => onChange(signal, event.currentTarget.value)}
            />
            {error ? (
              <p class="field-error" id={`${id}-error`}>
                Rule: {error}
              </p>
            ) : rule ? (
              <Preview cardId={cardId} name={name} rule={rule} />
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
