import { createServiceClient, DEFAULT_SERVICE_TIMEOUT_MS } from '@postal/service-client';
import type { ManualJournalPayload } from './payload.js';

/** What the inbox answered: the new request (PENDING). */
export interface SubmittedApproval {
  id: string;
  status: string;
}

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

export const DEFAULT_ADMINISTRATION_TIMEOUT_MS = DEFAULT_SERVICE_TIMEOUT_MS;

const MUTATION =
  'mutation SubmitApprovalRequest($input: SubmitApprovalRequestInput!) { submitApprovalRequest(input: $input) { id status } }';

/**
 * Submits manual journals to administration's approvals inbox over HTTP as the accounts service
 * (`@postal/service-client`: a signed service identity), never through its tables. A refusal by the inbox's rules
 * (FORBIDDEN, BAD_USER_INPUT, ...) reaches the maker with its code and message; anything else that is not a well-formed
 * answer is DEPENDENCY_UNAVAILABLE, and nothing was submitted.
 */
export function createApprovalsClient(options: ApprovalsClientOptions): ApprovalsClient {
  const client = createServiceClient({ caller: 'accounts', dependency: 'administration', ...options });
  return {
    submit: (submission, requestId) =>
      client.request({
        query: MUTATION,
        variables: { input: { kind: 'MANUAL_JOURNAL', ...submission } },
        requestId,
        read: readSubmitted,
        passRefusals: true,
      }),
  };
}

function readSubmitted(data: unknown): SubmittedApproval | undefined {
  const submitted = (data as { submitApprovalRequest?: unknown } | null | undefined)?.submitApprovalRequest as Partial<SubmittedApproval> | null | undefined;
  if (!submitted || typeof submitted.id !== 'string' || submitted.id.length === 0 || typeof submitted.status !== 'string') return undefined;
  return { id: submitted.id, status: submitted.status };
}
