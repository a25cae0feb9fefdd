import { Decimal } from '@postal/money';

/**
 * The deposit's arithmetic at the office, on the exact decimal strings the API sends (never a JavaScript number): how
 * the counted cash compares with what the day's cash collections say is due, and whether a reason is needed. The
 * server computes the same and decides; this only lets the screen say "short by 200.00" as the amount is typed.
 */
export type DepositDifference =
  | { kind: 'EXACT' }
  | { kind: 'SHORT'; amount: string }
  | { kind: 'EXCESS'; amount: string };

export function depositDifference(expected: string, deposited: string): DepositDifference {
  const difference = new Decimal(deposited).minus(expected);
  if (difference.isZero()) return { kind: 'EXACT' };
  return difference.isNegative() ? { kind: 'SHORT', amount: difference.negated().toFixed(2) } : { kind: 'EXCESS', amount: difference.toFixed(2) };
}

/** A shortage (a staff receivable) or an excess (suspense) each needs a reason; an exact deposit needs none. */
export function depositNeedsReason(difference: DepositDifference): boolean {
  return difference.kind !== 'EXACT';
}

/** Whether what was collected differs from the article's COD amount: recorded, and raised as an exception. */
export function collectionDiffers(codAmount: string, collected: string): boolean {
  return !new Decimal(codAmount).equals(collected);
}

/** What a digital payment's reference must look like (the server's rule, articles/domain.ts); cash carries none. */
export function paymentReferenceProblem(mode: string, reference: string): string | undefined {
  const text = reference.trim();
  if (mode === 'CASH') return text === '' ? undefined : 'A cash collection carries no payment reference.';
  if (mode === 'UPI') return /^[0-9]{12}$/.test(text) ? undefined : 'A UPI payment reference is its 12-digit RRN.';
  if (mode === 'CARD') return /^[A-Z0-9]{6}$/.test(text.toUpperCase()) ? undefined : 'A card payment reference is its 6-character approval code.';
  return undefined;
}
