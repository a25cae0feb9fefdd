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
    "query StaffList($filter: StaffFilter, $first: Int, $after: String) {\n  staffMembers(filter: $filter, first: $first, after: $after) {\n    edges {\n      node {\n        id\n        employeeId\n        username\n        name\n        status\n        roles\n        lastLoginAt\n        office {\n          code\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.StaffListDocument,
    "query Me {\n  me {\n    id\n    username\n    name\n    employeeId\n    roles\n    status\n    mustChangePassword\n    office {\n      code\n      name\n      type\n    }\n    grants {\n      permission\n      scope\n    }\n  }\n}": typeof types.MeDocument,
};
const documents: Documents = {
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
    "query StaffList($filter: StaffFilter, $first: Int, $after: String) {\n  staffMembers(filter: $filter, first: $first, after: $after) {\n    edges {\n      node {\n        id\n        employeeId\n        username\n        name\n        status\n        roles\n        lastLoginAt\n        office {\n          code\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.StaffListDocument,
    "query Me {\n  me {\n    id\n    username\n    name\n    employeeId\n    roles\n    status\n    mustChangePassword\n    office {\n      code\n      name\n      type\n    }\n    grants {\n      permission\n      scope\n    }\n  }\n}": types.MeDocument,
};

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
export function graphql(source: "query StaffList($filter: StaffFilter, $first: Int, $after: String) {\n  staffMembers(filter: $filter, first: $first, after: $after) {\n    edges {\n      node {\n        id\n        employeeId\n        username\n        name\n        status\n        roles\n        lastLoginAt\n        office {\n          code\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): typeof import('./graphql').StaffListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Me {\n  me {\n    id\n    username\n    name\n    employeeId\n    roles\n    status\n    mustChangePassword\n    office {\n      code\n      name\n      type\n    }\n    grants {\n      permission\n      scope\n    }\n  }\n}"): typeof import('./graphql').MeDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
