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
 * accounts' service-only query, being written by the accounts engineer (issue 12). Its shape here is the one asked
 * for: codPayableBalances(settlementOfficeCode, billerCodes, asOf) -> [{ billerCode, amount, currency }]; if the merged
 * query differs, this text is the one place to change.
 */
const QUERY = /* GraphQL */ `
  query CodPayableBalances($settlementOfficeCode: ID!, $billerCodes: [ID!]!, $asOf: Date) {
    codPayableBalances(settlementOfficeCode: $settlementOfficeCode, billerCodes: $billerCodes, asOf: $asOf) { billerCode amount currency }
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
        read: (data) => {
          const rows = (data as { codPayableBalances?: unknown } | null)?.codPayableBalances;
          if (!Array.isArray(rows)) return undefined;
          const valid = rows.every((r) => typeof r?.billerCode === 'string' && typeof r?.amount === 'string' && typeof r?.currency === 'string');
          return valid ? (rows as CodPayableBalance[]) : undefined;
        },
      }),
  };
}
