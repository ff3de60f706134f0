import type { Card, SignalRule } from '../../../model/card';
import { formatRule, parseRule } from '../../../model/signal-rule-text';

/** The rule texts of the editor, by signal text (a signal whose text changes starts without a rule). */
export type RuleTexts = Record<string, string>;

/** The rule texts of a card's signals. */
export function ruleTextsOf(card: Card | null): RuleTexts {
  const texts: RuleTexts = {};
  for (const signal of card?.signals ?? []) if (signal.rule) texts[signal.text] = formatRule(signal.rule);
  return texts;
}

/** The signal lines of the editor's "Key signals" field. */
export function signalLines(signals: string): string[] {
  return [
    ...new Set(
      signals
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    ),
  ];
}

/** Reads the rules of the signals listed: the valid ones by signal text, and each problem by signal text. */
export function readRules(
  signals: readonly string[],
  texts: RuleTexts,
): { rules: Map<string, SignalRule>; errors: Record<string, string> } {
  const rules = new Map<string, SignalRule>();
  const errors: Record<string, string> = {};
  for (const signal of signals) {
    const parsed = parseRule(texts[signal] ?? '');
    if (!parsed.ok) errors[signal] = parsed.error;
    else if (parsed.value) rules.set(signal, parsed.value);
  }
  return { rules, errors };
}
