import { createServiceClient } from '@postal/service-client';

/** A bank account's ledger account, as accounts' prepareBankLedgerAccount answers it. */
export interface BankLedgerAccount {
  code: string;
  officeCode: string;
  currency: string;
}

export interface BankLedgerClient {
  prepareBankLedgerAccount(
    input: { officeCode: string | null; currency: string; key: string; name: string; ledgerAccountCode: string | null },
    requestId: string,
  ): Promise<BankLedgerAccount>;
}

/* accounts' service-only mutation (@inaccessible through the gateway): see schema/accounts.graphql. */
const MUTATION = /* GraphQL */ `
  mutation PrepareBankLedgerAccount($input: PrepareBankLedgerAccountInput!) {
    prepareBankLedgerAccount(input: $input) { code officeCode currency }
  }
`;

export function createBankLedgerClient(options: { url: string | (() => string | undefined); identitySecret: string; timeoutMs?: number }): BankLedgerClient {
  const client = createServiceClient({ caller: 'cod-settlement', dependency: 'accounts', ...options });
  return {
    prepareBankLedgerAccount: (input, requestId) =>
      client.request({
        query: MUTATION,
        variables: { input },
        requestId,
        // LEDGER_ACCOUNT_UNSUITABLE, ACCOUNT_NOT_FOUND, OFFICE_NOT_FOUND reach the person as accounts said them.
        passRefusals: true,
        read: (data) => {
          const account = (data as { prepareBankLedgerAccount?: Partial<BankLedgerAccount> } | null)?.prepareBankLedgerAccount;
          return typeof account?.code === 'string' && typeof account.officeCode === 'string' && typeof account.currency === 'string'
            ? { code: account.code, officeCode: account.officeCode, currency: account.currency }
            : undefined;
        },
      }),
  };
}
