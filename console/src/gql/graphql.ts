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

export type AccountType =
  | 'ASSET'
  | 'EQUITY'
  | 'EXPENSE'
  | 'INCOME'
  | 'LIABILITY';

export type CreateOfficeInput = {
  /** Sub and branch offices: a head or sub office above it; defaults to the parent when that is one. */
  accountOfficeCode?: string | number | null | undefined;
  address?: OfficeAddressInput | null | undefined;
  /** 1-32 of A-Z, 0-9 and '-'; unique and never reused. */
  code: string | number;
  /** Defaults to a morning beat on working days. */
  deliveryShifts?: DeliveryShiftsInput | null | undefined;
  email?: string | null | undefined;
  name: string;
  /** Defaults to today; not in the future. */
  openedOn?: string | null | undefined;
  /** Required except for a circle. The type must be strictly below the parent's. */
  parentCode?: string | number | null | undefined;
  phone?: string | null | undefined;
  /** Six digits, the first 1-9; required for head, sub and branch offices. */
  pin?: string | null | undefined;
  type: OfficeType;
};

export type DeliveryShiftsInput = {
  evening: boolean;
  holidays: boolean;
  morning: boolean;
  sundays: boolean;
};

/** How far a grant reaches from the holder's office. */
export type GrantScope =
  /** The holder's own office alone (counter clerks and postmen). */
  | 'OWN_OFFICE'
  /** The office and everything under it. */
  | 'SUBTREE';

export type OfficeAddressInput = {
  city: string;
  district?: string | null | undefined;
  line1: string;
  line2?: string | null | undefined;
  state: string;
};

export type OfficeFilter = {
  /**
   * A code prefix or part of the name, any case; digits alone also match a PIN prefix (so `110001` finds the offices
   * with that PIN). At most 100 characters.
   */
  search?: string | null | undefined;
  status?: OfficeStatus | null | undefined;
  type?: OfficeType | null | undefined;
  /** Only offices strictly under this one. */
  underCode?: string | number | null | undefined;
};

export type OfficeStatus =
  | 'ACTIVE'
  | 'CLOSED';

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

/** Fields left out stay as they are; null clears a field that may be empty. */
export type UpdateOfficeInput = {
  accountOfficeCode?: string | number | null | undefined;
  address?: OfficeAddressInput | null | undefined;
  deliveryShifts?: DeliveryShiftsInput | null | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  pin?: string | null | undefined;
};

export type OfficeCloseMutationVariables = Exact<{
  code: string | number;
  closedOn: string;
}>;


export type OfficeCloseMutation = { closeOffice: { code: string, status: OfficeStatus, closedOn: string | null } };

export type OfficeCreateMutationVariables = Exact<{
  input: CreateOfficeInput;
}>;


export type OfficeCreateMutation = { createOffice: { code: string, name: string, parent: { code: string } | null } };

export type OfficeDetailQueryVariables = Exact<{
  code: string | number;
  withLedger: boolean;
  withStaff: boolean;
  staffFirst?: number | null | undefined;
}>;


export type OfficeDetailQuery = { office: { code: string, name: string, type: OfficeType, status: OfficeStatus, pin: string | null, openedOn: string, closedOn: string | null, closedThrough?: string | null, address: { line1: string, line2: string | null, city: string, district: string | null, state: string } | null, contact: { phone: string | null, email: string | null }, deliveryShifts: { morning: boolean, evening: boolean, sundays: boolean, holidays: boolean }, parent: { code: string, name: string, type: OfficeType } | null, accountOffice: { code: string, name: string } | null, ancestors: Array<{ code: string, name: string }>, children: { edges: Array<{ node: { code: string } }> }, ledgerAccounts?: Array<{ code: string, name: string, type: AccountType, status: AccountStatus, currency: string | null, balance: { amount: string, currency: string } | null, available: { amount: string, currency: string } | null }> } | null, businessDayCloses?: Array<{ businessDate: string, previousDate: string | null, closedAt: string, closedBy: { kind: string, id: string, username: string | null } }>, staffMembers?: { edges: Array<{ node: { id: string, employeeId: string, username: string, name: string, roles: Array<Role>, status: StaffStatus } }>, pageInfo: { hasNextPage: boolean } } };

export type OfficeMoveMutationVariables = Exact<{
  code: string | number;
  newParentCode: string | number;
  accountOfficeCode?: string | number | null | undefined;
}>;


export type OfficeMoveMutation = { moveOffice: { code: string, parent: { code: string, name: string } | null, accountOffice: { code: string, name: string } | null } };

export type OfficeRenameMutationVariables = Exact<{
  code: string | number;
  name: string;
}>;


export type OfficeRenameMutation = { renameOffice: { code: string, name: string } };

export type OfficeUpdateMutationVariables = Exact<{
  code: string | number;
  input: UpdateOfficeInput;
}>;


export type OfficeUpdateMutation = { updateOffice: { code: string, pin: string | null, address: { line1: string, line2: string | null, city: string, district: string | null, state: string } | null, contact: { phone: string | null, email: string | null }, deliveryShifts: { morning: boolean, evening: boolean, sundays: boolean, holidays: boolean }, accountOffice: { code: string, name: string } | null } };

