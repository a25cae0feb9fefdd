import { readAmount, sumAmounts } from '../../format/money';

export interface JournalLine {
  side: 'DEBIT' | 'CREDIT';
  amount: string;
  /** Null when the console cannot tell (an account it may not read, and no currency in the payload). */
  currency: string | null;
}

export interface CurrencyTotals {
  currency: string;
  debit: string;
  credit: string;
  /** Debits less credits: zero when the entry balances in this currency. */
  difference: string;
}

/**
 * A journal's debits, credits and their difference per currency, summed exactly (decimal.js, never a JS number).
 * Lines whose amount the server's rules refuse, or whose currency is unknown, are counted apart: they cannot be
 * added honestly, and the screen says so.
 */
export function journalTotals(lines: readonly JournalLine[]): { totals: CurrencyTotals[]; unsummed: number } {
  const byCurrency = new Map<string, { debit: string[]; credit: string[] }>();
  let unsummed = 0;
  for (const line of lines) {
    const read = readAmount(line.amount, line.currency ?? 'INR');
    if (!read.ok || line.currency === null) {
      unsummed += 1;
      continue;
    }
    const sides = byCurrency.get(line.currency) ?? { debit: [], credit: [] };
    (line.side === 'DEBIT' ? sides.debit : sides.credit).push(read.value.toFixed());
    byCurrency.set(line.currency, sides);
  }
  const totals = [...byCurrency.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, sides]) => {
      const debit = sumAmounts(sides.debit);
      const credit = sumAmounts(sides.credit);
      return { currency, debit: debit.toFixed(), credit: credit.toFixed(), difference: debit.minus(credit).toFixed() };
    });
  return { totals, unsummed };
}
