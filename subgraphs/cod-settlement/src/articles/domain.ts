/**
 * The COD article's life, pure (DOMAIN.md, Cash on delivery): which event may follow which status, and the checks on
 * what a clerk or a postman types. No I/O, no database, no GraphQL.
 */
import { BadUserInputError } from '@postal/errors';
import { currencyOf, Decimal, MoneyError, parseAmount } from '@postal/money';
import { ArticleError } from './errors.js';

export const ARTICLE_STATUSES = ['REGISTERED', 'OUT_FOR_DELIVERY', 'DELIVERED', 'DELIVERY_FAILED', 'RTO', 'LOST', 'DAMAGED'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const ARTICLE_EVENTS = ['OUT_FOR_DELIVERY', 'DELIVERED', 'DELIVERY_FAILED', 'RTO', 'LOST', 'DAMAGED'] as const;
export type ArticleEvent = (typeof ARTICLE_EVENTS)[number];

/**
 * From which statuses each event may happen, and where it leads. DELIVERED, RTO, LOST and DAMAGED are final: an
 * article delivered and paid for is never out for delivery again; a claim is a claim. A failed delivery may be tried
 * again or returned; lost or damaged may be declared at any point before it is final.
 */
export const TRANSITIONS: Readonly<Record<ArticleEvent, { from: readonly ArticleStatus[]; to: ArticleStatus }>> = {
  OUT_FOR_DELIVERY: { from: ['REGISTERED', 'DELIVERY_FAILED'], to: 'OUT_FOR_DELIVERY' },
  DELIVERED: { from: ['OUT_FOR_DELIVERY'], to: 'DELIVERED' },
  DELIVERY_FAILED: { from: ['OUT_FOR_DELIVERY'], to: 'DELIVERY_FAILED' },
  RTO: { from: ['REGISTERED', 'DELIVERY_FAILED'], to: 'RTO' },
  LOST: { from: ['REGISTERED', 'OUT_FOR_DELIVERY', 'DELIVERY_FAILED'], to: 'LOST' },
  DAMAGED: { from: ['REGISTERED', 'OUT_FOR_DELIVERY', 'DELIVERY_FAILED'], to: 'DAMAGED' },
};

/** The status after `event`, or undefined when the event may not happen from `from`. */
export function nextStatus(from: ArticleStatus, event: ArticleEvent): ArticleStatus | undefined {
  const rule = TRANSITIONS[event];
  return rule.from.includes(from) ? rule.to : undefined;
}

export const COLLECTION_MODES = ['CASH', 'UPI', 'CARD'] as const;
export type CollectionMode = (typeof COLLECTION_MODES)[number];

/** A COD amount or a collected amount: a plain decimal, with at most the currency's decimals. */
export function checkAmount(value: unknown, currency: string, field: string, options: { allowZero: boolean }): Decimal {
  let amount: Decimal;
  try {
    amount = typeof value === 'string' ? parseAmount(value, field) : Decimal.isDecimal(value) ? new Decimal(value) : parseAmount(value as string, field);
  } catch (error) {
    if (error instanceof MoneyError) throw new ArticleError('INVALID_AMOUNT', error.message, { field });
    throw error;
  }
  const minorUnits = currencyOf(currency).minorUnits;
  if (!amount.isFinite() || amount.decimalPlaces() > minorUnits) {
    throw new ArticleError('INVALID_AMOUNT', `${field} has at most ${minorUnits} decimals`, { field, details: { minorUnits } });
  }
  if (amount.isNegative() || (!options.allowZero && amount.isZero()) || amount.gte('1e15')) {
    throw new ArticleError('INVALID_AMOUNT', `${field} must be ${options.allowZero ? 'zero or more' : 'more than zero'} (and below 10^15)`, { field });
  }
  return amount;
}

/**
 * The payment reference of a digital collection: a UPI RRN is 12 digits (DOMAIN.md, Reconciliation); a card approval
 * code is what the terminal prints, 6 letters or digits (ISO 8583 field 38). Cash carries none.
 */
export function checkPaymentReference(mode: CollectionMode, value: unknown): string | null {
  const text = typeof value === 'string' ? value.trim() : value == null ? '' : null;
  if (text === null) throw new ArticleError('INVALID_PAYMENT_REFERENCE', 'paymentReference is text', { field: 'paymentReference' });
  if (mode === 'CASH') {
    if (text !== '') throw new ArticleError('INVALID_PAYMENT_REFERENCE', 'a cash collection carries no payment reference', { field: 'paymentReference' });
    return null;
  }
  if (mode === 'UPI' && !/^[0-9]{12}$/.test(text)) {
    throw new ArticleError('INVALID_PAYMENT_REFERENCE', 'a UPI payment reference is its 12-digit RRN', { field: 'paymentReference' });
  }
  if (mode === 'CARD' && !/^[A-Z0-9]{6}$/.test(text)) {
    throw new ArticleError('INVALID_PAYMENT_REFERENCE', 'a card payment reference is its 6-character approval code (capital letters and digits)', { field: 'paymentReference' });
  }
  return text;
}

/** Names, beats, references and reasons we store and show: printable, trimmed, bounded. */
export function checkText(value: unknown, field: string, maxLength: number, options: { pattern?: RegExp; hint?: string } = {}): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length === 0 || text.length > maxLength || /[\u0000-\u001f\u007f]/.test(text) || (options.pattern && !options.pattern.test(text))) {
    throw new BadUserInputError(field, `${field} is 1 to ${maxLength} printable characters${options.hint ? ` (${options.hint})` : ''}`);
  }
  return text;
}

/** A postman's staff identifier: letters, digits, '-', '_' and '.', as administration issues them. */
export const POSTMAN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** What a collection that differs from the COD amount raises: short or excess, with the difference. */
export function collectionDifference(codAmount: Decimal, collected: Decimal): { type: 'SHORT_COLLECTION' | 'EXCESS_COLLECTION'; amount: Decimal } | undefined {
  if (collected.eq(codAmount)) return undefined;
  return collected.lt(codAmount) ? { type: 'SHORT_COLLECTION', amount: codAmount.minus(collected) } : { type: 'EXCESS_COLLECTION', amount: collected.minus(codAmount) };
}
