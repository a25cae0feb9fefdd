import { useCallback, useState } from 'react';
import { useMutation, type AnyVariables, type OperationContext, type TypedDocumentNode } from 'urql';
import { problemsFor, problemsOf, type Problem } from '../../api/problems';

export interface Command<Data, Variables> {
  /** Sends the mutation; resolves to its data, or undefined when the API refused it (the problems say why). */
  run: (variables: Variables) => Promise<Data | undefined>;
  busy: boolean;
  problems: Problem[];
  /** Problems found in the browser before anything was sent (a required field left empty). */
  setProblems: (problems: Problem[]) => void;
  /** Forgets the problems of a field the person has just edited: what they type now has not been judged yet. */
  clearField: (field: string) => void;
}

/**
 * One staff command (a mutation) as a screen uses it: send, and keep the API's problems (with their fields and
 * codes) for the form to show next to the fields or the action. urql's document cache refetches the queries showing
 * a type the answer names (Staff, ApprovalRequest), so the detail screen shows the change without a reload.
 */
export function useCommand<Data, Variables extends AnyVariables>(document: TypedDocumentNode<Data, Variables>, context?: Partial<OperationContext>): Command<Data, Variables> {
  const [{ fetching }, execute] = useMutation(document);
  const [problems, setProblems] = useState<Problem[]>([]);
  const run = useCallback(
    async (variables: Variables) => {
      setProblems([]);
      const result = await execute(variables, context);
      const found = problemsOf(result.error);
      if (found.length > 0 || !result.data) {
        setProblems(found.length > 0 ? found : [{ message: 'The server answered nothing.', code: undefined, field: undefined, requestId: undefined }]);
        return undefined;
      }
      return result.data;
    },
    [execute, context],
  );
  const clearField = useCallback((field: string) => {
    setProblems((current) => (current.some((problem) => problem.field === field || problem.field?.endsWith(`.${field}`)) ? current.filter((problem) => problem.field !== field && !problem.field?.endsWith(`.${field}`)) : current));
  }, []);
  return { run, busy: fetching, problems, setProblems, clearField };
}

/** A problem found in the browser, in the API's shape, so it shows where the API's would. */
export function localProblem(field: string | undefined, message: string): Problem {
  return { message, code: undefined, field, requestId: undefined };
}

/**
 * The problems of one field, each message with its stable code after it (`that username is already in use
 * (USERNAME_TAKEN)`): the field shows the words, and the code support and the runbook search for is there too.
 * A problem found in the browser has no code and shows as it is.
 */
export function fieldProblems(problems: Problem[], field: string): Problem[] {
  return problemsFor(problems, field).map((problem) => (problem.code ? { ...problem, message: `${problem.message} (${problem.code})` } : problem));
}
