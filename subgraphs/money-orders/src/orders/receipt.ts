import { formatAmount, money } from '@postal/money';
import type { MoneyOrderRow } from './repository.js';

const WIDTH = 40;

function line(label: string, value: string): string {
  const room = WIDTH - label.length - 1;
  return `${label} ${value.length > room ? value.slice(0, room) : value.padStart(room)}`;
}

/**
 * The counter receipt, 40 columns of plain text (a counter printer's width; the console prints it as it is). It shows
 * every figure the sender paid and no code: the payee's OTP goes to the payee, an iMO secret code only by SMS.
 */
export function receiptOf(order: MoneyOrderRow): string {
  const amount = (value: string) => `${order.currency} ${formatAmount(money(value, order.currency))}`;
  const rule = '-'.repeat(WIDTH);
  return [
    'MONEY ORDER RECEIPT'.padStart(29),
    rule,
    line('Reference', order.reference),
    line('Product', order.product),
    line('Booked at', order.bookingOfficeCode),
    line('Date', order.bookedOn),
    line('Pay at', order.product === 'INSTANT' ? 'any iMO office' : order.payingOfficeCode),
    line('Payee', order.payeeName),
    rule,
    line('Amount', amount(order.amount)),
    line('Commission', amount(order.commission)),
    line('Tax', amount(order.tax)),
    line('Total paid', amount(order.total)),
    line('Paid by', order.paymentMode),
    rule,
    line('Valid until', order.expiresOn),
    'Keep this receipt to track or stop the'.slice(0, WIDTH),
    'order, or to claim a refund.',
  ].join('\n');
}
