import { createServiceClient } from '@postal/service-client';

/** The COD payable per biller in accounts' ledger (`<settlement office>:2200:<billerCode>`), as accounts answers it. */
export interface CodPayableBalance {
  billerCode: string;
  amount: string;
  currency: string;
}

export interface CodLedgerClient {
  codPayableBalances(input: { settlementOfficeCode: string; billerCodes: string[]; asOf: string }, requestId: string): Promise<CodPayableBalance[]>;
}

/*
 * accounts' service-only query (@inaccessible through the gateway), as it is on main: codPayableBalances(
 * settlementOfficeCode, billerCodes, asOf) -> [{ billerCode, accountCode, balance: Money }], the balance being credits
 * less debits of `<settlement office>:2200:<billerCode>` (zero before the biller's first movement there).
 */
const QUERY = /* GraphQL */ `
  query CodPayableBalances($settlementOfficeCode: ID!, $billerCodes: [ID!], $asOf: Date) {
    codPayableBalances(settlementOfficeCode: $settlementOfficeCode, billerCodes: $billerCodes, asOf: $asOf) { billerCode balance { amount currency } }
  }
`;

export function createCodLedgerClient(options: { url: string | (() => string | undefined); identitySecret: string; timeoutMs?: number }): CodLedgerClient {
  const client = createServiceClient({ caller: 'cod-settlement', dependency: 'accounts', ...options });
  return {
    codPayableBalances: (variables, requestId) =>
      client.request({
        query: QUERY,
        variables,
        requestId,
        passRefusals: true,
        read: (data) => readBalances(data),
      }),
  };
}

/** The answer read into balances, or undefined when it is not of the expected shape (DEPENDENCY_UNAVAILABLE). */
export function readBalances(data: unknown): CodPayableBalance[] | undefined {
  const rows = (data as { codPayableBalances?: unknown } | null)?.codPayableBalances;
  if (!Array.isArray(rows)) return undefined;
  const out: CodPayableBalance[] = [];
  for (const row of rows as Array<{ billerCode?: unknown; balance?: { amount?: unknown; currency?: unknown } }>) {
    if (typeof row?.billerCode !== 'string' || typeof row.balance?.amount !== 'string' || typeof row.balance.currency !== 'string') return undefined;
    out.push({ billerCode: row.billerCode, amount: row.balance.amount, currency: row.balance.currency });
  }
  return out;
}
