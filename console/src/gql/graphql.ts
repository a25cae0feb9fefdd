/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** FROZEN accounts take no postings until reopened; CLOSED is final and needs a zero balance and no pending holds. */
export type AccountStatus =
  | 'CLOSED'
  | 'FROZEN'
  | 'OPEN';

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

export type JournalSourceInput = {
  reference?: string | null | undefined;
  type: string;
};

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

export type PostJournalEntryInput = {
  /** 1 to 500 characters. */
  description: string;
  /** The business date; the office's business date today (Asia/Kolkata) if left out. */
  effectiveDate?: string | null | undefined;
  /** 1 to 200 characters; the same key with the same entry returns the original, with another entry IDEMPOTENCY_CONFLICT. */
  idempotencyKey: string;
  officeCode: string | number;
  /** Two or more; balanced per currency. */
  postings: Array<PostingInput>;
  source: JournalSourceInput;
};

export type PostingInput = {
  accountCode: string | number;
  /** Greater than zero, with at most the account currency's minor units. */
  amount: string;
  /** The account's currency, if you want it checked (CURRENCY_MISMATCH when it is not). */
  currency?: string | null | undefined;
  side: PostingSide;
};

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

export type DashboardApprovalsQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardApprovalsQuery = { approvalRequests: { edges: Array<{ node: { id: string, kind: ApprovalKind, summary: string, officeCode: string, createdAt: string, expiresAt: string, maker: { id: string, username: string } } }>, pageInfo: { hasNextPage: boolean } } };

export type DashboardCashQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardCashQuery = { counterCash: { edges: Array<{ node: { code: string, name: string, officeCode: string | null, balance: { amount: string, currency: string } | null } }>, pageInfo: { hasNextPage: boolean } }, postmanCash: { edges: Array<{ node: { code: string, name: string, officeCode: string | null, balance: { amount: string, currency: string } | null } }>, pageInfo: { hasNextPage: boolean } } };

export type DashboardUnclosedDaysQueryVariables = Exact<{
  date: string;
}>;


export type DashboardUnclosedDaysQuery = { officesNotClosedThrough: { totalCount: number, edges: Array<{ node: { code: string, name: string, type: OfficeType, closedThrough: string | null } }>, pageInfo: { hasNextPage: boolean } } };

export type DashboardVerifyLedgerQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardVerifyLedgerQuery = { verifyLedger: { ok: boolean, checkedEntries: number, sealedThrough: string | null, unsealedEntries: number, firstDiscrepancy: { kind: LedgerDiscrepancyKind, entryId: string | null, accountCode: string | null, position: string | null, message: string } | null } };

export type JournalCloseBusinessDayMutationVariables = Exact<{
  officeCode: string | number;
  date: string;
}>;


export type JournalCloseBusinessDayMutation = { closeBusinessDay: { officeCode: string, businessDate: string, previousDate: string | null, closedAt: string, closedBy: { username: string | null }, balances: Array<{ accountCode: string }> } };

export type JournalEntryForReversalQueryVariables = Exact<{
  id: string | number;
}>;


export type JournalEntryForReversalQuery = { journalEntry: { id: string, officeCode: string, effectiveDate: string, description: string, source: { type: string, reference: string | null }, postings: Array<{ line: number, accountCode: string, side: PostingSide, amount: { amount: string, currency: string } }>, reverses: { id: string } | null, reversedBy: { id: string } | null } | null };

export type JournalOfficeAccountsQueryVariables = Exact<{
  officeCode: string | number;
}>;


export type JournalOfficeAccountsQuery = { office: { code: string, name: string, closedThrough: string | null } | null, accounts: { edges: Array<{ node: { code: string, name: string, currency: string | null, status: AccountStatus, allowManualEntries: boolean } }> } };

export type JournalOfficeDayQueryVariables = Exact<{
  officeCode: string | number;
}>;


export type JournalOfficeDayQuery = { office: { code: string, name: string, type: OfficeType, closedThrough: string | null } | null, businessDayCloses: Array<{ officeCode: string, businessDate: string, previousDate: string | null, closedAt: string, closedBy: { username: string | null } }> };

export type JournalOfficeSearchQueryVariables = Exact<{
  search?: string | null | undefined;
}>;


export type JournalOfficeSearchQuery = { offices: { edges: Array<{ node: { code: string, name: string, type: OfficeType } }> } };

export type JournalPostEntryMutationVariables = Exact<{
  input: PostJournalEntryInput;
}>;


export type JournalPostEntryMutation = { postJournalEntry: { entry: { id: string } | null, approvalRequest: { id: string, kind: ApprovalKind, status: ApprovalStatus, summary: string, createdAt: string, expiresAt: string } | null } };

export type JournalReverseEntryMutationVariables = Exact<{
  id: string | number;
  reason: string;
  idempotencyKey: string;
}>;


export type JournalReverseEntryMutation = { reverseJournalEntry: { entry: { id: string } | null, approvalRequest: { id: string, kind: ApprovalKind, status: ApprovalStatus, summary: string, createdAt: string, expiresAt: string } | null } };

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

