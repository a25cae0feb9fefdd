import { Decimal } from '@postal/money';

/** What the counted cash says against the collections: a shortage (staff receivable) or an excess (suspense). */
export function depositDifference(expected: Decimal, deposited: Decimal): { shortage: Decimal; excess: Decimal } {
  return {
    shortage: Decimal.max(expected.minus(deposited), 0),
    excess: Decimal.max(deposited.minus(expected), 0),
  };
}
