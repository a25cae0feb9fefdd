/** How often a queued or running import is asked for its progress. */
export const IMPORT_POLL_MS = 1_000;

export function isImportFinished(status: string): boolean {
  return status === 'DONE' || status === 'FAILED';
}

