import type { CombinedError } from 'urql';
import { problemOf, problemsOf, type Problem } from '../../api/problems';

/**
 * Where the API's refusals of a journal belong on the form. The API names the place in different ways, each checked
 * by triggering it through the gateway:
 * - `extensions.field`: the ledger's rules say `postings[1].amount`, `effectiveDate`, `description`, `postings`; the
 *   input layer says `input.postings.1.accountCode`; both shapes are read here;
 * - variables the gateway refuses before planning (`amount: "1e5"`) carry no field, only the path in the message
 *   (`... at "input.postings[1].amount"; ...`);
 * - an account's refusal (ACCOUNT_NOT_FOUND, MANUAL_ENTRY_NOT_ALLOWED, INSUFFICIENT_FUNDS, ...) names the account in
 *   `extensions.details.accountCode`: it goes next to every line with that account.
 */
export interface JournalProblem extends Problem {
  accountCode: string | undefined;
}

export function journalProblemsOf(error: CombinedError | undefined): JournalProblem[] {
  if (!error || error.graphQLErrors.length === 0) return problemsOf(error).map((problem) => ({ ...problem, accountCode: undefined }));
  return error.graphQLErrors.map((graphQLError) => {
    const problem = problemOf(graphQLError);
    const details = graphQLError.extensions?.details as Record<string, unknown> | undefined;
    const accountCode = typeof details?.accountCode === 'string' ? details.accountCode : undefined;
    const field = problem.field ?? /\bat "([^"]+)"/.exec(problem.message)?.[1];
    return { ...problem, field, accountCode };
  });
}

/** A field path without the operation's variable name: `input.postings.1.amount` -> `postings.1.amount`. */
function bareField(field: string): string {
  return field.replace(/^input\./, '');
}

/** `postings[1].amount`, `postings.1.amount` -> line 1, part `amount`. */
export function postingPlace(field: string): { index: number; part: string | undefined } | undefined {
  const match = /^postings(?:\[(\d+)\]|\.(\d+))(?:\.(\w+))?$/.exec(bareField(field));
  if (!match) return undefined;
  return { index: Number(match[1] ?? match[2]), part: match[3] };
}

export interface PlacedProblems {
  /** By top-level field: officeCode, effectiveDate, description, idempotencyKey, reason, date ... */
  fields: Map<string, Problem[]>;
  /** By sent posting index. */
  lines: Map<number, { account: Problem[]; amount: Problem[] }>;
  /** About the postings as a whole (UNBALANCED_ENTRY, too many lines): shown with the totals. */
  postings: Problem[];
  /** Nothing on the form names them (FORBIDDEN, a network failure): shown next to the submit button. */
  form: Problem[];
}

const FIELD_CODES: Record<string, string> = {
  DAY_CLOSED: 'effectiveDate',
  BEFORE_LEDGER_START: 'effectiveDate',
  BEFORE_OFFICE_OPENED: 'effectiveDate',
  OFFICE_NOT_FOUND: 'officeCode',
  IDEMPOTENCY_CONFLICT: 'idempotencyKey',
};

/** Sorts the problems onto the form; `sentAccounts[n]` is the account of the nth posting sent. */
export function placeProblems(problems: JournalProblem[], sentAccounts: readonly string[] = []): PlacedProblems {
  const placed: PlacedProblems = { fields: new Map(), lines: new Map(), postings: [], form: [] };
  const line = (index: number) => {
    let entry = placed.lines.get(index);
    if (!entry) placed.lines.set(index, (entry = { account: [], amount: [] }));
    return entry;
  };
  const toField = (field: string, problem: Problem) => placed.fields.set(field, [...(placed.fields.get(field) ?? []), problem]);
  for (const problem of problems) {
    const posting = problem.field ? postingPlace(problem.field) : undefined;
    const accountLines = problem.accountCode ? sentAccounts.flatMap((code, index) => (code === problem.accountCode ? [index] : [])) : [];
    if (posting && posting.index < sentAccounts.length) {
      if (posting.part === 'accountCode') line(posting.index).account.push(problem);
      else line(posting.index).amount.push(problem);
    } else if (accountLines.length > 0) {
      for (const index of accountLines) line(index).account.push(problem);
    } else if (problem.field && /^postings\b/.test(bareField(problem.field))) {
      placed.postings.push(problem);
    } else if (problem.code && FIELD_CODES[problem.code]) {
      toField(FIELD_CODES[problem.code]!, problem);
    } else if (problem.field) {
      toField(bareField(problem.field).split('.')[0]!, problem);
    } else {
      placed.form.push(problem);
    }
  }
  return placed;
}

/** The field's problems with their stable code in the words, for a field that shows messages only. */
export function withCodes(problems: Problem[] | undefined): Problem[] {
  return (problems ?? []).map((problem) => (problem.code ? { ...problem, message: `${problem.message} (${problem.code})` } : problem));
}

/** A field's problems, for one of the top-level fields. */
export function fieldProblems(placed: PlacedProblems, field: string): Problem[] {
  return withCodes(placed.fields.get(field));
}

/**
 * The problems a form cannot place anywhere else: those of fields it has no input for (an idempotency key the person
 * never sees) go with the form's own.
 */
export function leftOver(placed: PlacedProblems, shownFields: readonly string[]): Problem[] {
  const hidden = [...placed.fields.entries()].filter(([field]) => !shownFields.includes(field)).flatMap(([, problems]) => problems);
  return [...placed.form, ...hidden];
}
