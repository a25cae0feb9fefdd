import { createServiceClient, DEFAULT_SERVICE_TIMEOUT_MS } from './client.js';

/** What the inbox answered: the new request (PENDING). */
export interface SubmittedApproval {
  id: string;
  status: string;
}

/** One approval request, as the owning subgraph submits it for a maker it has authenticated and authorised. */
export interface ApprovalSubmission {
  /** One of the owner's kinds (administration refuses another subgraph's). */
  kind: string;
  /** The inbox's one line, 1 to 500 characters. */
  summary: string;
  /** Exactly what will be executed once approved (JSON: strings for amounts and dates, null for absent). */
  payload: Record<string, unknown>;
  /** The office checkers need the kind's approve permission over; the maker must work at or above it. */
  officeCode: string;
  /** The staff id of the maker. */
  makerId: string;
}

export interface ApprovalsClient {
  submit(submission: ApprovalSubmission, requestId: string): Promise<SubmittedApproval>;
}

export interface ApprovalsClientOptions {
  /** The submitting subgraph ('accounts', 'money-orders'): the signed service identity administration checks. */
  caller: string;
  /**
   * Administration's GraphQL endpoint (not the gateway: a service-to-service call). A function when it is only known
   * later (the stack starts some subgraphs before administration); answering undefined means not known yet.
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
 * Submits approval requests to administration's inbox over HTTP as the owning service (a signed service identity),
 * never through its tables. A refusal by the inbox's rules (FORBIDDEN, BAD_USER_INPUT, ...) reaches the maker with its
 * code and message; anything else that is not a well-formed answer is DEPENDENCY_UNAVAILABLE, and nothing was
 * submitted.
 */
export function createApprovalsClient(options: ApprovalsClientOptions): ApprovalsClient {
  const { caller, ...rest } = options;
  const client = createServiceClient({ caller, dependency: 'administration', ...rest });
  return {
    submit: (submission, requestId) =>
      client.request({ query: MUTATION, variables: { input: submission }, requestId, read: readSubmitted, passRefusals: true }),
  };
}

function readSubmitted(data: unknown): SubmittedApproval | undefined {
  const submitted = (data as { submitApprovalRequest?: unknown } | null | undefined)?.submitApprovalRequest as Partial<SubmittedApproval> | null | undefined;
  if (!submitted || typeof submitted.id !== 'string' || submitted.id.length === 0 || typeof submitted.status !== 'string') return undefined;
  return { id: submitted.id, status: submitted.status };
}
