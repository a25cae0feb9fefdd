/** Stable codes of the manual-journal path through the approvals inbox (schema/accounts.graphql lists the first). */
export const ApprovalCodes = {
  DEPENDENCY_UNAVAILABLE: 'DEPENDENCY_UNAVAILABLE',
  /** The approved payload no longer hashes to what the checker approved: nothing is executed. */
  PAYLOAD_TAMPERED: 'PAYLOAD_TAMPERED',
  /** The approved payload is not a manual journal this release can execute. */
  PAYLOAD_INVALID: 'PAYLOAD_INVALID',
} as const;

/** Administration (the approvals inbox) did not answer; nothing was submitted. One class for every service call. */
export { DependencyUnavailableError } from '@postal/errors';

/** The owner's payload errors are shared by every subgraph that executes approvals (@postal/server). */
export { ApprovalPayloadTamperedError as PayloadTamperedError, ApprovalPayloadInvalidError as PayloadInvalidError } from '@postal/server';
