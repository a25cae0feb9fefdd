export type AccountType = 'ASSET' | 'LIABILITY' | 'EQUITY' | 'INCOME' | 'EXPENSE';

export type AccountKind = 'HEADER' | 'DETAIL';
export type AccountStatus = 'OPEN' | 'FROZEN' | 'CLOSED';
export type BalanceConstraint = 'NONE' | 'DEBITS_NOT_EXCEED_CREDITS' | 'CREDITS_NOT_EXCEED_DEBITS';

/** An account as stored: amounts are exact decimal strings as PostgreSQL gives them. */
export interface AccountRecord {
  code: string;
  name: string;
  type: AccountType;
  kind: AccountKind;
  parentCode: string | null;
  headCode: string;
  /** Null only for a header. */
  currency: string | null;
  officeCode: string | null;
  status: AccountStatus;
  balanceConstraint: BalanceConstraint;
  allowManualEntries: boolean;
  debitTotal: string;
  creditTotal: string;
  pendingDebit: string;
  pendingCredit: string;
  closedThrough: string | null;
  version: number;
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
  /** Whether a hold on one of the office's accounts is still pending. */
  hasPendingHolds: boolean;
  /** The last business day the office closed; null if never. */
  closedThrough: string | null;
}
