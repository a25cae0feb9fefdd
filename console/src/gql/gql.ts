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
    "mutation StaffAssign($id: ID!, $officeCode: ID!) {\n  assignStaff(id: $id, officeCode: $officeCode) {\n    id\n    office {\n      code\n      name\n    }\n  }\n}": typeof types.StaffAssignDocument,
    "mutation StaffCreate($input: CreateStaffInput!) {\n  createStaff(input: $input) {\n    staff {\n      id\n      username\n      name\n    }\n    temporaryPasswordSentTo {\n      channel\n      address\n    }\n  }\n}": typeof types.StaffCreateDocument,
    "query StaffDetail($id: ID!) {\n  staff(id: $id) {\n    id\n    employeeId\n    username\n    name\n    mobile\n    email\n    status\n    suspendedAt\n    suspensionReason\n    leftOn\n    lastLoginAt\n    lockedUntil\n    mustChangePassword\n    roles\n    grants {\n      permission\n      scope\n    }\n    office {\n      code\n      name\n      type\n    }\n    assignments(first: 100) {\n      officeCode\n      office {\n        code\n        name\n      }\n      from\n      to\n      assignedBy {\n        id\n        username\n        name\n      }\n    }\n  }\n}": typeof types.StaffDetailDocument,
    "mutation StaffGrantRole($input: GrantRoleInput!) {\n  grantRole(input: $input) {\n    id\n    status\n    summary\n    expiresAt\n  }\n}": typeof types.StaffGrantRoleDocument,
    "query StaffList($filter: StaffFilter, $first: Int, $after: String) {\n  staffMembers(filter: $filter, first: $first, after: $after) {\n    edges {\n      node {\n        id\n        employeeId\n        username\n        name\n        status\n        roles\n        grants {\n          permission\n          scope\n        }\n        lastLoginAt\n        office {\n          code\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.StaffListDocument,
    "mutation StaffMarkLeft($id: ID!, $leftOn: Date!) {\n  markStaffLeft(id: $id, leftOn: $leftOn) {\n    id\n    status\n    leftOn\n  }\n}": typeof types.StaffMarkLeftDocument,
    "query StaffOfficeLookup($code: ID!) {\n  office(code: $code) {\n    code\n    name\n    type\n    status\n  }\n}": typeof types.StaffOfficeLookupDocument,
    "query StaffPendingGrants($staffId: ID!) {\n  approvalRequests(filter: {staffId: $staffId, status: PENDING}, first: 20) {\n    edges {\n      node {\n        id\n        summary\n        payload\n        createdAt\n        expiresAt\n        maker {\n          username\n        }\n      }\n    }\n  }\n}": typeof types.StaffPendingGrantsDocument,
    "mutation StaffReinstate($id: ID!) {\n  reinstateStaff(id: $id) {\n    id\n    status\n  }\n}": typeof types.StaffReinstateDocument,
    "mutation StaffResetPassword($id: ID!) {\n  resetPassword(id: $id) {\n    staff {\n      id\n      mustChangePassword\n      lockedUntil\n    }\n    temporaryPasswordSentTo {\n      channel\n      address\n    }\n  }\n}": typeof types.StaffResetPasswordDocument,
    "mutation StaffRevokeRole($input: RevokeRoleInput!) {\n  revokeRole(input: $input) {\n    id\n    roles\n  }\n}": typeof types.StaffRevokeRoleDocument,
    "mutation StaffSuspend($id: ID!, $reason: String!) {\n  suspendStaff(id: $id, reason: $reason) {\n    id\n    status\n    suspensionReason\n  }\n}": typeof types.StaffSuspendDocument,
    "mutation StaffUpdate($id: ID!, $input: UpdateStaffInput!) {\n  updateStaff(id: $id, input: $input) {\n    id\n    name\n    mobile\n    email\n  }\n}": typeof types.StaffUpdateDocument,
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
    "mutation StaffAssign($id: ID!, $officeCode: ID!) {\n  assignStaff(id: $id, officeCode: $officeCode) {\n    id\n    office {\n      code\n      name\n    }\n  }\n}": types.StaffAssignDocument,
    "mutation StaffCreate($input: CreateStaffInput!) {\n  createStaff(input: $input) {\n    staff {\n      id\n      username\n      name\n    }\n    temporaryPasswordSentTo {\n      channel\n      address\n    }\n  }\n}": types.StaffCreateDocument,
    "query StaffDetail($id: ID!) {\n  staff(id: $id) {\n    id\n    employeeId\n    username\n    name\n    mobile\n    email\n    status\n    suspendedAt\n    suspensionReason\n    leftOn\n    lastLoginAt\n    lockedUntil\n    mustChangePassword\n    roles\n    grants {\n      permission\n      scope\n    }\n    office {\n      code\n      name\n      type\n    }\n    assignments(first: 100) {\n      officeCode\n      office {\n        code\n        name\n      }\n      from\n      to\n      assignedBy {\n        id\n        username\n        name\n      }\n    }\n  }\n}": types.StaffDetailDocument,
    "mutation StaffGrantRole($input: GrantRoleInput!) {\n  grantRole(input: $input) {\n    id\n    status\n    summary\n    expiresAt\n  }\n}": types.StaffGrantRoleDocument,
    "query StaffList($filter: StaffFilter, $first: Int, $after: String) {\n  staffMembers(filter: $filter, first: $first, after: $after) {\n    edges {\n      node {\n        id\n        employeeId\n        username\n        name\n        status\n        roles\n        grants {\n          permission\n          scope\n        }\n        lastLoginAt\n        office {\n          code\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.StaffListDocument,
    "mutation StaffMarkLeft($id: ID!, $leftOn: Date!) {\n  markStaffLeft(id: $id, leftOn: $leftOn) {\n    id\n    status\n    leftOn\n  }\n}": types.StaffMarkLeftDocument,
    "query StaffOfficeLookup($code: ID!) {\n  office(code: $code) {\n    code\n    name\n    type\n    status\n  }\n}": types.StaffOfficeLookupDocument,
    "query StaffPendingGrants($staffId: ID!) {\n  approvalRequests(filter: {staffId: $staffId, status: PENDING}, first: 20) {\n    edges {\n      node {\n        id\n        summary\n        payload\n        createdAt\n        expiresAt\n        maker {\n          username\n        }\n      }\n    }\n  }\n}": types.StaffPendingGrantsDocument,
    "mutation StaffReinstate($id: ID!) {\n  reinstateStaff(id: $id) {\n    id\n    status\n  }\n}": types.StaffReinstateDocument,
    "mutation StaffResetPassword($id: ID!) {\n  resetPassword(id: $id) {\n    staff {\n      id\n      mustChangePassword\n      lockedUntil\n    }\n    temporaryPasswordSentTo {\n      channel\n      address\n    }\n  }\n}": types.StaffResetPasswordDocument,
    "mutation StaffRevokeRole($input: RevokeRoleInput!) {\n  revokeRole(input: $input) {\n    id\n    roles\n  }\n}": types.StaffRevokeRoleDocument,
    "mutation StaffSuspend($id: ID!, $reason: String!) {\n  suspendStaff(id: $id, reason: $reason) {\n    id\n    status\n    suspensionReason\n  }\n}": types.StaffSuspendDocument,
    "mutation StaffUpdate($id: ID!, $input: UpdateStaffInput!) {\n  updateStaff(id: $id, input: $input) {\n    id\n    name\n    mobile\n    email\n  }\n}": types.StaffUpdateDocument,
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
export function graphql(source: "mutation StaffAssign($id: ID!, $officeCode: ID!) {\n  assignStaff(id: $id, officeCode: $officeCode) {\n    id\n    office {\n      code\n      name\n    }\n  }\n}"): typeof import('./graphql').StaffAssignDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StaffCreate($input: CreateStaffInput!) {\n  createStaff(input: $input) {\n    staff {\n      id\n      username\n      name\n    }\n    temporaryPasswordSentTo {\n      channel\n      address\n    }\n  }\n}"): typeof import('./graphql').StaffCreateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StaffDetail($id: ID!) {\n  staff(id: $id) {\n    id\n    employeeId\n    username\n    name\n    mobile\n    email\n    status\n    suspendedAt\n    suspensionReason\n    leftOn\n    lastLoginAt\n    lockedUntil\n    mustChangePassword\n    roles\n    grants {\n      permission\n      scope\n    }\n    office {\n      code\n      name\n      type\n    }\n    assignments(first: 100) {\n      officeCode\n      office {\n        code\n        name\n      }\n      from\n      to\n      assignedBy {\n        id\n        username\n        name\n      }\n    }\n  }\n}"): typeof import('./graphql').StaffDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StaffGrantRole($input: GrantRoleInput!) {\n  grantRole(input: $input) {\n    id\n    status\n    summary\n    expiresAt\n  }\n}"): typeof import('./graphql').StaffGrantRoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StaffList($filter: StaffFilter, $first: Int, $after: String) {\n  staffMembers(filter: $filter, first: $first, after: $after) {\n    edges {\n      node {\n        id\n        employeeId\n        username\n        name\n        status\n        roles\n        grants {\n          permission\n          scope\n        }\n        lastLoginAt\n        office {\n          code\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): typeof import('./graphql').StaffListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StaffMarkLeft($id: ID!, $leftOn: Date!) {\n  markStaffLeft(id: $id, leftOn: $leftOn) {\n    id\n    status\n    leftOn\n  }\n}"): typeof import('./graphql').StaffMarkLeftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StaffOfficeLookup($code: ID!) {\n  office(code: $code) {\n    code\n    name\n    type\n    status\n  }\n}"): typeof import('./graphql').StaffOfficeLookupDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StaffPendingGrants($staffId: ID!) {\n  approvalRequests(filter: {staffId: $staffId, status: PENDING}, first: 20) {\n    edges {\n      node {\n        id\n        summary\n        payload\n        createdAt\n        expiresAt\n        maker {\n          username\n        }\n      }\n    }\n  }\n}"): typeof import('./graphql').StaffPendingGrantsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StaffReinstate($id: ID!) {\n  reinstateStaff(id: $id) {\n    id\n    status\n  }\n}"): typeof import('./graphql').StaffReinstateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StaffResetPassword($id: ID!) {\n  resetPassword(id: $id) {\n    staff {\n      id\n      mustChangePassword\n      lockedUntil\n    }\n    temporaryPasswordSentTo {\n      channel\n      address\n    }\n  }\n}"): typeof import('./graphql').StaffResetPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StaffRevokeRole($input: RevokeRoleInput!) {\n  revokeRole(input: $input) {\n    id\n    roles\n  }\n}"): typeof import('./graphql').StaffRevokeRoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StaffSuspend($id: ID!, $reason: String!) {\n  suspendStaff(id: $id, reason: $reason) {\n    id\n    status\n    suspensionReason\n  }\n}"): typeof import('./graphql').StaffSuspendDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StaffUpdate($id: ID!, $input: UpdateStaffInput!) {\n  updateStaff(id: $id, input: $input) {\n    id\n    name\n    mobile\n    email\n  }\n}"): typeof import('./graphql').StaffUpdateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Me {\n  me {\n    id\n    username\n    name\n    employeeId\n    roles\n    status\n    mustChangePassword\n    office {\n      code\n      name\n      type\n    }\n    grants {\n      permission\n      scope\n    }\n  }\n}"): typeof import('./graphql').MeDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
