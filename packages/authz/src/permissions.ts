/**
 * Every permission the system knows. Which role holds which, and at what scope, is data (the administration
 * subgraph's role_permissions table, seeded by migration); this list is the vocabulary that data may use, so a typo
 * in either place fails a test instead of silently granting nothing.
 */
export const PERMISSIONS = [
  // Offices and people
  'office.read',
  'office.manage',
  'staff.read',
  'staff.manage',
  'role.grant',
  'role.approve',
  'approval.read',
  // Audit
  'audit.read',
  'audit.verify',
  // Ledger
  'ledger.read',
  'ledger.account.manage',
  'journal.manual.submit',
  'journal.manual.approve',
  'ledger.day.close',
  // Money orders
  'mo.quote',
  'mo.book',
  'mo.pay',
  'mo.refund.approve',
  /** See orders, their timeline and ledger movements, the office's daily MO account and the reconciliation. */
  'mo.read',
  /** See senders' and payees' phone numbers and ID documents in full (others see them masked). */
  'mo.parties.read',
  /** Lock an order for a check and release it. */
  'mo.manage',
  /** Book many orders from a CSV upload (a department paying many payees). */
  'mo.bulk.book',
  /** Propose a new tariff version (executed once a checker approves it). */
  'mo.tariff.manage',
  'mo.tariff.approve',
  // Cash on delivery
  'cod.quote',
  /** Record out-for-delivery, delivery with its collection, failed delivery, RTO, lost/damaged (postmen, clerks). */
  'cod.collect',
  /** Take a postman's deposit at the end of the beat, with its shortage or excess. */
  'cod.deposit',
  /** Submit a settlement batch for release (the maker). */
  'cod.settlement.release',
  /** Approve a settlement batch's release in the inbox (the checker). */
  'cod.settlement.approve',
  /** See billers, contracts, articles, collections, deposits, batches, disputes, aging and the reconciliation. */
  'cod.read',
  /** See billers' bank account numbers in full (others see them masked). */
  'cod.bank.read',
  /** Register and change billers and contracts; propose bank-detail changes. */
  'cod.biller.manage',
  /** Approve a biller's bank-detail change in the inbox (the checker). */
  'cod.biller.bank.approve',
  /** Register articles, one by one or from a manifest. */
  'cod.article.register',
  /** Build settlement batches, mark payout lines paid or failed, download payout files. */
  'cod.settlement.manage',
  /** Resolve disputes (uphold or reject), clear digital collections, resolve exceptions. */
  'cod.dispute.manage',
  /**
   * A biller's own people (the BILLER role): read their own biller's articles, settlements, remittances and disputes,
   * and raise disputes. Scoped by the biller bound to the person, never by office.
   */
  'cod.biller.self',
  // Reconciliation (issue 13)
  /** See the operator's bank accounts, their statements, matches, exceptions and the three-way reconciliation. */
  'recon.read',
  /** Register the operator's bank accounts (each mapped to its ledger account) and their CSV layouts. */
  'recon.bank.manage',
  /** Import bank statement files into a bank account. */
  'recon.import',
  /** Run matching on a bank account's statements; confirm, reject and undo its matches. */
  'recon.match',
  /** Propose a new matching rule set (executed once a checker approves it in the inbox). */
  'recon.rules.manage',
  /** Approve a proposed matching rule set in the inbox (the checker). */
  'recon.rules.approve',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/**
 * Permissions whose reach is a biller, never an office: the identity's billerCode is their scope (see biller.ts).
 * However role_permissions scopes them, they reach no office: can/assertCan/scopeCondition never answer yes for one.
 */
export const BILLER_PERMISSIONS = ['cod.biller.self'] as const satisfies readonly Permission[];

export function isBillerPermission(permission: string): boolean {
  return (BILLER_PERMISSIONS as readonly string[]).includes(permission);
}

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

/**
 * How far a grant reaches from the holder's office: the office and everything under it, or the office alone (counter
 * clerks and postmen act only where they work).
 */
export const GRANT_SCOPES = ['SUBTREE', 'OWN_OFFICE'] as const;
export type GrantScope = (typeof GRANT_SCOPES)[number];

export interface Grant {
  permission: Permission;
  scope: GrantScope;
}
