import { Decimal } from '@postal/money';
import { balanceOnNormalSide, moneyOf, type MoneyOutput } from '../reports/amounts.js';
import type { AccountRecord, AccountType } from './model.js';

export type BalanceConstraint = 'NONE' | 'DEBITS_NOT_EXCEED_CREDITS' | 'CREDITS_NOT_EXCEED_DEBITS';

/** A head of the standard chart: each accounting office gets one detail account per head, under the head's header. */
export interface ChartHead {
  headCode: string;
  name: string;
  type: AccountType;
  /** The header account this head's header sits under (the type's top-level header). */
  parentCode: string;
  balanceConstraint: BalanceConstraint;
  allowManualEntries: boolean;
}

/** A header of the standard chart (global, no office, no currency): a node of the hierarchy, never posted to. */
export interface ChartHeader {
  code: string;
  name: string;
  type: AccountType;
  parentCode: string | null;
}

/** The five top-level headers, one per account type. */
export const TYPE_HEADERS = [
  { code: '1000', name: 'Assets', type: 'ASSET', parentCode: null },
  { code: '2000', name: 'Liabilities', type: 'LIABILITY', parentCode: null },
  { code: '3000', name: 'Equity', type: 'EQUITY', parentCode: null },
  { code: '4000', name: 'Income', type: 'INCOME', parentCode: null },
  { code: '5000', name: 'Expenses', type: 'EXPENSE', parentCode: null },
] as const satisfies readonly ChartHeader[];

/**
 * The standard chart per office type (DOMAIN.md, Accounting). Head and sub offices keep cash and the money-order and
 * COD liabilities; a branch office only holds cash (it is in account with its sub office); offices above head offices
 * do no counter business and get none.
 * - Cash cannot go below zero (credits may not exceed debits), and an office cannot pay out more money orders or COD
 *   than it holds payable (debits may not exceed credits): the constraints a counter needs.
 * - Every counter office (branch offices too) has an inter-office clearing account (1600) for value crossing offices.
 * - The MO (and expired MO) and COD payables are control accounts, reconciled against outstanding orders and articles: only their own
 *   subsystems post to them, so manual journals may not (a correction there is a reversal of the subsystem's entry).
 */
const HEADS = {
  cash: { headCode: '1100', name: 'Cash on hand', type: 'ASSET', parentCode: '1000', balanceConstraint: 'CREDITS_NOT_EXCEED_DEBITS', allowManualEntries: true },
  postmanCash: { headCode: '1200', name: 'Postman cash in hand', type: 'ASSET', parentCode: '1000', balanceConstraint: 'CREDITS_NOT_EXCEED_DEBITS', allowManualEntries: true },
  shortage: { headCode: '1300', name: 'Staff shortage receivable', type: 'ASSET', parentCode: '1000', balanceConstraint: 'NONE', allowManualEntries: true },
  upiClearing: { headCode: '1400', name: 'UPI clearing', type: 'ASSET', parentCode: '1000', balanceConstraint: 'NONE', allowManualEntries: true },
  bank: { headCode: '1500', name: 'Bank', type: 'ASSET', parentCode: '1000', balanceConstraint: 'NONE', allowManualEntries: true },
  // Inter-office clearing: where value crossing offices passes (an MO booked at one office and paid at another), so
  // each office's entry balances by itself; it may go either way, and the network's 1600 accounts net to zero.
  interOffice: { headCode: '1600', name: 'Inter-office clearing', type: 'ASSET', parentCode: '1000', balanceConstraint: 'NONE', allowManualEntries: true },
  moPayable: { headCode: '2100', name: 'Money orders payable', type: 'LIABILITY', parentCode: '2000', balanceConstraint: 'DEBITS_NOT_EXCEED_CREDITS', allowManualEntries: false },
  // Orders past their validity: the liability stays with the booking office until refunded or void.
  expiredMoPayable: { headCode: '2110', name: 'Expired money orders payable', type: 'LIABILITY', parentCode: '2000', balanceConstraint: 'DEBITS_NOT_EXCEED_CREDITS', allowManualEntries: false },
  codPayable: { headCode: '2200', name: 'COD payable', type: 'LIABILITY', parentCode: '2000', balanceConstraint: 'DEBITS_NOT_EXCEED_CREDITS', allowManualEntries: false },
  gstPayable: { headCode: '2300', name: 'GST payable', type: 'LIABILITY', parentCode: '2000', balanceConstraint: 'NONE', allowManualEntries: true },
  // Cash found over what was expected (a postman's excess deposit) waits here until someone explains it: it is owed to
  // whoever it turns out to belong to, so it is a liability, and clearing it is a person's manual journal.
  suspense: { headCode: '2400', name: 'Suspense', type: 'LIABILITY', parentCode: '2000', balanceConstraint: 'NONE', allowManualEntries: true },
  moCommission: { headCode: '4100', name: 'Money-order commission income', type: 'INCOME', parentCode: '4000', balanceConstraint: 'NONE', allowManualEntries: true },
  codFees: { headCode: '4200', name: 'COD fee income', type: 'INCOME', parentCode: '4000', balanceConstraint: 'NONE', allowManualEntries: true },
  unclaimedMoIncome: { headCode: '4300', name: 'Unclaimed money-order income', type: 'INCOME', parentCode: '4000', balanceConstraint: 'NONE', allowManualEntries: true },
  // What the operator bears when a biller's dispute is upheld (an article not received, a partial amount).
  codClaims: { headCode: '5100', name: 'COD claims expense', type: 'EXPENSE', parentCode: '5000', balanceConstraint: 'NONE', allowManualEntries: true },
} as const satisfies Record<string, ChartHead>;

