import * as v from 'valibot';
import { type SignalRule, SignalRuleSchema } from './card';
import { err, ok, type Result } from './result';

/*
 * A signal's rule as the card editor shows it, one clause a line:
 *   all of: Nvidia
 *   any of: rental, rented, data center, smuggling
 *   any of: enforcement, customs, investigation
 *   none of: gaming
 *   within: paragraph
 */

const CLAUSE = /^\s*(all of|any of|none of|within)\s*:\s*(.*)$/i;

/** A rule as editor text. */
export function formatRule(rule: SignalRule): string {
  const lines = [
    ...(rule.all.length ? [`all of: ${rule.all.join(', ')}`] : []),
    ...rule.any.map((group) => `any of: ${group.join(', ')}`),
    ...(rule.none.length ? [`none of: ${rule.none.join(', ')}`] : []),
    `within: ${rule.scope}`,
  ];
  return lines.join('\n');
}

/** Reads editor text into a rule: null for blank text (no rule), or the first problem, naming its line. */
export function parseRule(text: string): Result<SignalRule | null> {
  const draft = { all: [] as string[], any: [] as string[][], none: [] as string[], scope: 'paragraph' };
  const lines = text.split('\n');
  let any = false;
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    any = true;
    const clause = CLAUSE.exec(line);
    if (!clause) return err(`line ${index + 1}: start with "all of:", "any of:", "none of:" or "within:"`);
    const kind = clause[1]!.toLowerCase();
    const value = clause[2]!.trim();
    if (kind === 'within') {
      draft.scope = value.toLowerCase();
      continue;
    }
    const terms = value
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t !== '');
    if (terms.length === 0) return err(`line ${index + 1}: list at least one term, separated by commas`);
    if (kind === 'all of') draft.all.push(...terms);
    else if (kind === 'none of') draft.none.push(...terms);
    else draft.any.push(terms);
  }
  if (!any) return ok(null);
  const parsed = v.safeParse(SignalRuleSchema, draft);
  if (parsed.success) return ok(parsed.output);
  const issue = parsed.issues[0];
  const where = issue.path?.[0]?.key;
  const label = where === 'scope' ? 'within' : where === 'any' ? 'any of' : where ? `${String(where)} of` : 'rule';
  return err(`${label}: ${issue.message}`);
}
