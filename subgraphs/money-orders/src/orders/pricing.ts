import { Decimal } from '@postal/money';
import { BadUserInputError } from '@postal/errors';
import { limitChecks } from '../limits/service.js';
import { quoteMoneyOrder, selectTariff, type MoneyOrderProduct } from '../tariffs/domain.js';
import { tariffsInForce } from '../tariffs/repository.js';
import type { Pricing } from './deps.js';

function decimalOf(text: string): Decimal {
  try {
    return new Decimal(text);
  } catch {
    throw new BadUserInputError('amount', 'amount is a decimal number');
  }
}

/** Pricing from the tariffs module: the operator's version in force on the date, quoted by its rule, tax included. */
export function tariffPricing(currency: string): Pick<Pricing, 'quote'> {
  return {
    async quote(tx, product, amountText, onDate) {
      const versions = await tariffsInForce(tx, product as MoneyOrderProduct, onDate, currency);
      const tariff = selectTariff(versions, product as MoneyOrderProduct, onDate);
      const quote = quoteMoneyOrder(tariff, decimalOf(amountText));
      return {
        amount: quote.amount.toFixed(),
        commission: quote.commission.toFixed(),
        tax: quote.tax.toFixed(),
        total: quote.total.toFixed(),
        currency: quote.currency,
        tariffVersionId: quote.tariffVersionId,
      };
    },
  };
}

/** The whole seam for the operator's currency: its tariffs and its limits (per order, per sender per month). */
export function operatorPricing(currency: string): Pricing {
  return { ...tariffPricing(currency), ...limitChecks(currency) };
}
