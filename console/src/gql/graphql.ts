/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AccountFilter = {
  /** Only headers and accounts without an office (the global chart). */
  globalOnly?: boolean | null | undefined;
  headCode?: string | null | undefined;
  kind?: AccountKind | null | undefined;
  /** Accounts of exactly this office. */
  officeCode?: string | number | null | undefined;
  /** Accounts directly under this header: with an office filter, one header's branch of the chart for an office's subtree. */
  parentCode?: string | number | null | undefined;
  status?: AccountStatus | null | undefined;
  type?: AccountType | null | undefined;
  /** Accounts of this office and the offices under it. */
  underOfficeCode?: string | number | null | undefined;
};

/** HEADER accounts group others in the chart and are never posted to; DETAIL accounts carry postings and a balance. */
export type AccountKind =
  | 'DETAIL'
  | 'HEADER';

/** FROZEN accounts take no postings until reopened; CLOSED is final and needs a zero balance and no pending holds. */
export type AccountStatus =
  | 'CLOSED'
  | 'FROZEN'
  | 'OPEN';

export type AccountType =
  | 'ASSET'
  | 'EQUITY'
  | 'EXPENSE'
  | 'INCOME'
  | 'LIABILITY';

/** What is asked for. Each kind has an owning subgraph (which executes it) and a permission its checkers need. */
export type ApprovalKind =
  /** accounts; checker needs journal.manual.approve */
  | 'MANUAL_JOURNAL'
  /** money-orders; checker needs mo.refund.approve */
  | 'MO_REFUND'
  /** administration; checker needs role.approve */
  | 'ROLE_GRANT'
  /** cod-settlement; checker needs cod.settlement.approve */
  | 'SETTLEMENT_RELEASE';

/** PENDING -> APPROVED | REJECTED | EXPIRED; APPROVED -> EXECUTED | FAILED (the owner re-checked the rules and refused). */
export type ApprovalStatus =
  | 'APPROVED'
  | 'EXECUTED'
  | 'EXPIRED'
  | 'FAILED'
  | 'PENDING'
  | 'REJECTED';

/** How far a grant reaches from the holder's office. */
export type GrantScope =
  /** The holder's own office alone (counter clerks and postmen). */
  | 'OWN_OFFICE'
  /** The office and everything under it. */
  | 'SUBTREE';

export type LedgerDiscrepancyKind =
  /** An account whose stored totals differ from the sum of its postings. */
  | 'BALANCE_MISMATCH'
  /** An entry's stored hash, or the chain through it, does not match what its rows hash to now. */
  | 'CHAIN_BROKEN'
  /** Debits and credits over all accounts of a currency do not net to zero. */
  | 'CURRENCY_NOT_BALANCED'
  /** An entry whose postings do not balance per currency, or has fewer than two. */
  | 'ENTRY_UNBALANCED'
  /** An account whose pending amounts differ from its pending holds. */
  | 'PENDING_MISMATCH';

/** Levels of the office tree, from the top. A level may be skipped where an operator has none. */
export type OfficeType =
  | 'BRANCH_OFFICE'
  | 'CIRCLE'
  | 'DIVISION'
  | 'HEAD_OFFICE'
  | 'REGION'
  | 'SUB_OFFICE';

export type PostingSide =
  | 'CREDIT'
  | 'DEBIT';

export type Role =
  | 'ADMIN'
  | 'AUDITOR'
  | 'COUNTER_CLERK'
  | 'FINANCE_OFFICER'
  | 'POSTMAN';

export type StaffFilter = {
  /** Staff at exactly this office. */
  officeCode?: string | number | null | undefined;
  role?: Role | null | undefined;
  /** Part of a username or name (any case), or a whole employee id. At most 100 characters. */
  search?: string | null | undefined;
  status?: StaffStatus | null | undefined;
  /** Staff at this office or anywhere under it. */
  underCode?: string | number | null | undefined;
};

/** ACTIVE staff may sign in; SUSPENDED may be reinstated; LEFT is final. */
export type StaffStatus =
  | 'ACTIVE'
  | 'LEFT'
  | 'SUSPENDED';