/** Every header of the standard chart, parents first: the five type headers, then one header per head. */
export const STANDARD_HEADERS: readonly ChartHeader[] = [
  ...TYPE_HEADERS,
  ...Object.values(HEADS).map((head) => ({ code: head.headCode, name: head.name, type: head.type, parentCode: head.parentCode })),
];

const ACCOUNTING_OFFICE_HEADS: ChartHead[] = [
  HEADS.cash,
  HEADS.postmanCash,
  HEADS.shortage,
  HEADS.upiClearing,
  HEADS.interOffice,
  HEADS.moPayable,
  HEADS.expiredMoPayable,
  HEADS.codPayable,
  HEADS.gstPayable,
  HEADS.suspense,
  HEADS.moCommission,
  HEADS.codFees,
  HEADS.unclaimedMoIncome,
  HEADS.codClaims,
];

export function chartFor(officeType: string): ChartHead[] {
  switch (officeType) {
    case 'HEAD_OFFICE':
      return [...ACCOUNTING_OFFICE_HEADS, HEADS.bank].sort((a, b) => a.headCode.localeCompare(b.headCode));
    case 'SUB_OFFICE':
      return ACCOUNTING_OFFICE_HEADS;
    case 'BRANCH_OFFICE':
      return [HEADS.cash, HEADS.postmanCash, HEADS.interOffice];
    default:
      return [];
  }
}

/** An office's account for a head: `NDGPO:1100`. The colon cannot occur in an office code. */
export function accountCode(officeCode: string, headCode: string): string {
  return `${officeCode}:${headCode}`;
}

/** The head under which each biller's COD payable is kept, one account per biller (subAccountCode). */
export const COD_PAYABLE_HEAD = HEADS.codPayable;

/**
 * An office's account for one party under a head: `NDGPO:2200:BL000001`, a biller's COD payable. A third part, so the
 * office is still the code's first part and the head its second; such accounts are opened by the subsystem that posts
 * to them (cod/biller-accounts.ts), never by openAccount, whose codes have at most one colon.
 */
export function subAccountCode(officeCode: string, headCode: string, partyCode: string): string {
  return `${accountCode(officeCode, headCode)}:${partyCode}`;
}

/** The balance on the account's normal side (debit for assets and expenses, credit for the others); none for a header. */
export function balanceOf(account: Pick<AccountRecord, 'type' | 'debitTotal' | 'creditTotal' | 'currency'>): MoneyOutput | null {
  if (account.currency === null) return null;
  return moneyOf(balanceOnNormalSide(account.type, account.debitTotal, account.creditTotal), account.currency);
}

/**
 * What the balance constraint still allows: posted credits less debits less pending debits, or the reverse (the
 * rule of the posting guard, journal/domain.ts withinConstraint). None for a header or an unconstrained account.
 */
export function availableOf(
  account: Pick<AccountRecord, 'currency' | 'balanceConstraint' | 'debitTotal' | 'creditTotal' | 'pendingDebit' | 'pendingCredit'>,
): MoneyOutput | null {
  if (account.currency === null) return null;
  switch (account.balanceConstraint) {
    case 'DEBITS_NOT_EXCEED_CREDITS':
      return moneyOf(new Decimal(account.creditTotal).minus(account.debitTotal).minus(account.pendingDebit), account.currency);
    case 'CREDITS_NOT_EXCEED_DEBITS':
      return moneyOf(new Decimal(account.debitTotal).minus(account.creditTotal).minus(account.pendingCredit), account.currency);
    case 'NONE':
      return null;
  }
}
