import { signIdentity } from '@postal/auth';
import { ExpectedError } from '@postal/errors';
import { DependencyUnavailableError } from './errors.js';
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

export const DEFAULT_ADMINISTRATION_TIMEOUT_MS = 5_000;

const MUTATION =
  'mutation SubmitApprovalRequest($input: SubmitApprovalRequestInput!) { submitApprovalRequest(input: $input) { id status } }';

/**
 * Codes that are not a rule of the inbox saying no to this request but a fault between the two services: our query or
 * signature is wrong, or administration failed. Passing them on would mislead the maker (UNAUTHENTICATED would sign
 * them out), so they are DEPENDENCY_UNAVAILABLE like an unreachable server.
 */
const FAULT_CODES = new Set([
  'INTERNAL_SERVER_ERROR',
  'UNAUTHENTICATED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);
const CODE = /^[A-Z][A-Z0-9_]{0,63}$/;
const MAX_MESSAGE_LENGTH = 1_000;

/**
 * Submits manual journals to administration's approvals inbox over HTTP as the accounts service (a signed service
 * identity, the HMAC scheme the gateway uses), never through its tables. A refusal by the inbox's rules (FORBIDDEN,
 * BAD_USER_INPUT, ...) reaches the maker with its code and message; anything else that is not a well-formed answer
 * (unreachable, timed out, a fault, a body of another shape) is DEPENDENCY_UNAVAILABLE, and nothing was submitted.
 */
export function createApprovalsClient(options: ApprovalsClientOptions): ApprovalsClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_ADMINISTRATION_TIMEOUT_MS;
  const unavailable = (reason: string) => new DependencyUnavailableError('administration', reason);
  return {
    async submit(submission, requestId) {
      const url = typeof options.url === 'function' ? options.url() : options.url;
      if (!url) throw unavailable('its address is not known yet');
      const headers = signIdentity({ identity: { kind: 'service', service: 'accounts' }, requestId, clientAddress: undefined }, options.identitySecret);
      const input = { kind: 'MANUAL_JOURNAL', ...submission };
      let status: number;
      let body: unknown;
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query: MUTATION, variables: { input } }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        status = response.status;
        // The body is read under the same deadline; one that is not JSON is left undefined and judged below.
        const text = await response.text();
        body = parseJson(text);
      } catch (error) {
        throw unavailable(error instanceof Error && error.name === 'TimeoutError' ? `no answer in ${timeoutMs} ms` : 'unreachable');
      }
      // A refusal comes back as a GraphQL error with a code, with HTTP 200 from a resolver or 400 from input coercion.
      const refusal = refusalIn(body);
      if (refusal) throw refusal;
      if (status < 200 || status >= 300) throw unavailable(`HTTP ${status}`);
      const submitted = readSubmitted(body);
      if (!submitted) throw unavailable(hasErrors(body) ? 'it answered with an error' : 'its answer was not understood');
      return submitted;
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function hasErrors(body: unknown): boolean {
  const errors = (body as { errors?: unknown } | null | undefined)?.errors;
  return Array.isArray(errors) && errors.length > 0;
}

/** The inbox's refusal as an ExpectedError with its code and message, or undefined when the body holds none. */
function refusalIn(body: unknown): ExpectedError | undefined {
  if (!hasErrors(body)) return undefined;
  const [first] = (body as { errors: unknown[] }).errors;
  const { message, extensions } = (first ?? {}) as { message?: unknown; extensions?: { code?: unknown } };
  const code = extensions?.code;
  if (typeof code !== 'string' || !CODE.test(code) || FAULT_CODES.has(code)) return undefined;
  const text = typeof message === 'string' && message.length > 0 ? message.slice(0, MAX_MESSAGE_LENGTH) : `the approvals inbox refused the request (${code})`;
  return new ExpectedError(code, text, { details: { dependency: 'administration' } });
}

function readSubmitted(body: unknown): SubmittedApproval | undefined {
  if (hasErrors(body)) return undefined;
  const submitted = (body as { data?: { submitApprovalRequest?: unknown } } | null | undefined)?.data?.submitApprovalRequest as
    | Partial<SubmittedApproval>
    | null
    | undefined;
  if (!submitted || typeof submitted.id !== 'string' || submitted.id.length === 0 || typeof submitted.status !== 'string') return undefined;
  return { id: submitted.id, status: submitted.status };
}
