import { useCallback, useState } from 'react';
import { useMutation, type AnyVariables } from 'urql';
import type { TypedDocumentString } from '../../gql/graphql';
import { op } from '../../api/operation';
import { problemsOf, type Problem } from '../../api/problems';
import { placeProblems, type FieldsByCode } from './office-problems';

export { fieldProblems } from './office-problems';

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
  /** Forgets the last answer's problems (a new attempt stopped by the form's own checks must not show stale ones). */
  const clear = useCallback(() => setProblems([]), []);
  return { run, clear, problems, busy: state.fetching };
}
