export type AccountType = 'ASSET' | 'LIABILITY' | 'EQUITY' | 'INCOME' | 'EXPENSE';

export interface AccountRecord {
  code: string;
  name: string;
  type: AccountType;
  headCode: string;
  currency: string;
  officeCode: string | null;
  debitTotal: string;
  creditTotal: string;
}

/** An Office entity as this subgraph knows it: only its key. */
export interface OfficeReference {
  code: string;
}

/** What the ledger knows about an office that bears on closing it. */
export interface OfficeLedgerStatus {
  officeCode: string;
  hasOpenBalances: boolean;
  nonZeroAccounts: string[];
}
