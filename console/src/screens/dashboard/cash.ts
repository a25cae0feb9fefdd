import { Decimal } from '@postal/money';
import { sumAmounts } from '../../format/money';

/** A cash account as the dashboard reads it (DashboardCash). */
export interface CashAccount {
  code: string;
  name: string;
  officeCode: string | null;
  balance: { amount: string; currency: string } | null;
}

/** One office's cash in hand, in one currency: amounts are exact decimal strings. */
export interface OfficeCash {
  officeCode: string;
  officeName: string;
  currency: string;
  /** Cash at the counter (head 1100, "Cash on hand"). */
  counter: string;
  /** Cash postmen carry for the office (head 1200, "Postman cash in hand"). */
  postman: string;
  total: string;
}

/**
 * The office's name as its accounts carry it: an office's standard accounts are named "<head name>, <office name>"
 * when the ledger opens them (ledger-accounts/office-events.ts), so the part after the head's name is the office's
 * name. An account named otherwise is shown by its own name.
 */
export function officeNameOf(accountName: string, headName: string): string {
  const prefix = `${headName}, `;
  return accountName.startsWith(prefix) ? accountName.slice(prefix.length) : accountName;
}

/**
 * Each office's counter and postman cash, added exactly, largest total first (then by code). Offices and currencies
 * are kept apart: an office with cash in two currencies has a row for each.
 */
export function cashByOffice(counter: CashAccount[], postman: CashAccount[]): OfficeCash[] {
  const rows = new Map<string, { officeCode: string; officeName: string; currency: string; counter: Decimal; postman: Decimal }>();
  const add = (account: CashAccount, kind: 'counter' | 'postman', headName: string) => {
    if (!account.officeCode || !account.balance) return;
    const key = `${account.officeCode} ${account.balance.currency}`;
    let row = rows.get(key);
    if (!row) {
      row = { officeCode: account.officeCode, officeName: officeNameOf(account.name, headName), currency: account.balance.currency, counter: new Decimal(0), postman: new Decimal(0) };
      rows.set(key, row);
    }
    if (kind === 'counter') row.officeName = officeNameOf(account.name, headName);
    row[kind] = row[kind].plus(account.balance.amount);
  };
  for (const account of counter) add(account, 'counter', 'Cash on hand');
  for (const account of postman) add(account, 'postman', 'Postman cash in hand');
  return [...rows.values()]
    .map((row) => ({ ...row, total: row.counter.plus(row.postman) }))
    .sort((a, b) => b.total.comparedTo(a.total) || a.officeCode.localeCompare(b.officeCode))
    .map((row) => ({
      officeCode: row.officeCode,
      officeName: row.officeName,
      currency: row.currency,
      counter: row.counter.toFixed(),
      postman: row.postman.toFixed(),
      total: row.total.toFixed(),
    }));
}

/** The total cash of the rows in one currency. */
export function totalCash(rows: OfficeCash[], currency: string): string {
  return sumAmounts(rows.filter((row) => row.currency === currency).map((row) => row.total)).toFixed();
}

/**
 * How long a bar is, as a fraction of the longest (0 to 1): a number made for drawing only, never shown. The amounts
 * on screen are the exact strings; a ratio of two decimals loses nothing a pixel could show.
 */
export function barFraction(amount: string, largest: string): number {
  const max = new Decimal(largest);
  if (max.lte(0)) return 0;
  const fraction = Decimal.max(0, new Decimal(amount)).div(max);
  return Math.min(1, fraction.toNumber());
}
