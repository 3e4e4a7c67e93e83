import type { InputIssue } from '@jobcast/contracts';

/** The caller's input is wrong; transports turn it into 400 / INVALID_ARGUMENT naming each field. */
export class InvalidInputError extends Error {
  constructor(readonly issues: InputIssue[]) {
    super(issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '));
  }
}

/** A model the answer needs is not loaded (yet); transports turn it into 503 / UNAVAILABLE. */
export class ModelsUnavailableError extends Error {}

/** Prefixes every issue's field with the item's position in a batch, e.g. `items.3.n_files`. */
export function issuesAtIndex(index: number, issues: InputIssue[], prefix = 'items'): InputIssue[] {
  return issues.map((issue) => ({
    field: issue.field === '(body)' || issue.field === '(document)' ? `${prefix}.${index}` : `${prefix}.${index}.${issue.field}`,
    message: issue.message,
  }));
}
