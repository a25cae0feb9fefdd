import { createServiceClient, DEFAULT_SERVICE_TIMEOUT_MS } from '@postal/service-client';

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

export const DEFAULT_ACCOUNTS_TIMEOUT_MS = DEFAULT_SERVICE_TIMEOUT_MS;

const QUERY = 'query OfficeLedgerStatus($officeCode: ID!) { officeLedgerStatus(officeCode: $officeCode) { officeCode hasOpenBalances nonZeroAccounts hasPendingHolds closedThrough } }';

/**
 * Asks the accounts subgraph over HTTP, as the administration service (`@postal/service-client`: a signed service
 * identity), never its tables. Anything but a well-formed answer (refused, timed out, any error, a body of another
 * shape) is DEPENDENCY_UNAVAILABLE, so the caller fails closed: this query has no refusal a caller could act on.
 */
export function createAccountsClient(options: AccountsClientOptions): AccountsClient {
  const client = createServiceClient({ caller: 'administration', dependency: 'accounts', ...options });
  return {
    officeLedgerStatus: (officeCode, requestId) =>
      client.request({ query: QUERY, variables: { officeCode }, requestId, read: (data) => readStatus(data, officeCode) }),
  };
}

function readStatus(data: unknown, officeCode: string): OfficeLedgerStatus | undefined {
  const status = (data as { officeLedgerStatus?: unknown } | null | undefined)?.officeLedgerStatus as Partial<OfficeLedgerStatus> | null | undefined;
  const wellFormed =
    !!status &&
    status.officeCode === officeCode &&
    typeof status.hasOpenBalances === 'boolean' &&
    Array.isArray(status.nonZeroAccounts) &&
    status.nonZeroAccounts.every((code) => typeof code === 'string') &&
    typeof status.hasPendingHolds === 'boolean' &&
    (status.closedThrough === null || typeof status.closedThrough === 'string');
  if (!wellFormed) return undefined;
  return {
    officeCode,
    hasOpenBalances: status.hasOpenBalances!,
    nonZeroAccounts: status.nonZeroAccounts!,
    hasPendingHolds: status.hasPendingHolds!,
    closedThrough: status.closedThrough ?? null,
  };
}
