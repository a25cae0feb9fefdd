import type { Problem } from '../api/problems';

/**
 * The API's problems in words, next to the action that caused them, each with its stable code (what support and the
 * runbook search for) and the request id when the server gave one.
 */
export function ProblemList({ problems, id }: { problems: Problem[]; id?: string }) {
  if (problems.length === 0) return null;
  return (
    <div className="problems" role="alert" id={id}>
      {problems.map((problem, index) => (
        <p key={index} className="problem">
          {problem.message}
          {problem.code ? <code className="problem-code">{problem.code}</code> : null}
          {problem.requestId ? <span className="problem-request">request {problem.requestId}</span> : null}
        </p>
      ))}
    </div>
  );
}
