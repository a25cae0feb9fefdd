import { problemsFor, type Problem } from '../../api/problems';

/**
 * Where a money-order refusal belongs on a form. Most carry `extensions.field` (`sender.phone`, `payee.payingOfficeCode`,
 * `reference`); the amount's refusals (INVALID_AMOUNT, AMOUNT_OUT_OF_RANGE, LIMIT_EXCEEDED, TARIFF_NOT_FOUND) may come
 * from the tariff rules without one, and belong next to the amount; a wrong code belongs next to the code.
 */
const FIELD_OF_CODE: Record<string, string> = {
  INVALID_AMOUNT: 'amount',
  AMOUNT_OUT_OF_RANGE: 'amount',
  LIMIT_EXCEEDED: 'amount',
  TARIFF_NOT_FOUND: 'amount',
  INVALID_REFERENCE: 'reference',
  MONEY_ORDER_NOT_FOUND: 'reference',
  WRONG_CODE: 'code',
  CODE_EXPIRED: 'code',
  WRONG_ID_DOCUMENT: 'idDocument',
};

/** The problems with a field filled in from their code where the API gave none; `input.` prefixes are dropped. */
export function placed(problems: Problem[]): Problem[] {
  return problems.map((problem) => {
    const field = problem.field?.replace(/^input\./, '') ?? (problem.code ? FIELD_OF_CODE[problem.code] : undefined);
    return field === problem.field ? problem : { ...problem, field };
  });
}

/** A field's problems, each message followed by its stable code, as the other screens show them. */
export function onField(problems: Problem[], ...fields: string[]): Problem[] {
  return problemsFor(problems, ...fields).map((problem) => (problem.code ? { ...problem, message: `${problem.message} (${problem.code})` } : problem));
}

/** The problems no shown field claims: next to the action. */
export function notOnFields(problems: Problem[], shown: readonly string[]): Problem[] {
  const claimed = new Set(problemsFor(problems, ...shown));
  return problems.filter((problem) => !claimed.has(problem));
}

export function localProblem(field: string, message: string): Problem {
  return { message, code: undefined, field, requestId: undefined };
}
