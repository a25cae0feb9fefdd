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

export type ApprovalRequestFilter = {
  kind?: ApprovalKind | null | undefined;
  /** true: only the requests you made; false: only the requests others made. */
  mine?: boolean | null | undefined;
  /** Requests at this office or anywhere under it. */
  officeCode?: string | number | null | undefined;
  /** A pending request past its expiry counts as EXPIRED. */
  status?: ApprovalStatus | null | undefined;
  /**
   * true: the requests waiting for your decision: PENDING, not yours, of a kind whose checker permission you hold over
   * the request's office (what a kind asks of its checker beyond that, such as a role grant's delegation, is checked when
   * you decide). false is the same as leaving it out.
   */
  waitingForMe?: boolean | null | undefined;
};

/** PENDING -> APPROVED | REJECTED | EXPIRED; APPROVED -> EXECUTED | FAILED (the owner re-checked the rules and refused). */
export type ApprovalStatus =
  | 'APPROVED'
  | 'EXECUTED'
  | 'EXPIRED'
  | 'FAILED'
  | 'PENDING'
  | 'REJECTED';

export type AuditActorKind =
  | 'ANONYMOUS'
  | 'SERVICE'
  | 'STAFF';

/** Why verification stopped at a record. */
export type AuditBreakReason =
  /** A stored field of the record (or its seal) is not what was sealed. */
  | 'HASH_MISMATCH'
  /** The seal does not follow the stored hash of the seal before it. */
  | 'LINK_MISMATCH'
  /** A position of the chain is gone. */
  | 'POSITION_MISSING'
  /** The seal is there; the record it sealed is gone. */
  | 'RECORD_MISSING'
  /** A stored record is neither sealed nor waiting to be. */
  | 'UNSEALED';

export type AuditOutcome =
  | 'FAILURE'
  | 'SUCCESS';

/** Every condition given must hold. Times are a half-open range: from inclusive, to exclusive. */
export type AuditTrailFilter = {
  action?: string | null | undefined;
  /** The actor's username. */
  actor?: string | null | undefined;
  from?: string | null | undefined;
  /** Records at this office and every office under it. */
  officeCode?: string | null | undefined;
  /** The target's id (a staff id, an office code, ...). */
  target?: string | null | undefined;
  to?: string | null | undefined;
};

/** How far a grant reaches from the holder's office. */
export type GrantScope =
  /** The holder's own office alone (counter clerks and postmen). */
  | 'OWN_OFFICE'
  /** The office and everything under it. */
  | 'SUBTREE';

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

export type ApprovalApproveMutationVariables = Exact<{
  id: string | number;
  comment?: string | null | undefined;
}>;


export type ApprovalApproveMutation = { approve: { id: string, status: ApprovalStatus, comment: string | null, decidedAt: string | null, checker: { id: string, username: string } | null } };

export type ApprovalDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type ApprovalDetailQuery = { approvalRequest: { id: string, kind: ApprovalKind, subgraph: string, status: ApprovalStatus, summary: string, payload: Record<string, unknown>, payloadHash: string, officeCode: string, reason: string | null, comment: string | null, result: Record<string, unknown> | null, createdAt: string, decidedAt: string | null, executedAt: string | null, expiresAt: string, office: { code: string, name: string } | null, maker: { id: string, username: string, staff: { id: string, name: string, employeeId: string } | null }, checker: { id: string, username: string, staff: { id: string, name: string, employeeId: string } | null } | null } | null };

export type ApprovalGrantPersonQueryVariables = Exact<{
  id: string | number;
}>;


export type ApprovalGrantPersonQuery = { staff: { id: string, name: string, username: string, employeeId: string, status: StaffStatus, roles: Array<Role>, office: { code: string, name: string } } | null };

export type ApprovalJournalAccountsQueryVariables = Exact<{
  codes: Array<string | number> | string | number;
}>;


export type ApprovalJournalAccountsQuery = { accounts: { edges: Array<{ node: { code: string, name: string, currency: string | null, status: AccountStatus, allowManualEntries: boolean } }> } };

export type ApprovalRejectMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type ApprovalRejectMutation = { reject: { id: string, status: ApprovalStatus, reason: string | null, decidedAt: string | null, checker: { id: string, username: string } | null } };

export type ApprovalReversedEntryQueryVariables = Exact<{
  id: string | number;
}>;


export type ApprovalReversedEntryQuery = { journalEntry: { id: string, sequence: string, officeCode: string, effectiveDate: string, description: string, postedAt: string, source: { type: string, reference: string | null }, reversedBy: { id: string } | null, postings: Array<{ line: number, accountCode: string, side: PostingSide, account: { code: string, name: string } | null, amount: { amount: string, currency: string } }> } | null };

