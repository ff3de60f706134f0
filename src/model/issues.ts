import * as v from 'valibot';

/** How a kind of document words the problems its validation finds. */
export interface IssueWords {
  /** The reason when a validation failed without saying why. */
  invalid: string;
  /** The reason for a field the schema does not know (`received` names it). */
  unknownField: (received: string) => string;
  /** Plainer words for the types a schema expected (`boolean` → `true or false`). */
  expected?: Readonly<Record<string, string>>;
}

/** The first problem of a validation, as its path and a reason a person can act on. */
export function describeIssue(issues: readonly v.BaseIssue<unknown>[], words: IssueWords): string {
  const issue = issues[0];
  if (!issue) return words.invalid;
  const path = v.getDotPath(issue);
  let message = issue.message;
  const objectKey = (issue.type === 'strict_object' || issue.type === 'object') && issue.path !== undefined;
  if (objectKey && issue.expected === 'never') message = words.unknownField(issue.received);
  else if (objectKey && issue.input === undefined) message = 'is missing';
  else if (issue.kind === 'schema' && issue.expected) {
    message = `must be ${words.expected?.[issue.expected] ?? issue.expected}, not ${issue.received}`;
  }
  return path ? `${path}: ${message}` : message;
}