export const DashboardApprovalsDocument = new TypedDocumentString(`
    query DashboardApprovals {
  approvalRequests(filter: {status: PENDING}, first: 100) {
    edges {
      node {
        id
        kind
        summary
        officeCode
        createdAt
        expiresAt
        maker {
          id
          username
        }
      }
    }
    pageInfo {
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardApprovalsQuery, DashboardApprovalsQueryVariables>;
export const DashboardCashDocument = new TypedDocumentString(`
    query DashboardCash {
  counterCash: accounts(filter: {headCode: "1100", kind: DETAIL}, first: 100) {
    edges {
      node {
        code
        name
        officeCode
        balance {
          amount
          currency
        }
      }
    }
    pageInfo {
      hasNextPage
    }
  }
  postmanCash: accounts(filter: {headCode: "1200", kind: DETAIL}, first: 100) {
    edges {
      node {
        code
        name
        officeCode
        balance {
          amount
          currency
        }
      }
    }
    pageInfo {
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardCashQuery, DashboardCashQueryVariables>;
export const DashboardUnclosedDaysDocument = new TypedDocumentString(`
    query DashboardUnclosedDays($date: Date!) {
  officesNotClosedThrough(date: $date, first: 8) {
    totalCount
    edges {
      node {
        code
        name
        type
        closedThrough
      }
    }
    pageInfo {
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardUnclosedDaysQuery, DashboardUnclosedDaysQueryVariables>;
export const DashboardVerifyLedgerDocument = new TypedDocumentString(`
    query DashboardVerifyLedger {
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
    `) as unknown as TypedDocumentString<DashboardVerifyLedgerQuery, DashboardVerifyLedgerQueryVariables>;
export const JournalCloseBusinessDayDocument = new TypedDocumentString(`
    mutation JournalCloseBusinessDay($officeCode: ID!, $date: Date!) {
  closeBusinessDay(officeCode: $officeCode, date: $date) {
    officeCode
    businessDate
    previousDate
    closedAt
    closedBy {
      username
    }
    balances {
      accountCode
    }
  }
}
    `) as unknown as TypedDocumentString<JournalCloseBusinessDayMutation, JournalCloseBusinessDayMutationVariables>;
export const JournalEntryForReversalDocument = new TypedDocumentString(`
    query JournalEntryForReversal($id: ID!) {
  journalEntry(id: $id) {
    id
    officeCode
    effectiveDate
    description
    source {
      type
      reference
    }
    postings {
      line
      accountCode
      side
      amount {
        amount
        currency
      }
    }
    reverses {
      id
    }
    reversedBy {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<JournalEntryForReversalQuery, JournalEntryForReversalQueryVariables>;
export const JournalOfficeAccountsDocument = new TypedDocumentString(`
    query JournalOfficeAccounts($officeCode: ID!) {
  office(code: $officeCode) {
    code
    name
    closedThrough
  }
  accounts(filter: {officeCode: $officeCode, kind: DETAIL}, first: 100) {
    edges {
      node {
        code
        name
        currency
        status
        allowManualEntries
      }
    }
  }
}
    `) as unknown as TypedDocumentString<JournalOfficeAccountsQuery, JournalOfficeAccountsQueryVariables>;
export const JournalOfficeDayDocument = new TypedDocumentString(`
    query JournalOfficeDay($officeCode: ID!) {
  office(code: $officeCode) {
    code
    name
    type
    closedThrough
  }
  businessDayCloses(officeCode: $officeCode, first: 5) {
    officeCode
    businessDate
    previousDate
    closedAt
    closedBy {
      username
    }
  }
}
    `) as unknown as TypedDocumentString<JournalOfficeDayQuery, JournalOfficeDayQueryVariables>;
export const JournalOfficeSearchDocument = new TypedDocumentString(`
    query JournalOfficeSearch($search: String) {
  offices(filter: {search: $search, status: ACTIVE}, first: 20) {
    edges {
      node {
        code
        name
        type
      }
    }
  }
}
    `) as unknown as TypedDocumentString<JournalOfficeSearchQuery, JournalOfficeSearchQueryVariables>;
export const JournalPostEntryDocument = new TypedDocumentString(`
    mutation JournalPostEntry($input: PostJournalEntryInput!) {
  postJournalEntry(input: $input) {
    entry {
      id
    }
    approvalRequest {
      id
      kind
      status
      summary
      createdAt
      expiresAt
    }
  }
}
    `) as unknown as TypedDocumentString<JournalPostEntryMutation, JournalPostEntryMutationVariables>;
export const JournalReverseEntryDocument = new TypedDocumentString(`
    mutation JournalReverseEntry($id: ID!, $reason: String!, $idempotencyKey: String!) {
  reverseJournalEntry(id: $id, reason: $reason, idempotencyKey: $idempotencyKey) {
    entry {
      id
    }
    approvalRequest {
      id
      kind
      status
      summary
      createdAt
      expiresAt
    }
  }
}
    `) as unknown as TypedDocumentString<JournalReverseEntryMutation, JournalReverseEntryMutationVariables>;
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