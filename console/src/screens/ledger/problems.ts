import type { Problem } from '../../api/problems';

/** What a failed read threw, as problems to show: the API's own, or the thrown error's message. */
export function asProblems(thrown: unknown): Problem[] {
  if (Array.isArray(thrown)) return thrown as Problem[];
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return [{ message, code: undefined, field: undefined, requestId: undefined }];
}