export type LedgerChartAccountsQueryVariables = Exact<{
  filter?: AccountFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type LedgerChartAccountsQuery = { accounts: { edges: Array<{ node: { code: string, name: string, type: AccountType, status: AccountStatus, parentCode: string | null, headCode: string, officeCode: string | null, currency: string | null, balance: { amount: string, currency: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type LedgerChartHeadersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type LedgerChartHeadersQuery = { accounts: { edges: Array<{ node: { code: string, name: string, type: AccountType, status: AccountStatus, parentCode: string | null, headCode: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type LedgerEntryQueryVariables = Exact<{
  id: string | number;
}>;


export type LedgerEntryQuery = { journalEntry: { idempotencyKey: string, holdId: string | null, postedAt: string, chainHash: string | null, id: string, sequence: string, officeCode: string, effectiveDate: string, description: string, actor: { kind: string, id: string, username: string | null }, approvedBy: { kind: string, id: string, username: string | null } | null, postings: Array<{ line: number, accountCode: string, side: PostingSide, account: { code: string, name: string } | null, amount: { amount: string, currency: string } }>, approvalRequest: { id: string, kind: ApprovalKind, status: ApprovalStatus, summary: string, createdAt: string, decidedAt: string | null, executedAt: string | null, maker: { id: string, username: string }, checker: { id: string, username: string } | null } | null, reverses: { id: string, sequence: string, officeCode: string, effectiveDate: string, description: string, source: { type: string, reference: string | null } } | null, reversedBy: { id: string, sequence: string, officeCode: string, effectiveDate: string, description: string, source: { type: string, reference: string | null } } | null, source: { type: string, reference: string | null } } | null };

export type LedgerEntrySummaryFragment = { id: string, sequence: string, officeCode: string, effectiveDate: string, description: string, source: { type: string, reference: string | null } };

export type LedgerStatementQueryVariables = Exact<{
  accountCode: string | number;
  from: string;
  to: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type LedgerStatementQuery = { accountStatement: { from: string, to: string, account: { code: string, name: string, type: AccountType, status: AccountStatus, officeCode: string | null, currency: string | null, balance: { amount: string, currency: string } | null }, openingBalance: { amount: string, currency: string }, closingBalance: { amount: string, currency: string }, edges: Array<{ cursor: string, node: { entryId: string, effectiveDate: string, description: string, side: PostingSide, amount: { amount: string, currency: string }, runningBalance: { amount: string, currency: string }, entry: { id: string, sequence: string, source: { type: string, reference: string | null } } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type LedgerTrialBalanceQueryVariables = Exact<{
  asOf: string;
  officeCode?: string | number | null | undefined;
  currency: string;
}>;


export type LedgerTrialBalanceQuery = { trialBalance: { asOf: string, officeCode: string | null, currency: string, balanced: boolean, totalDebit: { amount: string, currency: string }, totalCredit: { amount: string, currency: string }, lines: Array<{ accountCode: string, account: { code: string, name: string, type: AccountType, officeCode: string | null }, debitTotal: { amount: string, currency: string }, creditTotal: { amount: string, currency: string }, debitBalance: { amount: string, currency: string }, creditBalance: { amount: string, currency: string } }> } };

export type LedgerVerifyQueryVariables = Exact<{ [key: string]: never; }>;


export type LedgerVerifyQuery = { verifyLedger: { ok: boolean, checkedEntries: number, sealedThrough: string | null, unsealedEntries: number, firstDiscrepancy: { kind: LedgerDiscrepancyKind, entryId: string | null, accountCode: string | null, position: string | null, message: string } | null } };

export type StaffListQueryVariables = Exact<{
  filter?: StaffFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type StaffListQuery = { staffMembers: { edges: Array<{ node: { id: string, employeeId: string, username: string, name: string, status: StaffStatus, roles: Array<Role>, lastLoginAt: string | null, office: { code: string, name: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, username: string, name: string, employeeId: string, roles: Array<Role>, status: StaffStatus, mustChangePassword: boolean, office: { code: string, name: string, type: OfficeType }, grants: Array<{ permission: string, scope: GrantScope }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const LedgerEntrySummaryFragmentDoc = new TypedDocumentString(`
    fragment LedgerEntrySummary on JournalEntry {
  id
  sequence
  officeCode
  effectiveDate
  description
  source {
    type
    reference
  }
}
    `, {"fragmentName":"LedgerEntrySummary"}) as unknown as TypedDocumentString<LedgerEntrySummaryFragment, unknown>;
export const LedgerChartAccountsDocument = new TypedDocumentString(`
    query LedgerChartAccounts($filter: AccountFilter, $first: Int, $after: String) {
  accounts(filter: $filter, first: $first, after: $after) {
    edges {
      node {
        code
        name
        type
        status
        parentCode
        headCode
        officeCode
        currency
        balance {
          amount
          currency
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<LedgerChartAccountsQuery, LedgerChartAccountsQueryVariables>;
export const LedgerChartHeadersDocument = new TypedDocumentString(`
    query LedgerChartHeaders($first: Int, $after: String) {
  accounts(filter: {kind: HEADER}, first: $first, after: $after) {
    edges {
      node {
        code
        name
        type
        status
        parentCode
        headCode
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<LedgerChartHeadersQuery, LedgerChartHeadersQueryVariables>;
export const LedgerEntryDocument = new TypedDocumentString(`
    query LedgerEntry($id: ID!) {
  journalEntry(id: $id) {
    ...LedgerEntrySummary
    idempotencyKey
    holdId
    postedAt
    chainHash
    actor {
      kind
      id
      username
    }
    approvedBy {
      kind
      id
      username
    }
    postings {
      line
      accountCode
      account {
        code
        name
      }
      side
      amount {
        amount
        currency
      }
    }
    approvalRequest {
      id
      kind
      status
      summary
      maker {
        id
        username
      }
      checker {
        id
        username
      }
      createdAt
      decidedAt
      executedAt
    }
    reverses {
      ...LedgerEntrySummary
    }
    reversedBy {
      ...LedgerEntrySummary
    }
  }
}
    fragment LedgerEntrySummary on JournalEntry {
  id
  sequence
  officeCode
  effectiveDate
  description
  source {
    type
    reference
  }
}`) as unknown as TypedDocumentString<LedgerEntryQuery, LedgerEntryQueryVariables>;
export const LedgerStatementDocument = new TypedDocumentString(`
    query LedgerStatement($accountCode: ID!, $from: Date!, $to: Date!, $first: Int, $after: String) {
  accountStatement(
    accountCode: $accountCode
    from: $from
    to: $to
    first: $first
    after: $after
  ) {
    account {
      code
      name
      type
      status
      officeCode
      currency
      balance {
        amount
        currency
      }
    }
    from
    to
    openingBalance {
      amount
      currency
    }
    closingBalance {
      amount
      currency
    }
    edges {
      cursor
      node {
        entryId
        effectiveDate
        description
        side
        amount {
          amount
          currency
        }
        runningBalance {
          amount
          currency
        }
        entry {
          id
          sequence
          source {
            type
            reference
          }
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<LedgerStatementQuery, LedgerStatementQueryVariables>;
export const LedgerTrialBalanceDocument = new TypedDocumentString(`
    query LedgerTrialBalance($asOf: Date!, $officeCode: ID, $currency: CurrencyCode!) {
  trialBalance(asOf: $asOf, officeCode: $officeCode, currency: $currency) {
    asOf
    officeCode
    currency
    balanced
    totalDebit {
      amount
      currency
    }
    totalCredit {
      amount
      currency
    }
    lines {
      accountCode
      account {
        code
        name
        type
        officeCode
      }
      debitTotal {
        amount
        currency
      }
      creditTotal {
        amount
        currency
      }
      debitBalance {
        amount
        currency
      }
      creditBalance {
        amount
        currency
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LedgerTrialBalanceQuery, LedgerTrialBalanceQueryVariables>;
export const LedgerVerifyDocument = new TypedDocumentString(`
    query LedgerVerify {
  verifyLedger {
    ok
    checkedEntries
    sealedThrough
    unsealedEntries
    firstDiscrepancy {
      kind
      entryId
      accountCode
      position
      message
    }
  }
}
    `) as unknown as TypedDocumentString<LedgerVerifyQuery, LedgerVerifyQueryVariables>;
export const StaffListDocument = new TypedDocumentString(`
    query StaffList($filter: StaffFilter, $first: Int, $after: String) {
  staffMembers(filter: $filter, first: $first, after: $after) {
    edges {
      node {
        id
        employeeId
        username
        name
        status
        roles
        lastLoginAt
        office {
          code
          name
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<StaffListQuery, StaffListQueryVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    username
    name
    employeeId
    roles
    status
    mustChangePassword
    office {
      code
      name
      type
    }
    grants {
      permission
      scope
    }
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;