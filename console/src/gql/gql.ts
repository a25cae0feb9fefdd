/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation ApprovalApprove($id: ID!, $comment: String) {\n  approve(id: $id, comment: $comment) {\n    id\n    status\n    comment\n    decidedAt\n    checker {\n      id\n      username\n    }\n  }\n}": typeof types.ApprovalApproveDocument,
    "query ApprovalDetail($id: ID!) {\n  approvalRequest(id: $id) {\n    id\n    kind\n    subgraph\n    status\n    summary\n    payload\n    payloadHash\n    officeCode\n    office {\n      code\n      name\n    }\n    maker {\n      id\n      username\n      staff {\n        id\n        name\n        employeeId\n      }\n    }\n    checker {\n      id\n      username\n      staff {\n        id\n        name\n        employeeId\n      }\n    }\n    reason\n    comment\n    result\n    createdAt\n    decidedAt\n    executedAt\n    expiresAt\n  }\n}": typeof types.ApprovalDetailDocument,
    "query ApprovalGrantPerson($id: ID!) {\n  staff(id: $id) {\n    id\n    name\n    username\n    employeeId\n    status\n    roles\n    office {\n      code\n      name\n    }\n  }\n}": typeof types.ApprovalGrantPersonDocument,
    "query ApprovalJournalAccounts($codes: [ID!]!) {\n  accounts(filter: {codes: $codes}, first: 100) {\n    edges {\n      node {\n        code\n        name\n        currency\n        status\n        allowManualEntries\n      }\n    }\n  }\n}": typeof types.ApprovalJournalAccountsDocument,
    "mutation ApprovalReject($id: ID!, $reason: String!) {\n  reject(id: $id, reason: $reason) {\n    id\n    status\n    reason\n    decidedAt\n    checker {\n      id\n      username\n    }\n  }\n}": typeof types.ApprovalRejectDocument,
    "query ApprovalReversedEntry($id: ID!) {\n  journalEntry(id: $id) {\n    id\n    sequence\n    officeCode\n    effectiveDate\n    description\n    source {\n      type\n      reference\n    }\n    postedAt\n    reversedBy {\n      id\n    }\n    postings {\n      line\n      accountCode\n      account {\n        code\n        name\n      }\n      side\n      amount {\n        amount\n        currency\n      }\n    }\n  }\n}": typeof types.ApprovalReversedEntryDocument,
    "query ApprovalsList($filter: ApprovalRequestFilter, $first: Int, $after: String) {\n  approvalRequests(filter: $filter, first: $first, after: $after) {\n    edges {\n      node {\n        id\n        kind\n        status\n        summary\n        officeCode\n        maker {\n          id\n          username\n        }\n        checker {\n          id\n          username\n        }\n        createdAt\n        decidedAt\n        expiresAt\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.ApprovalsListDocument,
    "query AuditRecord($id: ID!) {\n  auditRecord(id: $id) {\n    id\n    eventId\n    source\n    occurredAt\n    recordedAt\n    action\n    outcome\n    actor {\n      kind\n      id\n      username\n      roles\n      officeCode\n    }\n    officeCode\n    target {\n      type\n      id\n    }\n    reason\n    before\n    after\n    changes {\n      field\n      before\n      after\n    }\n    requestId\n    clientAddress\n    seal {\n      position\n      hash\n      previousHash\n      sealedAt\n    }\n  }\n}": typeof types.AuditRecordDocument,
    "query AuditTrail($filter: AuditTrailFilter, $first: Int, $after: String) {\n  auditTrail(filter: $filter, first: $first, after: $after) {\n    edges {\n      node {\n        id\n        occurredAt\n        action\n        outcome\n        source\n        actor {\n          kind\n          id\n          username\n        }\n        officeCode\n        target {\n          type\n          id\n        }\n        reason\n        seal {\n          position\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.AuditTrailDocument,
    "query AuditVerify($from: DateTime, $to: DateTime) {\n  verifyAuditTrail(from: $from, to: $to) {\n    ok\n    checked\n    unsealed\n    firstBrokenRecord {\n      id\n      position\n      reason\n    }\n    sealedUpTo {\n      position\n      hash\n      sealedAt\n    }\n  }\n}": typeof types.AuditVerifyDocument,
    "query StaffList($filter: StaffFilter, $first: Int, $after: String) {\n  staffMembers(filter: $filter, first: $first, after: $after) {\n    edges {\n      node {\n        id\n        employeeId\n        username\n        name\n        status\n        roles\n        lastLoginAt\n        office {\n          code\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.StaffListDocument,
    "query Me {\n  me {\n    id\n    username\n    name\n    employeeId\n    roles\n    status\n    mustChangePassword\n    office {\n      code\n      name\n      type\n    }\n    grants {\n      permission\n      scope\n    }\n  }\n}": typeof types.MeDocument,
};
const documents: Documents = {
    "mutation ApprovalApprove($id: ID!, $comment: String) {\n  approve(id: $id, comment: $comment) {\n    id\n    status\n    comment\n    decidedAt\n    checker {\n      id\n      username\n    }\n  }\n}": types.ApprovalApproveDocument,
    "query ApprovalDetail($id: ID!) {\n  approvalRequest(id: $id) {\n    id\n    kind\n    subgraph\n    status\n    summary\n    payload\n    payloadHash\n    officeCode\n    office {\n      code\n      name\n    }\n    maker {\n      id\n      username\n      staff {\n        id\n        name\n        employeeId\n      }\n    }\n    checker {\n      id\n      username\n      staff {\n        id\n        name\n        employeeId\n      }\n    }\n    reason\n    comment\n    result\n    createdAt\n    decidedAt\n    executedAt\n    expiresAt\n  }\n}": types.ApprovalDetailDocument,
    "query ApprovalGrantPerson($id: ID!) {\n  staff(id: $id) {\n    id\n    name\n    username\n    employeeId\n    status\n    roles\n    office {\n      code\n      name\n    }\n  }\n}": types.ApprovalGrantPersonDocument,
    "query ApprovalJournalAccounts($codes: [ID!]!) {\n  accounts(filter: {codes: $codes}, first: 100) {\n    edges {\n      node {\n        code\n        name\n        currency\n        status\n        allowManualEntries\n      }\n    }\n  }\n}": types.ApprovalJournalAccountsDocument,
    "mutation ApprovalReject($id: ID!, $reason: String!) {\n  reject(id: $id, reason: $reason) {\n    id\n    status\n    reason\n    decidedAt\n    checker {\n      id\n      username\n    }\n  }\n}": types.ApprovalRejectDocument,
    "query ApprovalReversedEntry($id: ID!) {\n  journalEntry(id: $id) {\n    id\n    sequence\n    officeCode\n    effectiveDate\n    description\n    source {\n      type\n      reference\n    }\n    postedAt\n    reversedBy {\n      id\n    }\n    postings {\n      line\n      accountCode\n      account {\n        code\n        name\n      }\n      side\n      amount {\n        amount\n        currency\n      }\n    }\n  }\n}": types.ApprovalReversedEntryDocument,
    "query ApprovalsList($filter: ApprovalRequestFilter, $first: Int, $after: String) {\n  approvalRequests(filter: $filter, first: $first, after: $after) {\n    edges {\n      node {\n        id\n        kind\n        status\n        summary\n        officeCode\n        maker {\n          id\n          username\n        }\n        checker {\n          id\n          username\n        }\n        createdAt\n        decidedAt\n        expiresAt\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.ApprovalsListDocument,
    "query AuditRecord($id: ID!) {\n  auditRecord(id: $id) {\n    id\n    eventId\n    source\n    occurredAt\n    recordedAt\n    action\n    outcome\n    actor {\n      kind\n      id\n      username\n      roles\n      officeCode\n    }\n    officeCode\n    target {\n      type\n      id\n    }\n    reason\n    before\n    after\n    changes {\n      field\n      before\n      after\n    }\n    requestId\n    clientAddress\n    seal {\n      position\n      hash\n      previousHash\n      sealedAt\n    }\n  }\n}": types.AuditRecordDocument,
    "query AuditTrail($filter: AuditTrailFilter, $first: Int, $after: String) {\n  auditTrail(filter: $filter, first: $first, after: $after) {\n    edges {\n      node {\n        id\n        occurredAt\n        action\n        outcome\n        source\n        actor {\n          kind\n          id\n          username\n        }\n        officeCode\n        target {\n          type\n          id\n        }\n        reason\n        seal {\n          position\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.AuditTrailDocument,
    "query AuditVerify($from: DateTime, $to: DateTime) {\n  verifyAuditTrail(from: $from, to: $to) {\n    ok\n    checked\n    unsealed\n    firstBrokenRecord {\n      id\n      position\n      reason\n    }\n    sealedUpTo {\n      position\n      hash\n      sealedAt\n    }\n  }\n}": types.AuditVerifyDocument,
    "query StaffList($filter: StaffFilter, $first: Int, $after: String) {\n  staffMembers(filter: $filter, first: $first, after: $after) {\n    edges {\n      node {\n        id\n        employeeId\n        username\n        name\n        status\n        roles\n        lastLoginAt\n        office {\n          code\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.StaffListDocument,
    "query Me {\n  me {\n    id\n    username\n    name\n    employeeId\n    roles\n    status\n    mustChangePassword\n    office {\n      code\n      name\n      type\n    }\n    grants {\n      permission\n      scope\n    }\n  }\n}": types.MeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApprovalApprove($id: ID!, $comment: String) {\n  approve(id: $id, comment: $comment) {\n    id\n    status\n    comment\n    decidedAt\n    checker {\n      id\n      username\n    }\n  }\n}"): typeof import('./graphql').ApprovalApproveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApprovalDetail($id: ID!) {\n  approvalRequest(id: $id) {\n    id\n    kind\n    subgraph\n    status\n    summary\n    payload\n    payloadHash\n    officeCode\n    office {\n      code\n      name\n    }\n    maker {\n      id\n      username\n      staff {\n        id\n        name\n        employeeId\n      }\n    }\n    checker {\n      id\n      username\n      staff {\n        id\n        name\n        employeeId\n      }\n    }\n    reason\n    comment\n    result\n    createdAt\n    decidedAt\n    executedAt\n    expiresAt\n  }\n}"): typeof import('./graphql').ApprovalDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApprovalGrantPerson($id: ID!) {\n  staff(id: $id) {\n    id\n    name\n    username\n    employeeId\n    status\n    roles\n    office {\n      code\n      name\n    }\n  }\n}"): typeof import('./graphql').ApprovalGrantPersonDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApprovalJournalAccounts($codes: [ID!]!) {\n  accounts(filter: {codes: $codes}, first: 100) {\n    edges {\n      node {\n        code\n        name\n        currency\n        status\n        allowManualEntries\n      }\n    }\n  }\n}"): typeof import('./graphql').ApprovalJournalAccountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApprovalReject($id: ID!, $reason: String!) {\n  reject(id: $id, reason: $reason) {\n    id\n    status\n    reason\n    decidedAt\n    checker {\n      id\n      username\n    }\n  }\n}"): typeof import('./graphql').ApprovalRejectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApprovalReversedEntry($id: ID!) {\n  journalEntry(id: $id) {\n    id\n    sequence\n    officeCode\n    effectiveDate\n    description\n    source {\n      type\n      reference\n    }\n    postedAt\n    reversedBy {\n      id\n    }\n    postings {\n      line\n      accountCode\n      account {\n        code\n        name\n      }\n      side\n      amount {\n        amount\n        currency\n      }\n    }\n  }\n}"): typeof import('./graphql').ApprovalReversedEntryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApprovalsList($filter: ApprovalRequestFilter, $first: Int, $after: String) {\n  approvalRequests(filter: $filter, first: $first, after: $after) {\n    edges {\n      node {\n        id\n        kind\n        status\n        summary\n        officeCode\n        maker {\n          id\n          username\n        }\n        checker {\n          id\n          username\n        }\n        createdAt\n        decidedAt\n        expiresAt\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): typeof import('./graphql').ApprovalsListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuditRecord($id: ID!) {\n  auditRecord(id: $id) {\n    id\n    eventId\n    source\n    occurredAt\n    recordedAt\n    action\n    outcome\n    actor {\n      kind\n      id\n      username\n      roles\n      officeCode\n    }\n    officeCode\n    target {\n      type\n      id\n    }\n    reason\n    before\n    after\n    changes {\n      field\n      before\n      after\n    }\n    requestId\n    clientAddress\n    seal {\n      position\n      hash\n      previousHash\n      sealedAt\n    }\n  }\n}"): typeof import('./graphql').AuditRecordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuditTrail($filter: AuditTrailFilter, $first: Int, $after: String) {\n  auditTrail(filter: $filter, first: $first, after: $after) {\n    edges {\n      node {\n        id\n        occurredAt\n        action\n        outcome\n        source\n        actor {\n          kind\n          id\n          username\n        }\n        officeCode\n        target {\n          type\n          id\n        }\n        reason\n        seal {\n          position\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): typeof import('./graphql').AuditTrailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuditVerify($from: DateTime, $to: DateTime) {\n  verifyAuditTrail(from: $from, to: $to) {\n    ok\n    checked\n    unsealed\n    firstBrokenRecord {\n      id\n      position\n      reason\n    }\n    sealedUpTo {\n      position\n      hash\n      sealedAt\n    }\n  }\n}"): typeof import('./graphql').AuditVerifyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StaffList($filter: StaffFilter, $first: Int, $after: String) {\n  staffMembers(filter: $filter, first: $first, after: $after) {\n    edges {\n      node {\n        id\n        employeeId\n        username\n        name\n        status\n        roles\n        lastLoginAt\n        office {\n          code\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): typeof import('./graphql').StaffListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Me {\n  me {\n    id\n    username\n    name\n    employeeId\n    roles\n    status\n    mustChangePassword\n    office {\n      code\n      name\n      type\n    }\n    grants {\n      permission\n      scope\n    }\n  }\n}"): typeof import('./graphql').MeDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
