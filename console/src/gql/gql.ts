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
    "query StaffList($filter: StaffFilter, $first: Int, $after: String) {\n  staffMembers(filter: $filter, first: $first, after: $after) {\n    edges {\n      node {\n        id\n        employeeId\n        username\n        name\n        status\n        roles\n        lastLoginAt\n        office {\n          code\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.StaffListDocument,
    "query Me {\n  me {\n    id\n    username\n    name\n    employeeId\n    roles\n    status\n    mustChangePassword\n    office {\n      code\n      name\n      type\n    }\n    grants {\n      permission\n      scope\n    }\n  }\n}": typeof types.MeDocument,
};
const documents: Documents = {
    "query StaffList($filter: StaffFilter, $first: Int, $after: String) {\n  staffMembers(filter: $filter, first: $first, after: $after) {\n    edges {\n      node {\n        id\n        employeeId\n        username\n        name\n        status\n        roles\n        lastLoginAt\n        office {\n          code\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.StaffListDocument,
    "query Me {\n  me {\n    id\n    username\n    name\n    employeeId\n    roles\n    status\n    mustChangePassword\n    office {\n      code\n      name\n      type\n    }\n    grants {\n      permission\n      scope\n    }\n  }\n}": types.MeDocument,
};

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
