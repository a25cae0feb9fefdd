import type { CombinedError } from 'urql';
import { problemOf, problemsOf, type Problem } from '../../api/problems';
import { placed } from '../money-orders/problems';

/**
 * A reconciliation refusal: the API's problem and its `extensions.details` (a malformed file's line and element, a
 * CSV layout's path), which the statement screens show next to the message.
 */
export interface ReconProblem extends Problem {
  details: Record<string, unknown>;
}

interface ErrorLike {
  message: string;
  extensions?: Record<string, unknown> | undefined;
}

export function reconProblemOf(error: ErrorLike): ReconProblem {
  const details = error.extensions?.details;
  return { ...problemOf(error), details: details && typeof details === 'object' ? (details as Record<string, unknown>) : {} };
}

export function reconProblemsOf(error: CombinedError | undefined): ReconProblem[] {
  if (!error) return [];
  if (error.graphQLErrors.length > 0) return error.graphQLErrors.map(reconProblemOf);
  return problemsOf(error).map((problem) => ({ ...problem, details: {} }));
}

/**
 * Where a refusal belongs when the API names no field: the accounts subgraph answers an unsuitable or unknown ledger
 * account, or an unknown office, in its own words.
 */
const FIELD_OF_CODE: Record<string, string> = {
  LEDGER_ACCOUNT_UNSUITABLE: 'ledgerAccountCode',
  ACCOUNT_NOT_FOUND: 'ledgerAccountCode',
  OFFICE_NOT_FOUND: 'officeCode',
  INVALID_IBAN: 'accountNumber',
  INVALID_ACCOUNT_NUMBER: 'accountNumber',
  INVALID_IFSC: 'ifsc',
  INVALID_BIC: 'bic',
  BANK_ACCOUNT_EXISTS: 'accountNumber',
};

export function placedRecon(problems: Problem[]): Problem[] {
  return placed(problems).map((problem) => (problem.field === undefined && problem.code && FIELD_OF_CODE[problem.code] ? { ...problem, field: FIELD_OF_CODE[problem.code] } : problem));
}

/** "line 14, element :62F:" from a refusal's details (or an import's error), or '' when it names neither. */
export function whereInFile(where: { line?: unknown; element?: unknown; path?: unknown }): string {
  const parts = [
    typeof where.line === 'number' ? `line ${where.line}` : '',
    typeof where.element === 'string' && where.element !== '' ? `element ${where.element}` : '',
    typeof where.path === 'string' && where.path !== '' ? `at ${where.path}` : '',
  ].filter(Boolean);
  return parts.join(', ');
}
