import type { GrantScope, NotificationChannel, OfficeType, Role, StaffStatus } from '../../gql/graphql';

/** The roles in the order the README lists them: what the grant dialog offers and the filters list. */
export const ROLES: Role[] = ['ADMIN', 'FINANCE_OFFICER', 'AUDITOR', 'COUNTER_CLERK', 'POSTMAN', 'BILLER'];

/**
 * The roles someone may be granted, as the API decides (BILLER_ROLE_ONLY, BILLER_CODE_REQUIRED): one of a biller's
 * own people (bound to a biller) BILLER alone, the post office's staff every role but BILLER.
 */
export function rolesFor(person: { billerCode?: string | null }): Role[] {
  return ROLES.filter((role) => (role === 'BILLER') === Boolean(person.billerCode));
}

export const STATUSES: StaffStatus[] = ['ACTIVE', 'SUSPENDED', 'LEFT'];

const STATUS_WORDS: Record<StaffStatus, string> = { ACTIVE: 'Active', SUSPENDED: 'Suspended', LEFT: 'Left' };

export function statusWord(status: StaffStatus): string {
  return STATUS_WORDS[status] ?? status;
}

const OFFICE_TYPES: Record<OfficeType, string> = {
  CIRCLE: 'Circle',
  REGION: 'Region',
  DIVISION: 'Division',
  HEAD_OFFICE: 'Head office',
  SUB_OFFICE: 'Sub office',
  BRANCH_OFFICE: 'Branch office',
};

export function officeTypeWord(type: OfficeType): string {
  return OFFICE_TYPES[type] ?? type;
}

/**
 * The permissions in words, for people who do not read `journal.manual.approve`. The code stays next to the words:
 * it is what the README, the runbook and a FORBIDDEN message name. A permission added later shows as its code.
 */
const PERMISSION_WORDS: Record<string, string> = {
  'office.read': 'See offices',
  'office.manage': 'Create, rename, move and close offices',
  'staff.read': 'See staff',
  'staff.manage': 'Create, assign, suspend, reinstate and mark staff left; reset passwords',
  'role.grant': 'Ask for role grants; revoke roles',
  'role.approve': 'Approve role grants',
  'approval.read': 'See approval requests',
  'audit.read': 'Read the audit trail',
  'audit.verify': 'Verify the audit trail',
  'ledger.read': 'Read ledgers and statements',
  'ledger.account.manage': 'Manage ledger accounts',
  'journal.manual.submit': 'Submit manual journals',
  'journal.manual.approve': 'Approve manual journals',
  'ledger.day.close': 'Close the business day',
  'mo.quote': 'Quote money orders',
  'mo.book': 'Book money orders',
  'mo.pay': 'Pay money orders',
  'mo.refund.approve': 'Approve money order refunds',
  'mo.read': 'See money orders, the daily MO account and the reconciliation',
  'mo.parties.read': "See money-order senders' and payees' phones and ID documents in full",
  'mo.manage': 'Lock money orders for a check and release them',
  'mo.bulk.book': 'Book money orders in bulk from a CSV file',
  'mo.tariff.manage': 'Propose money-order tariff changes',
  'mo.tariff.approve': 'Approve money-order tariff changes',
  'cod.quote': 'Quote COD fees',
  'cod.collect': 'Record COD collections',
  'cod.deposit': 'Deposit COD cash',
  'cod.settlement.release': 'Release COD settlements',
  'cod.settlement.approve': 'Approve COD settlements',
  'cod.biller.self': "See their own biller's COD articles, settlements, remittances and disputes; raise disputes",
};

export function permissionWords(permission: string): string {
  return PERMISSION_WORDS[permission] ?? permission;
}

export function scopeWord(scope: GrantScope): string {
  return scope === 'SUBTREE' ? 'Their office and everything under it' : 'Their own office only';
}

/** Where a temporary password went, in words (never the password: the API does not answer it). */
export function deliveryWords(delivery: { channel: NotificationChannel; address: string }): string {
  switch (delivery.channel) {
    case 'SMS':
      return `by SMS to ${delivery.address}`;
    case 'EMAIL':
      return `by e-mail to ${delivery.address}`;
    case 'LOCAL_OUTBOX':
      return `to the local outbox for ${delivery.address} (on this demo system: npm run notifications -- ${delivery.address})`;
    case 'MEMORY':
      return `to the test notifier for ${delivery.address}`;
  }
}
