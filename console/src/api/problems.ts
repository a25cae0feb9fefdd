import type { CombinedError } from 'urql';

/**
 * What went wrong, in the API's own terms: its message (written for people), its stable code and, for bad input, the
 * field it names (`extensions.field`, e.g. `input.postings.1.amount`). Screens show the message next to that field or
 * the action that caused it, with the code available.
 */
export interface Problem {
  message: string;
  code: string | undefined;
  field: string | undefined;
  requestId: string | undefined;
}

interface ErrorLike {
  message: string;
  extensions?: Record<string, unknown> | undefined;
}

export function problemOf(error: ErrorLike): Problem {
  const extensions = error.extensions ?? {};
  return {
    message: error.message,
    code: typeof extensions.code === 'string' ? extensions.code : undefined,
    field: typeof extensions.field === 'string' ? extensions.field : undefined,
    requestId: typeof extensions.requestId === 'string' ? extensions.requestId : undefined,
  };
}

/** Every problem a urql result carries; a network failure becomes one problem with code NETWORK_ERROR. */
export function problemsOf(error: CombinedError | undefined): Problem[] {
  if (!error) return [];
  if (error.graphQLErrors.length > 0) return error.graphQLErrors.map(problemOf);
  return [
    {
      message: 'The server could not be reached. Check the connection and try again.',
      code: 'NETWORK_ERROR',
      field: undefined,
      requestId: undefined,
    },
  ];
}

/**
 * The problems that belong to `field` (the input's path as the API names it, e.g. `name` or `input.name`): an
 * exact match, or a deeper path under it.
 */
export function problemsFor(problems: Problem[], ...fields: string[]): Problem[] {
  return problems.filter(
    (problem) =>
      problem.field !== undefined &&
      fields.some((field) => problem.field === field || problem.field!.startsWith(`${field}.`) || problem.field!.endsWith(`.${field}`)),
  );
}

/** The problems no field claims, shown next to the action. */
export function unclaimed(problems: Problem[], claimedFields: string[]): Problem[] {
  const claimed = new Set(problemsFor(problems, ...claimedFields));
  return problems.filter((problem) => !claimed.has(problem));
}

export function isCode(problems: Problem[], code: string): boolean {
  return problems.some((problem) => problem.code === code);
}
