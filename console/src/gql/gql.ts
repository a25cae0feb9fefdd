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