export type OfficesSearchQueryVariables = Exact<{
  filter?: OfficeFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OfficesSearchQuery = { offices: { edges: Array<{ node: { code: string, name: string, type: OfficeType, status: OfficeStatus, pin: string | null, openedOn: string, closedOn: string | null, address: { city: string, district: string | null, state: string } | null, parent: { code: string, name: string } | null, accountOffice: { code: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type OfficesTreeChildrenQueryVariables = Exact<{
  code: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OfficesTreeChildrenQuery = { office: { code: string, children: { edges: Array<{ node: { code: string, name: string, type: OfficeType, status: OfficeStatus, children: { edges: Array<{ node: { code: string } }> } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type OfficesTreeRootQueryVariables = Exact<{
  code: string | number;
}>;


export type OfficesTreeRootQuery = { office: { code: string, name: string, type: OfficeType, status: OfficeStatus, children: { edges: Array<{ node: { code: string } }> } } | null };

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

export const OfficeCloseDocument = new TypedDocumentString(`
    mutation OfficeClose($code: ID!, $closedOn: Date!) {
  closeOffice(code: $code, closedOn: $closedOn) {
    code
    status
    closedOn
  }
}
    `) as unknown as TypedDocumentString<OfficeCloseMutation, OfficeCloseMutationVariables>;
export const OfficeCreateDocument = new TypedDocumentString(`
    mutation OfficeCreate($input: CreateOfficeInput!) {
  createOffice(input: $input) {
    code
    name
    parent {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<OfficeCreateMutation, OfficeCreateMutationVariables>;
export const OfficeDetailDocument = new TypedDocumentString(`
    query OfficeDetail($code: ID!, $withLedger: Boolean!, $withStaff: Boolean!, $staffFirst: Int) {
  office(code: $code) {
    code
    name
    type
    status
    pin
    openedOn
    closedOn
    address {
      line1
      line2
      city
      district
      state
    }
    contact {
      phone
      email
    }
    deliveryShifts {
      morning
      evening
      sundays
      holidays
    }
    parent {
      code
      name
      type
    }
    accountOffice {
      code
      name
    }
    ancestors {
      code
      name
    }
    children(first: 1) {
      edges {
        node {
          code
        }
      }
    }
    closedThrough @include(if: $withLedger)
    ledgerAccounts @include(if: $withLedger) {
      code
      name
      type
      status
      currency
      balance {
        amount
        currency
      }
      available {
        amount
        currency
      }
    }
  }
  businessDayCloses(officeCode: $code, first: 10) @include(if: $withLedger) {
    businessDate
    previousDate
    closedAt
    closedBy {
      kind
      id
      username
    }
  }
  staffMembers(filter: {officeCode: $code}, first: $staffFirst) @include(if: $withStaff) {
    edges {
      node {
        id
        employeeId
        username
        name
        roles
        status
      }
    }
    pageInfo {
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<OfficeDetailQuery, OfficeDetailQueryVariables>;
export const OfficeMoveDocument = new TypedDocumentString(`
    mutation OfficeMove($code: ID!, $newParentCode: ID!, $accountOfficeCode: ID) {
  moveOffice(
    code: $code
    newParentCode: $newParentCode
    accountOfficeCode: $accountOfficeCode
  ) {
    code
    parent {
      code
      name
    }
    accountOffice {
      code
      name
    }
  }
}
    `) as unknown as TypedDocumentString<OfficeMoveMutation, OfficeMoveMutationVariables>;
export const OfficeRenameDocument = new TypedDocumentString(`
    mutation OfficeRename($code: ID!, $name: String!) {
  renameOffice(code: $code, name: $name) {
    code
    name
  }
}
    `) as unknown as TypedDocumentString<OfficeRenameMutation, OfficeRenameMutationVariables>;
export const OfficeUpdateDocument = new TypedDocumentString(`
    mutation OfficeUpdate($code: ID!, $input: UpdateOfficeInput!) {
  updateOffice(code: $code, input: $input) {
    code
    pin
    address {
      line1
      line2
      city
      district
      state
    }
    contact {
      phone
      email
    }
    deliveryShifts {
      morning
      evening
      sundays
      holidays
    }
    accountOffice {
      code
      name
    }
  }
}
    `) as unknown as TypedDocumentString<OfficeUpdateMutation, OfficeUpdateMutationVariables>;
export const OfficesSearchDocument = new TypedDocumentString(`
    query OfficesSearch($filter: OfficeFilter, $first: Int, $after: String) {
  offices(filter: $filter, first: $first, after: $after) {
    edges {
      node {
        code
        name
        type
        status
        pin
        openedOn
        closedOn
        address {
          city
          district
          state
        }
        parent {
          code
          name
        }
        accountOffice {
          code
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<OfficesSearchQuery, OfficesSearchQueryVariables>;
export const OfficesTreeChildrenDocument = new TypedDocumentString(`
    query OfficesTreeChildren($code: ID!, $first: Int, $after: String) {
  office(code: $code) {
    code
    children(first: $first, after: $after) {
      edges {
        node {
          code
          name
          type
          status
          children(first: 1) {
            edges {
              node {
                code
              }
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OfficesTreeChildrenQuery, OfficesTreeChildrenQueryVariables>;
export const OfficesTreeRootDocument = new TypedDocumentString(`
    query OfficesTreeRoot($code: ID!) {
  office(code: $code) {
    code
    name
    type
    status
    children(first: 1) {
      edges {
        node {
          code
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OfficesTreeRootQuery, OfficesTreeRootQueryVariables>;
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