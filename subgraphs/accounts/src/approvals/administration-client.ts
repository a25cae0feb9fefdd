import { createApprovalsClient as createInboxClient, DEFAULT_ADMINISTRATION_TIMEOUT_MS, type SubmittedApproval } from '@postal/service-client';
import type { ManualJournalPayload } from './payload.js';

export { DEFAULT_ADMINISTRATION_TIMEOUT_MS, type SubmittedApproval };

export interface ManualJournalSubmission {
  /** The inbox's one line (payload.ts builds it). */
  summary: string;
  payload: ManualJournalPayload;
  /** The office checkers need journal.manual.approve over. */
  officeCode: string;
  /** The staff id of the maker, whom accounts has authenticated and authorised (journal.manual.submit). */
  makerId: string;
}

export interface ApprovalsClient {
  submit(submission: ManualJournalSubmission, requestId: string): Promise<SubmittedApproval>;
}

export interface ApprovalsClientOptions {
  /**
   * Administration's GraphQL endpoint (not the gateway: a service-to-service call). A function when it is only known
   * later (the stack starts accounts before administration); answering undefined means not known yet.
   */
  url: string | (() => string | undefined);
  identitySecret: string;
  /** A call that has not answered by then fails; a maker waits for no longer. */
  timeoutMs?: number;
}

/**
 * Submits manual journals to administration's approvals inbox as the accounts service, through the shared inbox
 * client (@postal/service-client createApprovalsClient: a signed service call, refusals passed on with their code,
 * anything else DEPENDENCY_UNAVAILABLE with nothing submitted).
 */
export function createApprovalsClient(options: ApprovalsClientOptions): ApprovalsClient {
  const inbox = createInboxClient({ caller: 'accounts', ...options });
  return {
    submit: (submission, requestId) =>
      inbox.submit({ kind: 'MANUAL_JOURNAL', ...submission, payload: submission.payload as unknown as Record<string, unknown> }, requestId),
  };
}
