import { Decimal, formatIndian, money, parseAmount } from '@postal/money';

/** A money value as the API sends it: the amount is a decimal string, never a number. */
export interface MoneyValue {
  amount: string;
  currency: string;
}

/**
 * "12,34,567.00": lakh and crore grouping with the currency's minor units, built from the exact string by
 * @postal/money (the server's own rules), so no amount ever passes through a JavaScript number.
 */
export function formatMoney(value: MoneyValue): string {
  return formatIndian(money(value.amount, value.currency));
}

/** Reads what a person typed as an amount by the server's rules; the problem is the server's message if it fails. */
export function readAmount(text: string, currency = 'INR'): { ok: true; value: Decimal } | { ok: false; message: string } {
  try {
    const value = parseAmount(text.trim());
    money(value, currency);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

/** Sums decimal strings exactly (a journal's debits, a page's totals). */
export function sumAmounts(amounts: Iterable<string | Decimal>): Decimal {
  let total = new Decimal(0);
  for (const amount of amounts) total = total.plus(amount);
  return total;
}
