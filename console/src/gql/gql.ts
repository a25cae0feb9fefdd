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
    "query DashboardApprovals {\n  approvalRequests(filter: {status: PENDING}, first: 100) {\n    edges {\n      node {\n        id\n        kind\n        summary\n        officeCode\n        createdAt\n        expiresAt\n        maker {\n          id\n          username\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n    }\n  }\n}": typeof types.DashboardApprovalsDocument,
    "query DashboardCash {\n  counterCash: accounts(filter: {headCode: \"1100\", kind: DETAIL}, first: 100) {\n    edges {\n      node {\n        code\n        name\n        officeCode\n        balance {\n          amount\n          currency\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n    }\n  }\n  postmanCash: accounts(filter: {headCode: \"1200\", kind: DETAIL}, first: 100) {\n    edges {\n      node {\n        code\n        name\n        officeCode\n        balance {\n          amount\n          currency\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n    }\n  }\n}": typeof types.DashboardCashDocument,
    "query DashboardUnclosedDays($date: Date!) {\n  officesNotClosedThrough(date: $date, first: 8) {\n    totalCount\n    edges {\n      node {\n        code\n        name\n        type\n        closedThrough\n      }\n    }\n    pageInfo {\n      hasNextPage\n    }\n  }\n}": typeof types.DashboardUnclosedDaysDocument,
    "query DashboardVerifyLedger {\n  verifyLedger {\n    ok\n    checkedEntries\n    sealedThrough\n    unsealedEntries\n    firstDiscrepancy {\n      kind\n      entryId\n      accountCode\n      position\n      message\n    }\n  }\n}": typeof types.DashboardVerifyLedgerDocument,
    "mutation JournalCloseBusinessDay($officeCode: ID!, $date: Date!) {\n  closeBusinessDay(officeCode: $officeCode, date: $date) {\n    officeCode\n    businessDate\n    previousDate\n    closedAt\n    closedBy {\n      username\n    }\n    balances {\n      accountCode\n    }\n  }\n}": typeof types.JournalCloseBusinessDayDocument,
    "query JournalEntryForReversal($id: ID!) {\n  journalEntry(id: $id) {\n    id\n    officeCode\n    effectiveDate\n    description\n    source {\n      type\n      reference\n    }\n    postings {\n      line\n      accountCode\n      side\n      amount {\n        amount\n        currency\n      }\n    }\n    reverses {\n      id\n    }\n    reversedBy {\n      id\n    }\n  }\n}": typeof types.JournalEntryForReversalDocument,
    "query JournalOfficeAccounts($officeCode: ID!) {\n  office(code: $officeCode) {\n    code\n    name\n    closedThrough\n  }\n  accounts(filter: {officeCode: $officeCode, kind: DETAIL}, first: 100) {\n    edges {\n      node {\n        code\n        name\n        currency\n        status\n        allowManualEntries\n      }\n    }\n  }\n}": typeof types.JournalOfficeAccountsDocument,
    "query JournalOfficeDay($officeCode: ID!) {\n  office(code: $officeCode) {\n    code\n    name\n    type\n    closedThrough\n  }\n  businessDayCloses(officeCode: $officeCode, first: 5) {\n    officeCode\n    businessDate\n    previousDate\n    closedAt\n    closedBy {\n      username\n    }\n  }\n}": typeof types.JournalOfficeDayDocument,
    "query JournalOfficeSearch($search: String) {\n  offices(filter: {search: $search, status: ACTIVE}, first: 20) {\n    edges {\n      node {\n        code\n        name\n        type\n      }\n    }\n  }\n}": typeof types.JournalOfficeSearchDocument,
    "mutation JournalPostEntry($input: PostJournalEntryInput!) {\n  postJournalEntry(input: $input) {\n    entry {\n      id\n    }\n    approvalRequest {\n      id\n      kind\n      status\n      summary\n      createdAt\n      expiresAt\n    }\n  }\n}": typeof types.JournalPostEntryDocument,
    "mutation JournalReverseEntry($id: ID!, $reason: String!, $idempotencyKey: String!) {\n  reverseJournalEntry(id: $id, reason: $reason, idempotencyKey: $idempotencyKey) {\n    entry {\n      id\n    }\n    approvalRequest {\n      id\n      kind\n      status\n      summary\n      createdAt\n      expiresAt\n    }\n  }\n}": typeof types.JournalReverseEntryDocument,
    "mutation OfficeClose($code: ID!, $closedOn: Date!) {\n  closeOffice(code: $code, closedOn: $closedOn) {\n    code\n    status\n    closedOn\n  }\n}": typeof types.OfficeCloseDocument,
    "mutation OfficeCreate($input: CreateOfficeInput!) {\n  createOffice(input: $input) {\n    code\n    name\n    parent {\n      code\n    }\n  }\n}": typeof types.OfficeCreateDocument,
    "query OfficeDetail($code: ID!, $withLedger: Boolean!, $withStaff: Boolean!, $staffFirst: Int) {\n  office(code: $code) {\n    code\n    name\n    type\n    status\n    pin\n    openedOn\n    closedOn\n    address {\n      line1\n      line2\n      city\n      district\n      state\n    }\n    contact {\n      phone\n      email\n    }\n    deliveryShifts {\n      morning\n      evening\n      sundays\n      holidays\n    }\n    parent {\n      code\n      name\n      type\n    }\n    accountOffice {\n      code\n      name\n    }\n    ancestors {\n      code\n      name\n    }\n    children(first: 1) {\n      edges {\n        node {\n          code\n        }\n      }\n    }\n    closedThrough @include(if: $withLedger)\n    ledgerAccounts @include(if: $withLedger) {\n      code\n      name\n      type\n      status\n      currency\n      balance {\n        amount\n        currency\n      }\n      available {\n        amount\n        currency\n      }\n    }\n  }\n  businessDayCloses(officeCode: $code, first: 10) @include(if: $withLedger) {\n    businessDate\n    previousDate\n    closedAt\n    closedBy {\n      kind\n      id\n      username\n    }\n  }\n  staffMembers(filter: {officeCode: $code}, first: $staffFirst) @include(if: $withStaff) {\n    edges {\n      node {\n        id\n        employeeId\n        username\n        name\n        roles\n        status\n      }\n    }\n    pageInfo {\n      hasNextPage\n    }\n  }\n}": typeof types.OfficeDetailDocument,
    "mutation OfficeMove($code: ID!, $newParentCode: ID!, $accountOfficeCode: ID) {\n  moveOffice(\n    code: $code\n    newParentCode: $newParentCode\n    accountOfficeCode: $accountOfficeCode\n  ) {\n    code\n    parent {\n      code\n      name\n    }\n    accountOffice {\n      code\n      name\n    }\n  }\n}": typeof types.OfficeMoveDocument,
    "mutation OfficeRename($code: ID!, $name: String!) {\n  renameOffice(code: $code, name: $name) {\n    code\n    name\n  }\n}": typeof types.OfficeRenameDocument,
    "mutation OfficeUpdate($code: ID!, $input: UpdateOfficeInput!) {\n  updateOffice(code: $code, input: $input) {\n    code\n    pin\n    address {\n      line1\n      line2\n      city\n      district\n      state\n    }\n    contact {\n      phone\n      email\n    }\n    deliveryShifts {\n      morning\n      evening\n      sundays\n      holidays\n    }\n    accountOffice {\n      code\n      name\n    }\n  }\n}": typeof types.OfficeUpdateDocument,
    "query OfficesSearch($filter: OfficeFilter, $first: Int, $after: String) {\n  offices(filter: $filter, first: $first, after: $after) {\n    edges {\n      node {\n        code\n        name\n        type\n        status\n        pin\n        openedOn\n        closedOn\n        address {\n          city\n          district\n          state\n        }\n        parent {\n          code\n          name\n        }\n        accountOffice {\n          code\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.OfficesSearchDocument,
    "query OfficesTreeChildren($code: ID!, $first: Int, $after: String) {\n  office(code: $code) {\n    code\n    children(first: $first, after: $after) {\n      edges {\n        node {\n          code\n          name\n          type\n          status\n          children(first: 1) {\n            edges {\n              node {\n                code\n              }\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": typeof types.OfficesTreeChildrenDocument,
    "query OfficesTreeRoot($code: ID!) {\n  office(code: $code) {\n    code\n    name\n    type\n    status\n    children(first: 1) {\n      edges {\n        node {\n          code\n        }\n      }\n    }\n  }\n}": typeof types.OfficesTreeRootDocument,
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
    "query DashboardApprovals {\n  approvalRequests(filter: {status: PENDING}, first: 100) {\n    edges {\n      node {\n        id\n        kind\n        summary\n        officeCode\n        createdAt\n        expiresAt\n        maker {\n          id\n          username\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n    }\n  }\n}": types.DashboardApprovalsDocument,
    "query DashboardCash {\n  counterCash: accounts(filter: {headCode: \"1100\", kind: DETAIL}, first: 100) {\n    edges {\n      node {\n        code\n        name\n        officeCode\n        balance {\n          amount\n          currency\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n    }\n  }\n  postmanCash: accounts(filter: {headCode: \"1200\", kind: DETAIL}, first: 100) {\n    edges {\n      node {\n        code\n        name\n        officeCode\n        balance {\n          amount\n          currency\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n    }\n  }\n}": types.DashboardCashDocument,
    "query DashboardUnclosedDays($date: Date!) {\n  officesNotClosedThrough(date: $date, first: 8) {\n    totalCount\n    edges {\n      node {\n        code\n        name\n        type\n        closedThrough\n      }\n    }\n    pageInfo {\n      hasNextPage\n    }\n  }\n}": types.DashboardUnclosedDaysDocument,
    "query DashboardVerifyLedger {\n  verifyLedger {\n    ok\n    checkedEntries\n    sealedThrough\n    unsealedEntries\n    firstDiscrepancy {\n      kind\n      entryId\n      accountCode\n      position\n      message\n    }\n  }\n}": types.DashboardVerifyLedgerDocument,
    "mutation JournalCloseBusinessDay($officeCode: ID!, $date: Date!) {\n  closeBusinessDay(officeCode: $officeCode, date: $date) {\n    officeCode\n    businessDate\n    previousDate\n    closedAt\n    closedBy {\n      username\n    }\n    balances {\n      accountCode\n    }\n  }\n}": types.JournalCloseBusinessDayDocument,
    "query JournalEntryForReversal($id: ID!) {\n  journalEntry(id: $id) {\n    id\n    officeCode\n    effectiveDate\n    description\n    source {\n      type\n      reference\n    }\n    postings {\n      line\n      accountCode\n      side\n      amount {\n        amount\n        currency\n      }\n    }\n    reverses {\n      id\n    }\n    reversedBy {\n      id\n    }\n  }\n}": types.JournalEntryForReversalDocument,
    "query JournalOfficeAccounts($officeCode: ID!) {\n  office(code: $officeCode) {\n    code\n    name\n    closedThrough\n  }\n  accounts(filter: {officeCode: $officeCode, kind: DETAIL}, first: 100) {\n    edges {\n      node {\n        code\n        name\n        currency\n        status\n        allowManualEntries\n      }\n    }\n  }\n}": types.JournalOfficeAccountsDocument,
    "query JournalOfficeDay($officeCode: ID!) {\n  office(code: $officeCode) {\n    code\n    name\n    type\n    closedThrough\n  }\n  businessDayCloses(officeCode: $officeCode, first: 5) {\n    officeCode\n    businessDate\n    previousDate\n    closedAt\n    closedBy {\n      username\n    }\n  }\n}": types.JournalOfficeDayDocument,
    "query JournalOfficeSearch($search: String) {\n  offices(filter: {search: $search, status: ACTIVE}, first: 20) {\n    edges {\n      node {\n        code\n        name\n        type\n      }\n    }\n  }\n}": types.JournalOfficeSearchDocument,
    "mutation JournalPostEntry($input: PostJournalEntryInput!) {\n  postJournalEntry(input: $input) {\n    entry {\n      id\n    }\n    approvalRequest {\n      id\n      kind\n      status\n      summary\n      createdAt\n      expiresAt\n    }\n  }\n}": types.JournalPostEntryDocument,
    "mutation JournalReverseEntry($id: ID!, $reason: String!, $idempotencyKey: String!) {\n  reverseJournalEntry(id: $id, reason: $reason, idempotencyKey: $idempotencyKey) {\n    entry {\n      id\n    }\n    approvalRequest {\n      id\n      kind\n      status\n      summary\n      createdAt\n      expiresAt\n    }\n  }\n}": types.JournalReverseEntryDocument,
    "mutation OfficeClose($code: ID!, $closedOn: Date!) {\n  closeOffice(code: $code, closedOn: $closedOn) {\n    code\n    status\n    closedOn\n  }\n}": types.OfficeCloseDocument,
    "mutation OfficeCreate($input: CreateOfficeInput!) {\n  createOffice(input: $input) {\n    code\n    name\n    parent {\n      code\n    }\n  }\n}": types.OfficeCreateDocument,
    "query OfficeDetail($code: ID!, $withLedger: Boolean!, $withStaff: Boolean!, $staffFirst: Int) {\n  office(code: $code) {\n    code\n    name\n    type\n    status\n    pin\n    openedOn\n    closedOn\n    address {\n      line1\n      line2\n      city\n      district\n      state\n    }\n    contact {\n      phone\n      email\n    }\n    deliveryShifts {\n      morning\n      evening\n      sundays\n      holidays\n    }\n    parent {\n      code\n      name\n      type\n    }\n    accountOffice {\n      code\n      name\n    }\n    ancestors {\n      code\n      name\n    }\n    children(first: 1) {\n      edges {\n        node {\n          code\n        }\n      }\n    }\n    closedThrough @include(if: $withLedger)\n    ledgerAccounts @include(if: $withLedger) {\n      code\n      name\n      type\n      status\n      currency\n      balance {\n        amount\n        currency\n      }\n      available {\n        amount\n        currency\n      }\n    }\n  }\n  businessDayCloses(officeCode: $code, first: 10) @include(if: $withLedger) {\n    businessDate\n    previousDate\n    closedAt\n    closedBy {\n      kind\n      id\n      username\n    }\n  }\n  staffMembers(filter: {officeCode: $code}, first: $staffFirst) @include(if: $withStaff) {\n    edges {\n      node {\n        id\n        employeeId\n        username\n        name\n        roles\n        status\n      }\n    }\n    pageInfo {\n      hasNextPage\n    }\n  }\n}": types.OfficeDetailDocument,
    "mutation OfficeMove($code: ID!, $newParentCode: ID!, $accountOfficeCode: ID) {\n  moveOffice(\n    code: $code\n    newParentCode: $newParentCode\n    accountOfficeCode: $accountOfficeCode\n  ) {\n    code\n    parent {\n      code\n      name\n    }\n    accountOffice {\n      code\n      name\n    }\n  }\n}": types.OfficeMoveDocument,
    "mutation OfficeRename($code: ID!, $name: String!) {\n  renameOffice(code: $code, name: $name) {\n    code\n    name\n  }\n}": types.OfficeRenameDocument,
    "mutation OfficeUpdate($code: ID!, $input: UpdateOfficeInput!) {\n  updateOffice(code: $code, input: $input) {\n    code\n    pin\n    address {\n      line1\n      line2\n      city\n      district\n      state\n    }\n    contact {\n      phone\n      email\n    }\n    deliveryShifts {\n      morning\n      evening\n      sundays\n      holidays\n    }\n    accountOffice {\n      code\n      name\n    }\n  }\n}": types.OfficeUpdateDocument,
    "query OfficesSearch($filter: OfficeFilter, $first: Int, $after: String) {\n  offices(filter: $filter, first: $first, after: $after) {\n    edges {\n      node {\n        code\n        name\n        type\n        status\n        pin\n        openedOn\n        closedOn\n        address {\n          city\n          district\n          state\n        }\n        parent {\n          code\n          name\n        }\n        accountOffice {\n          code\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.OfficesSearchDocument,
    "query OfficesTreeChildren($code: ID!, $first: Int, $after: String) {\n  office(code: $code) {\n    code\n    children(first: $first, after: $after) {\n      edges {\n        node {\n          code\n          name\n          type\n          status\n          children(first: 1) {\n            edges {\n              node {\n                code\n              }\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": types.OfficesTreeChildrenDocument,
    "query OfficesTreeRoot($code: ID!) {\n  office(code: $code) {\n    code\n    name\n    type\n    status\n    children(first: 1) {\n      edges {\n        node {\n          code\n        }\n      }\n    }\n  }\n}": types.OfficesTreeRootDocument,
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
export function graphql(source: "query DashboardApprovals {\n  approvalRequests(filter: {status: PENDING}, first: 100) {\n    edges {\n      node {\n        id\n        kind\n        summary\n        officeCode\n        createdAt\n        expiresAt\n        maker {\n          id\n          username\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n    }\n  }\n}"): typeof import('./graphql').DashboardApprovalsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DashboardCash {\n  counterCash: accounts(filter: {headCode: \"1100\", kind: DETAIL}, first: 100) {\n    edges {\n      node {\n        code\n        name\n        officeCode\n        balance {\n          amount\n          currency\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n    }\n  }\n  postmanCash: accounts(filter: {headCode: \"1200\", kind: DETAIL}, first: 100) {\n    edges {\n      node {\n        code\n        name\n        officeCode\n        balance {\n          amount\n          currency\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n    }\n  }\n}"): typeof import('./graphql').DashboardCashDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DashboardUnclosedDays($date: Date!) {\n  officesNotClosedThrough(date: $date, first: 8) {\n    totalCount\n    edges {\n      node {\n        code\n        name\n        type\n        closedThrough\n      }\n    }\n    pageInfo {\n      hasNextPage\n    }\n  }\n}"): typeof import('./graphql').DashboardUnclosedDaysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DashboardVerifyLedger {\n  verifyLedger {\n    ok\n    checkedEntries\n    sealedThrough\n    unsealedEntries\n    firstDiscrepancy {\n      kind\n      entryId\n      accountCode\n      position\n      message\n    }\n  }\n}"): typeof import('./graphql').DashboardVerifyLedgerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation JournalCloseBusinessDay($officeCode: ID!, $date: Date!) {\n  closeBusinessDay(officeCode: $officeCode, date: $date) {\n    officeCode\n    businessDate\n    previousDate\n    closedAt\n    closedBy {\n      username\n    }\n    balances {\n      accountCode\n    }\n  }\n}"): typeof import('./graphql').JournalCloseBusinessDayDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query JournalEntryForReversal($id: ID!) {\n  journalEntry(id: $id) {\n    id\n    officeCode\n    effectiveDate\n    description\n    source {\n      type\n      reference\n    }\n    postings {\n      line\n      accountCode\n      side\n      amount {\n        amount\n        currency\n      }\n    }\n    reverses {\n      id\n    }\n    reversedBy {\n      id\n    }\n  }\n}"): typeof import('./graphql').JournalEntryForReversalDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query JournalOfficeAccounts($officeCode: ID!) {\n  office(code: $officeCode) {\n    code\n    name\n    closedThrough\n  }\n  accounts(filter: {officeCode: $officeCode, kind: DETAIL}, first: 100) {\n    edges {\n      node {\n        code\n        name\n        currency\n        status\n        allowManualEntries\n      }\n    }\n  }\n}"): typeof import('./graphql').JournalOfficeAccountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query JournalOfficeDay($officeCode: ID!) {\n  office(code: $officeCode) {\n    code\n    name\n    type\n    closedThrough\n  }\n  businessDayCloses(officeCode: $officeCode, first: 5) {\n    officeCode\n    businessDate\n    previousDate\n    closedAt\n    closedBy {\n      username\n    }\n  }\n}"): typeof import('./graphql').JournalOfficeDayDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query JournalOfficeSearch($search: String) {\n  offices(filter: {search: $search, status: ACTIVE}, first: 20) {\n    edges {\n      node {\n        code\n        name\n        type\n      }\n    }\n  }\n}"): typeof import('./graphql').JournalOfficeSearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation JournalPostEntry($input: PostJournalEntryInput!) {\n  postJournalEntry(input: $input) {\n    entry {\n      id\n    }\n    approvalRequest {\n      id\n      kind\n      status\n      summary\n      createdAt\n      expiresAt\n    }\n  }\n}"): typeof import('./graphql').JournalPostEntryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation JournalReverseEntry($id: ID!, $reason: String!, $idempotencyKey: String!) {\n  reverseJournalEntry(id: $id, reason: $reason, idempotencyKey: $idempotencyKey) {\n    entry {\n      id\n    }\n    approvalRequest {\n      id\n      kind\n      status\n      summary\n      createdAt\n      expiresAt\n    }\n  }\n}"): typeof import('./graphql').JournalReverseEntryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OfficeClose($code: ID!, $closedOn: Date!) {\n  closeOffice(code: $code, closedOn: $closedOn) {\n    code\n    status\n    closedOn\n  }\n}"): typeof import('./graphql').OfficeCloseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OfficeCreate($input: CreateOfficeInput!) {\n  createOffice(input: $input) {\n    code\n    name\n    parent {\n      code\n    }\n  }\n}"): typeof import('./graphql').OfficeCreateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OfficeDetail($code: ID!, $withLedger: Boolean!, $withStaff: Boolean!, $staffFirst: Int) {\n  office(code: $code) {\n    code\n    name\n    type\n    status\n    pin\n    openedOn\n    closedOn\n    address {\n      line1\n      line2\n      city\n      district\n      state\n    }\n    contact {\n      phone\n      email\n    }\n    deliveryShifts {\n      morning\n      evening\n      sundays\n      holidays\n    }\n    parent {\n      code\n      name\n      type\n    }\n    accountOffice {\n      code\n      name\n    }\n    ancestors {\n      code\n      name\n    }\n    children(first: 1) {\n      edges {\n        node {\n          code\n        }\n      }\n    }\n    closedThrough @include(if: $withLedger)\n    ledgerAccounts @include(if: $withLedger) {\n      code\n      name\n      type\n      status\n      currency\n      balance {\n        amount\n        currency\n      }\n      available {\n        amount\n        currency\n      }\n    }\n  }\n  businessDayCloses(officeCode: $code, first: 10) @include(if: $withLedger) {\n    businessDate\n    previousDate\n    closedAt\n    closedBy {\n      kind\n      id\n      username\n    }\n  }\n  staffMembers(filter: {officeCode: $code}, first: $staffFirst) @include(if: $withStaff) {\n    edges {\n      node {\n        id\n        employeeId\n        username\n        name\n        roles\n        status\n      }\n    }\n    pageInfo {\n      hasNextPage\n    }\n  }\n}"): typeof import('./graphql').OfficeDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OfficeMove($code: ID!, $newParentCode: ID!, $accountOfficeCode: ID) {\n  moveOffice(\n    code: $code\n    newParentCode: $newParentCode\n    accountOfficeCode: $accountOfficeCode\n  ) {\n    code\n    parent {\n      code\n      name\n    }\n    accountOffice {\n      code\n      name\n    }\n  }\n}"): typeof import('./graphql').OfficeMoveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OfficeRename($code: ID!, $name: String!) {\n  renameOffice(code: $code, name: $name) {\n    code\n    name\n  }\n}"): typeof import('./graphql').OfficeRenameDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OfficeUpdate($code: ID!, $input: UpdateOfficeInput!) {\n  updateOffice(code: $code, input: $input) {\n    code\n    pin\n    address {\n      line1\n      line2\n      city\n      district\n      state\n    }\n    contact {\n      phone\n      email\n    }\n    deliveryShifts {\n      morning\n      evening\n      sundays\n      holidays\n    }\n    accountOffice {\n      code\n      name\n    }\n  }\n}"): typeof import('./graphql').OfficeUpdateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OfficesSearch($filter: OfficeFilter, $first: Int, $after: String) {\n  offices(filter: $filter, first: $first, after: $after) {\n    edges {\n      node {\n        code\n        name\n        type\n        status\n        pin\n        openedOn\n        closedOn\n        address {\n          city\n          district\n          state\n        }\n        parent {\n          code\n          name\n        }\n        accountOffice {\n          code\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): typeof import('./graphql').OfficesSearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OfficesTreeChildren($code: ID!, $first: Int, $after: String) {\n  office(code: $code) {\n    code\n    children(first: $first, after: $after) {\n      edges {\n        node {\n          code\n          name\n          type\n          status\n          children(first: 1) {\n            edges {\n              node {\n                code\n              }\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}"): typeof import('./graphql').OfficesTreeChildrenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OfficesTreeRoot($code: ID!) {\n  office(code: $code) {\n    code\n    name\n    type\n    status\n    children(first: 1) {\n      edges {\n        node {\n          code\n        }\n      }\n    }\n  }\n}"): typeof import('./graphql').OfficesTreeRootDocument;
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