export type ApprovalsListQueryVariables = Exact<{
  filter?: ApprovalRequestFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ApprovalsListQuery = { approvalRequests: { edges: Array<{ node: { id: string, kind: ApprovalKind, status: ApprovalStatus, summary: string, officeCode: string, createdAt: string, decidedAt: string | null, expiresAt: string, maker: { id: string, username: string }, checker: { id: string, username: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AuditRecordQueryVariables = Exact<{
  id: string | number;
}>;


export type AuditRecordQuery = { auditRecord: { id: string, eventId: string, source: string, occurredAt: string, recordedAt: string, action: string, outcome: AuditOutcome, officeCode: string | null, reason: string | null, before: Record<string, unknown> | null, after: Record<string, unknown> | null, requestId: string | null, clientAddress: string | null, actor: { kind: AuditActorKind, id: string | null, username: string | null, roles: Array<string>, officeCode: string | null }, target: { type: string, id: string } | null, changes: Array<{ field: string, before: string | null, after: string | null }>, seal: { position: string, hash: string, previousHash: string, sealedAt: string } | null } | null };

export type AuditTrailQueryVariables = Exact<{
  filter?: AuditTrailFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditTrailQuery = { auditTrail: { edges: Array<{ node: { id: string, occurredAt: string, action: string, outcome: AuditOutcome, source: string, officeCode: string | null, reason: string | null, actor: { kind: AuditActorKind, id: string | null, username: string | null }, target: { type: string, id: string } | null, seal: { position: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AuditVerifyQueryVariables = Exact<{
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type AuditVerifyQuery = { verifyAuditTrail: { ok: boolean, checked: number, unsealed: number, firstBrokenRecord: { id: string | null, position: string | null, reason: AuditBreakReason } | null, sealedUpTo: { position: string, hash: string, sealedAt: string } | null } };

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

export const ApprovalApproveDocument = new TypedDocumentString(`
    mutation ApprovalApprove($id: ID!, $comment: String) {
  approve(id: $id, comment: $comment) {
    id
    status
    comment
    decidedAt
    checker {
      id
      username
    }
  }
}
    `) as unknown as TypedDocumentString<ApprovalApproveMutation, ApprovalApproveMutationVariables>;
export const ApprovalDetailDocument = new TypedDocumentString(`
    query ApprovalDetail($id: ID!) {
  approvalRequest(id: $id) {
    id
    kind
    subgraph
    status
    summary
    payload
    payloadHash
    officeCode
    office {
      code
      name
    }
    maker {
      id
      username
      staff {
        id
        name
        employeeId
      }
    }
    checker {
      id
      username
      staff {
        id
        name
        employeeId
      }
    }
    reason
    comment
    result
    createdAt
    decidedAt
    executedAt
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<ApprovalDetailQuery, ApprovalDetailQueryVariables>;
export const ApprovalGrantPersonDocument = new TypedDocumentString(`
    query ApprovalGrantPerson($id: ID!) {
  staff(id: $id) {
    id
    name
    username
    employeeId
    status
    roles
    office {
      code
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ApprovalGrantPersonQuery, ApprovalGrantPersonQueryVariables>;
export const ApprovalJournalAccountsDocument = new TypedDocumentString(`
    query ApprovalJournalAccounts($codes: [ID!]!) {
  accounts(filter: {codes: $codes}, first: 100) {
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
    `) as unknown as TypedDocumentString<ApprovalJournalAccountsQuery, ApprovalJournalAccountsQueryVariables>;
export const ApprovalRejectDocument = new TypedDocumentString(`
    mutation ApprovalReject($id: ID!, $reason: String!) {
  reject(id: $id, reason: $reason) {
    id
    status
    reason
    decidedAt
    checker {
      id
      username
    }
  }
}
    `) as unknown as TypedDocumentString<ApprovalRejectMutation, ApprovalRejectMutationVariables>;
export const ApprovalReversedEntryDocument = new TypedDocumentString(`
    query ApprovalReversedEntry($id: ID!) {
  journalEntry(id: $id) {
    id
    sequence
    officeCode
    effectiveDate
    description
    source {
      type
      reference
    }
    postedAt
    reversedBy {
      id
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
  }
}
    `) as unknown as TypedDocumentString<ApprovalReversedEntryQuery, ApprovalReversedEntryQueryVariables>;
export const ApprovalsListDocument = new TypedDocumentString(`
    query ApprovalsList($filter: ApprovalRequestFilter, $first: Int, $after: String) {
  approvalRequests(filter: $filter, first: $first, after: $after) {
    edges {
      node {
        id
        kind
        status
        summary
        officeCode
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
        expiresAt
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<ApprovalsListQuery, ApprovalsListQueryVariables>;
export const AuditRecordDocument = new TypedDocumentString(`
    query AuditRecord($id: ID!) {
  auditRecord(id: $id) {
    id
    eventId
    source
    occurredAt
    recordedAt
    action
    outcome
    actor {
      kind
      id
      username
      roles
      officeCode
    }
    officeCode
    target {
      type
      id
    }
    reason
    before
    after
    changes {
      field
      before
      after
    }
    requestId
    clientAddress
    seal {
      position
      hash
      previousHash
      sealedAt
    }
  }
}
    `) as unknown as TypedDocumentString<AuditRecordQuery, AuditRecordQueryVariables>;
export const AuditTrailDocument = new TypedDocumentString(`
    query AuditTrail($filter: AuditTrailFilter, $first: Int, $after: String) {
  auditTrail(filter: $filter, first: $first, after: $after) {
    edges {
      node {
        id
        occurredAt
        action
        outcome
        source
        actor {
          kind
          id
          username
        }
        officeCode
        target {
          type
          id
        }
        reason
        seal {
          position
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<AuditTrailQuery, AuditTrailQueryVariables>;
export const AuditVerifyDocument = new TypedDocumentString(`
    query AuditVerify($from: DateTime, $to: DateTime) {
  verifyAuditTrail(from: $from, to: $to) {
    ok
    checked
    unsealed
    firstBrokenRecord {
      id
      position
      reason
    }
    sealedUpTo {
      position
      hash
      sealedAt
    }
  }
}
    `) as unknown as TypedDocumentString<AuditVerifyQuery, AuditVerifyQueryVariables>;
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