import { useCallback, useState } from 'react';
import { useMutation, type AnyVariables, type TypedDocumentNode } from 'urql';
import { problemsOf, type Problem } from '../../api/problems';

export interface Command<Data, Variables> {
  /** Sends the mutation; resolves to its data, or undefined when the API refused it (the problems say why). */
  run: (variables: Variables) => Promise<Data | undefined>;
  busy: boolean;
  problems: Problem[];
  /** Problems found in the browser before anything was sent (a required field left empty). */
  setProblems: (problems: Problem[]) => void;
}

/**
 * One staff command (a mutation) as a screen uses it: send, and keep the API's problems (with their fields and
 * codes) for the form to show next to the fields or the action. urql's document cache refetches the queries showing
 * a type the answer names (Staff, ApprovalRequest), so the detail screen shows the change without a reload.
 */
export function useCommand<Data, Variables extends AnyVariables>(document: TypedDocumentNode<Data, Variables>): Command<Data, Variables> {
  const [{ fetching }, execute] = useMutation(document);
  const [problems, setProblems] = useState<Problem[]>([]);
  const run = useCallback(
    async (variables: Variables) => {
      setProblems([]);
      const result = await execute(variables);
      const found = problemsOf(result.error);
      if (found.length > 0 || !result.data) {
        setProblems(found.length > 0 ? found : [{ message: 'The server answered nothing.', code: undefined, field: undefined, requestId: undefined }]);
        return undefined;
      }
      return result.data;
    },
    [execute],
  );
  return { run, busy: fetching, problems, setProblems };
}

/** A problem found in the browser, in the API's shape, so it shows where the API's would. */
export function localProblem(field: string | undefined, message: string): Problem {
  return { message, code: undefined, field, requestId: undefined };
}
