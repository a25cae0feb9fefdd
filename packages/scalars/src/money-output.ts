import { formatAmount, type Money } from '@postal/money';

/** The GraphQL `Money` type's shape. */
export interface MoneyOutput {
  /** Fixed to the currency's minor units: "50.00" INR, "1500" JPY. */
  amount: string;
  currency: string;
}

/**
 * Money as the API shows it. The amount is fixed to the currency's minor units here, because a Decimal has already
 * forgotten trailing zeros (50.00 is stored as 50) and the Decimal scalar sends strings as they are.
 */
export function toMoneyOutput(value: Money): MoneyOutput {
  return { amount: formatAmount(value), currency: value.currency };
}
