import { useCallback, useState } from 'react';
import { useMutation, type AnyVariables } from 'urql';
import type { TypedDocumentString } from '../../gql/graphql';
import { op } from '../../api/operation';
import { problemsFor, problemsOf, type Problem } from '../../api/problems';

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

/**
 * One office mutation for a form: run it, and hold its problems (placed by field) until the next try. urql's document
 * cache then refetches every query on screen that showed an Office, so what changed is shown as it now is.
 */
export function useOfficeAction<Data, Variables extends AnyVariables>(document: TypedDocumentString<Data, Variables>, fieldsByCode: FieldsByCode = {}) {
  const [state, execute] = useMutation<Data, Variables & Record<string, unknown>>(op(document) as never);
  const [problems, setProblems] = useState<Problem[]>([]);
  const run = useCallback(
    async (variables: Variables): Promise<Data | undefined> => {
      setProblems([]);
      const result = await execute(variables as Variables & Record<string, unknown>);
      if (result.error || !result.data) {
        setProblems(placeProblems(problemsOf(result.error), fieldsByCode));
        return undefined;
      }
      return result.data;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [execute],
  );
  return { run, problems, busy: state.fetching };
}
