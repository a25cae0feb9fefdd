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
    "mutation OfficeClose($code: ID!, $closedOn: Date!) {\n  closeOffice(code: $code, closedOn: $closedOn) {\n    code\n    status\n    closedOn\n  }\n}": typeof types.OfficeCloseDocument,
    "mutation OfficeCreate($input: CreateOfficeInput!) {\n  createOffice(input: $input) {\n    code\n    name\n    parent {\n      code\n    }\n  }\n}": typeof types.OfficeCreateDocument,
    "query OfficeDetail($code: ID!, $withLedger: Boolean!, $withStaff: Boolean!, $staffFirst: Int) {\n  office(code: $code) {\n    code\n    name\n    type\n    status\n    pin\n    openedOn\n    closedOn\n    address {\n      line1\n      line2\n      city\n      district\n      state\n    }\n    contact {\n      phone\n      email\n    }\n    deliveryShifts {\n      morning\n      evening\n      sundays\n      holidays\n    }\n    parent {\n      code\n      name\n      type\n    }\n    accountOffice {\n      code\n      name\n    }\n    ancestors {\n      code\n      name\n    }\n    children(first: 1) {\n      edges {\n        node {\n          code\n        }\n      }\n    }\n    closedThrough @include(if: $withLedger)\n    ledgerAccounts @include(if: $withLedger) {\n      code\n      name\n      type\n      status\n      currency\n      balance {\n        amount\n        currency\n      }\n      available {\n        amount\n        currency\n      }\n    }\n  }\n  businessDayCloses(officeCode: $code, first: 10) @include(if: $withLedger) {\n    businessDate\n    previousDate\n    closedAt\n    closedBy {\n      kind\n      id\n      username\n    }\n  }\n  staffMembers(filter: {officeCode: $code}, first: $staffFirst) @include(if: $withStaff) {\n    edges {\n      node {\n        id\n        employeeId\n        username\n        name\n        roles\n        status\n      }\n    }\n    pageInfo {\n      hasNextPage\n    }\n  }\n}": typeof types.OfficeDetailDocument,
    "mutation OfficeMove($code: ID!, $newParentCode: ID!, $accountOfficeCode: ID) {\n  moveOffice(\n    code: $code\n    newParentCode: $newParentCode\n    accountOfficeCode: $accountOfficeCode\n  ) {\n    code\n    parent {\n      code\n      name\n    }\n    accountOffice {\n      code\n      name\n    }\n  }\n}": typeof types.OfficeMoveDocument,
    "mutation OfficeRename($code: ID!, $name: String!) {\n  renameOffice(code: $code, name: $name) {\n    code\n    name\n  }\n}": typeof types.OfficeRenameDocument,
    "mutation OfficeUpdate($code: ID!, $input: UpdateOfficeInput!) {\n  updateOffice(code: $code, input: $input) {\n    code\n    pin\n    address {\n      line1\n      line2\n      city\n      district\n      state\n    }\n    contact {\n      phone\n      email\n    }\n    deliveryShifts {\n      morning\n      evening\n      sundays\n      holidays\n    }\n    accountOffice {\n      code\n      name\n    }\n  }\n}": typeof types.OfficeUpdateDocument,
    "query OfficesSearch($filter: OfficeFilter, $first: Int, $after: String) {\n  offices(filter: $filter, first: $first, after: $after) {\n    edges {\n      node {\n        code\n        name\n        type\n        status\n        pin\n        openedOn\n        closedOn\n        address {\n          city\n          district\n          state\n        }\n        parent {\n          code\n          name\n        }\n        accountOffice {\n          code\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.OfficesSearchDocument,
    "query OfficesTreeChildren($code: ID!, $first: Int, $after: String) {\n  office(code: $code) {\n    code\n    children(first: $first, after: $after) {\n      edges {\n        node {\n          code\n          name\n          type\n          status\n          children(first: 1) {\n            edges {\n              node {\n                code\n              }\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": typeof types.OfficesTreeChildrenDocument,
    "query OfficesTreeRoot($code: ID!) {\n  office(code: $code) {\n    code\n    name\n    type\n    status\n    children(first: 1) {\n      edges {\n        node {\n          code\n        }\n      }\n    }\n  }\n}": typeof types.OfficesTreeRootDocument,
    "query StaffList($filter: StaffFilter, $first: Int, $after: String) {\n  staffMembers(filter: $filter, first: $first, after: $after) {\n    edges {\n      node {\n        id\n        employeeId\n        username\n        name\n        status\n        roles\n        lastLoginAt\n        office {\n          code\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.StaffListDocument,
    "query Me {\n  me {\n    id\n    username\n    name\n    employeeId\n    roles\n    status\n    mustChangePassword\n    office {\n      code\n      name\n      type\n    }\n    grants {\n      permission\n      scope\n    }\n  }\n}": typeof types.MeDocument,
};
const documents: Documents = {
    "mutation OfficeClose($code: ID!, $closedOn: Date!) {\n  closeOffice(code: $code, closedOn: $closedOn) {\n    code\n    status\n    closedOn\n  }\n}": types.OfficeCloseDocument,
    "mutation OfficeCreate($input: CreateOfficeInput!) {\n  createOffice(input: $input) {\n    code\n    name\n    parent {\n      code\n    }\n  }\n}": types.OfficeCreateDocument,
    "query OfficeDetail($code: ID!, $withLedger: Boolean!, $withStaff: Boolean!, $staffFirst: Int) {\n  office(code: $code) {\n    code\n    name\n    type\n    status\n    pin\n    openedOn\n    closedOn\n    address {\n      line1\n      line2\n      city\n      district\n      state\n    }\n    contact {\n      phone\n      email\n    }\n    deliveryShifts {\n      morning\n      evening\n      sundays\n      holidays\n    }\n    parent {\n      code\n      name\n      type\n    }\n    accountOffice {\n      code\n      name\n    }\n    ancestors {\n      code\n      name\n    }\n    children(first: 1) {\n      edges {\n        node {\n          code\n        }\n      }\n    }\n    closedThrough @include(if: $withLedger)\n    ledgerAccounts @include(if: $withLedger) {\n      code\n      name\n      type\n      status\n      currency\n      balance {\n        amount\n        currency\n      }\n      available {\n        amount\n        currency\n      }\n    }\n  }\n  businessDayCloses(officeCode: $code, first: 10) @include(if: $withLedger) {\n    businessDate\n    previousDate\n    closedAt\n    closedBy {\n      kind\n      id\n      username\n    }\n  }\n  staffMembers(filter: {officeCode: $code}, first: $staffFirst) @include(if: $withStaff) {\n    edges {\n      node {\n        id\n        employeeId\n        username\n        name\n        roles\n        status\n      }\n    }\n    pageInfo {\n      hasNextPage\n    }\n  }\n}": types.OfficeDetailDocument,
    "mutation OfficeMove($code: ID!, $newParentCode: ID!, $accountOfficeCode: ID) {\n  moveOffice(\n    code: $code\n    newParentCode: $newParentCode\n    accountOfficeCode: $accountOfficeCode\n  ) {\n    code\n    parent {\n      code\n      name\n    }\n    accountOffice {\n      code\n      name\n    }\n  }\n}": types.OfficeMoveDocument,
    "mutation OfficeRename($code: ID!, $name: String!) {\n  renameOffice(code: $code, name: $name) {\n    code\n    name\n  }\n}": types.OfficeRenameDocument,
    "mutation OfficeUpdate($code: ID!, $input: UpdateOfficeInput!) {\n  updateOffice(code: $code, input: $input) {\n    code\n    pin\n    address {\n      line1\n      line2\n      city\n      district\n      state\n    }\n    contact {\n      phone\n      email\n    }\n    deliveryShifts {\n      morning\n      evening\n      sundays\n      holidays\n    }\n    accountOffice {\n      code\n      name\n    }\n  }\n}": types.OfficeUpdateDocument,
    "query OfficesSearch($filter: OfficeFilter, $first: Int, $after: String) {\n  offices(filter: $filter, first: $first, after: $after) {\n    edges {\n      node {\n        code\n        name\n        type\n        status\n        pin\n        openedOn\n        closedOn\n        address {\n          city\n          district\n          state\n        }\n        parent {\n          code\n          name\n        }\n        accountOffice {\n          code\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.OfficesSearchDocument,
    "query OfficesTreeChildren($code: ID!, $first: Int, $after: String) {\n  office(code: $code) {\n    code\n    children(first: $first, after: $after) {\n      edges {\n        node {\n          code\n          name\n          type\n          status\n          children(first: 1) {\n            edges {\n              node {\n                code\n              }\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": types.OfficesTreeChildrenDocument,
    "query OfficesTreeRoot($code: ID!) {\n  office(code: $code) {\n    code\n    name\n    type\n    status\n    children(first: 1) {\n      edges {\n        node {\n          code\n        }\n      }\n    }\n  }\n}": types.OfficesTreeRootDocument,
    "query StaffList($filter: StaffFilter, $first: Int, $after: String) {\n  staffMembers(filter: $filter, first: $first, after: $after) {\n    edges {\n      node {\n        id\n        employeeId\n        username\n        name\n        status\n        roles\n        lastLoginAt\n        office {\n          code\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.StaffListDocument,
    "query Me {\n  me {\n    id\n    username\n    name\n    employeeId\n    roles\n    status\n    mustChangePassword\n    office {\n      code\n      name\n      type\n    }\n    grants {\n      permission\n      scope\n    }\n  }\n}": types.MeDocument,
};

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
export function graphql(source: "query StaffList($filter: StaffFilter, $first: Int, $after: String) {\n  staffMembers(filter: $filter, first: $first, after: $after) {\n    edges {\n      node {\n        id\n        employeeId\n        username\n        name\n        status\n        roles\n        lastLoginAt\n        office {\n          code\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): typeof import('./graphql').StaffListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Me {\n  me {\n    id\n    username\n    name\n    employeeId\n    roles\n    status\n    mustChangePassword\n    office {\n      code\n      name\n      type\n    }\n    grants {\n      permission\n      scope\n    }\n  }\n}"): typeof import('./graphql').MeDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
