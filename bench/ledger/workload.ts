import type { PostEntryCommand } from '../../subgraphs/accounts/src/journal/model.js';

/**
 * What the throughput measurements post: two-posting entries (Dr one account, Cr another) chosen deterministically
 * from an entry number, so the raw baseline and the ledger path post the same pairs in the same order. Every pair is
 * one the ledger accepts whatever the balances: the debited account is never one whose debits may not exceed its
 * credits (payables), the credited one never one whose credits may not exceed its debits (cash), so no entry is
 * refused and both paths do the same work.
 */
export interface BenchEntry {
  officeCode: string;
  debitAccount: string;
  creditAccount: string;
  /** A decimal string with two places (INR). */
  amount: string;
}

/** One office's accounts that can take each side of an entry, whatever their balances. */
export interface OfficeAccounts {
  officeCode: string;
  debitable: string[];
  creditable: string[];
}

export interface Workload {
  /** Offices whose charts have an account for each side (head and sub offices: a branch office's two are cash). */
  offices: OfficeAccounts[];
  /** The hot account's office's other creditable accounts: the other side of the hot-account entries. */
  creditable: string[];
  /** The one cash account every hot-account entry debits. */
  hotAccount: { officeCode: string; code: string };
}

/** A 32-bit integer hash (Wang/Jenkins style): entry numbers in order land on offices in no order. */
export function hash32(n: number): number {
  let x = n >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

/** 1.00 to 5,000.99 in paise, from the entry number: realistic counter amounts, never zero. */
export function amountOf(n: number): string {
  const rupees = 1 + (hash32(n ^ 0x5bd1e995) % 5_000);
  return `${rupees}.${String(n % 100).padStart(2, '0')}`;
}

/** Entry n of the low-contention workload: a random office, a random valid pair within it. */
export function pairEntry(workload: Workload, n: number): BenchEntry {
  const h = hash32(n);
  const office = workload.offices[h % workload.offices.length]!;
  const debitAccount = office.debitable[(h >>> 8) % office.debitable.length]!;
  const credits = office.creditable.filter((code) => code !== debitAccount);
  const creditAccount = credits[(h >>> 16) % credits.length]!;
  return { officeCode: office.officeCode, debitAccount, creditAccount, amount: amountOf(n) };
}

/** Entry n of the hot-account workload: always Dr the hot cash account, Cr another creditable account of its office. */
export function hotEntry(workload: Workload, n: number): BenchEntry {
  const credits = workload.creditable;
  let creditAccount = credits[hash32(n) % credits.length]!;
  if (creditAccount === workload.hotAccount.code) creditAccount = credits[(hash32(n) + 1) % credits.length]!;
  return { officeCode: workload.hotAccount.officeCode, debitAccount: workload.hotAccount.code, creditAccount, amount: amountOf(n) };
}

/** The ledger command for an entry, as a money-order booking service would send it. */
export function commandOf(entry: BenchEntry, idempotencyKey: string, effectiveDate: string): PostEntryCommand {
  return {
    idempotencyKey,
    officeCode: entry.officeCode,
    effectiveDate,
    description: 'Money order booked (benchmark)',
    source: { type: 'MONEY_ORDER', reference: idempotencyKey },
    postings: [
      { accountCode: entry.debitAccount, side: 'DEBIT', amount: entry.amount },
      { accountCode: entry.creditAccount, side: 'CREDIT', amount: entry.amount },
    ],
  };
}
