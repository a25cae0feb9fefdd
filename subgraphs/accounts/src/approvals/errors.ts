import { ExpectedError } from '@postal/errors';

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

export class PayloadTamperedError extends ExpectedError {
  constructor() {
    super(ApprovalCodes.PAYLOAD_TAMPERED, 'the approved payload does not match its hash; nothing was posted');
  }
}

export class PayloadInvalidError extends ExpectedError {
  constructor(problem: string) {
    super(ApprovalCodes.PAYLOAD_INVALID, `the approved payload is not a manual journal: ${problem}`);
  }
}
