import { problemsFor, type Problem } from '../../api/problems';

/**
 * A refusal the API gives without `extensions.field` but that plainly belongs to one (a type that cannot stand under
 * the parent is about the type): the field the form shows it next to.
 */
export type FieldsByCode = Record<string, string>;

export function placeProblems(problems: Problem[], fieldsByCode: FieldsByCode): Problem[] {
  return problems.map((problem) =>
    problem.field === undefined && problem.code !== undefined && fieldsByCode[problem.code] ? { ...problem, field: fieldsByCode[problem.code] } : problem,
  );
}

/**
 * The problems to show under a field, each with its stable code after the message (TextField shows the message; the
 * code is what support and the runbook search for).
 */
export function fieldProblems(problems: Problem[], ...fields: string[]): Problem[] {
  return problemsFor(problems, ...fields).map((problem) => (problem.code ? { ...problem, message: `${problem.message} (${problem.code})` } : problem));
}
