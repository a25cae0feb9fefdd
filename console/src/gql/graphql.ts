/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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