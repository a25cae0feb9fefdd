import { formatAmount, money } from '@postal/money';
import type { MoneyValue } from '../../format/money';
import { sumAmounts } from '../../format/money';

/** The exact sum of amounts of one currency, written as the API writes amounts (the currency's minor units). */
export function totalOf(amounts: Iterable<string>, currency: string): MoneyValue {
  return { amount: formatAmount(money(sumAmounts(amounts), currency)), currency };
}

/** Sums of many amounts, one per currency, in currency order. */
export function totalsByCurrency(values: Iterable<MoneyValue>): MoneyValue[] {
  const byCurrency = new Map<string, string[]>();
  for (const value of values) byCurrency.set(value.currency, [...(byCurrency.get(value.currency) ?? []), value.amount]);
  return [...byCurrency.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amounts]) => totalOf(amounts, currency));
}
