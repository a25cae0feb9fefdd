import { signIdentity } from '@postal/auth';
import { DependencyUnavailableError } from './errors.js';

/** What the ledger knows about an office that bears on closing it. */
export interface OfficeLedgerStatus {
  officeCode: string;
  hasOpenBalances: boolean;
  nonZeroAccounts: string[];
  /** Whether a hold on the office's accounts is still pending (money reserved, not yet posted or released). */
  hasPendingHolds: boolean;
  /** The last business day the office closed in the ledger, if any. */
  closedThrough: string | null;
}

export interface AccountsClient {
  officeLedgerStatus(officeCode: string, requestId: string): Promise<OfficeLedgerStatus>;
}

export interface AccountsClientOptions {
  /** The accounts subgraph's GraphQL endpoint (not the gateway: this is a service-to-service call). */
  url: string;
  identitySecret: string;
  /** A call that has not answered by then fails; closing an office waits for no longer. */
  timeoutMs?: number;
}

export const DEFAULT_ACCOUNTS_TIMEOUT_MS = 5_000;

const QUERY = 'query OfficeLedgerStatus($officeCode: ID!) { officeLedgerStatus(officeCode: $officeCode) { officeCode hasOpenBalances nonZeroAccounts hasPendingHolds closedThrough } }';

/**
 * Asks the accounts subgraph over HTTP, as the administration service (a signed service identity, the same HMAC
 * scheme the gateway uses), never its tables. Anything but a well-formed answer (refused, timed out, an error, a body
 * of another shape) is DEPENDENCY_UNAVAILABLE, so the caller fails closed.
 */
export function createAccountsClient(options: AccountsClientOptions): AccountsClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_ACCOUNTS_TIMEOUT_MS;
  return {
    async officeLedgerStatus(officeCode, requestId) {
      const headers = signIdentity({ identity: { kind: 'service', service: 'administration' }, requestId, clientAddress: undefined }, options.identitySecret);
      let body: unknown;
      try {
        const response = await fetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query: QUERY, variables: { officeCode } }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (!response.ok) throw new DependencyUnavailableError('accounts', `HTTP ${response.status}`);
        body = await response.json();
      } catch (error) {
        if (error instanceof DependencyUnavailableError) throw error;
        const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer in ${timeoutMs} ms` : 'unreachable';
        throw new DependencyUnavailableError('accounts', reason);
      }
      return readStatus(body, officeCode);
    },
  };
}

function readStatus(body: unknown, officeCode: string): OfficeLedgerStatus {
  const { data, errors } = (body ?? {}) as { data?: { officeLedgerStatus?: unknown }; errors?: unknown[] };
  if (Array.isArray(errors) && errors.length > 0) throw new DependencyUnavailableError('accounts', 'it answered with an error');
  const status = data?.officeLedgerStatus as Partial<OfficeLedgerStatus> | undefined;
  const wellFormed =
    status !== undefined &&
    status.officeCode === officeCode &&
    typeof status.hasOpenBalances === 'boolean' &&
    Array.isArray(status.nonZeroAccounts) &&
    status.nonZeroAccounts.every((code) => typeof code === 'string') &&
    typeof status.hasPendingHolds === 'boolean' &&
    (status.closedThrough === null || typeof status.closedThrough === 'string');
  if (!wellFormed) throw new DependencyUnavailableError('accounts', 'its answer was not understood');
  return {
    officeCode,
    hasOpenBalances: status.hasOpenBalances!,
    nonZeroAccounts: status.nonZeroAccounts!,
    hasPendingHolds: status.hasPendingHolds!,
    closedThrough: status.closedThrough ?? null,
  };
}
