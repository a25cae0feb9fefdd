import { Decimal, money } from '@postal/money';
import { toMoneyOutput, type MoneyOutput } from '@postal/scalars';
import type { AccountType } from '../ledger-accounts/model.js';

export type { MoneyOutput };

/** Assets and expenses grow by debits; liabilities, equity and income by credits. */
export function isDebitNormal(type: AccountType): boolean {
  return type === 'ASSET' || type === 'EXPENSE';
}

/** An exact decimal from the database as the API's Money: fixed to the currency's minor units. */
export function moneyOf(amount: string | Decimal, currency: string): MoneyOutput {
  return toMoneyOutput(money(amount, currency));
}

/** Debits less credits, or the reverse, as the account's type reads its balance. */
export function balanceOnNormalSide(type: AccountType, debitTotal: string | Decimal, creditTotal: string | Decimal): Decimal {
  const debit = new Decimal(debitTotal);
  const credit = new Decimal(creditTotal);
  return isDebitNormal(type) ? debit.minus(credit) : credit.minus(debit);
}

/** The net of debits and credits on the side it falls: one of the two is zero (a trial balance's two columns). */
export function netBalances(debitTotal: string | Decimal, creditTotal: string | Decimal): { debitBalance: Decimal; creditBalance: Decimal } {
  const net = new Decimal(debitTotal).minus(new Decimal(creditTotal));
  return net.isNegative() ? { debitBalance: new Decimal(0), creditBalance: net.negated() } : { debitBalance: net, creditBalance: new Decimal(0) };
}
