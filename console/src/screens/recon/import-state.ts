/** How often a queued or running import is asked for its progress. */
export const IMPORT_POLL_MS = 1_000;

export function isImportFinished(status: string): boolean {
  return status === 'DONE' || status === 'FAILED';
}

/**
 * Whether an import the upload answered existed before this upload: made more than a few seconds before the answer
 * (by the server's clock, the answer's Date header, so the browser's clock does not matter). A new import is made
 * while the request is answered; the margin covers the Date header's whole seconds and a slow small-file read.
 */
export function madeBefore(createdAt: string, answeredAt: string | null | undefined, marginMs = 3_000): boolean {
  if (!answeredAt) return false;
  const answered = Date.parse(answeredAt);
  const created = Date.parse(createdAt);
  return Number.isFinite(answered) && Number.isFinite(created) && created < answered - marginMs;
}
