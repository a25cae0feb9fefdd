import { Decimal } from '@postal/money';
import { BadUserInputError } from '@postal/errors';
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

/** Pricing from the tariffs module: the version in force on the date, quoted by its rule. */
export function tariffPricing(): Pick<Pricing, 'quote'> {
  return {
    async quote(tx, product, amountText, onDate) {
      const versions = await tariffsInForce(tx as never, product as MoneyOrderProduct, onDate);
      const tariff = selectTariff(versions, product as MoneyOrderProduct, onDate);
      const quote = quoteMoneyOrder(tariff, decimalOf(amountText));
      const tax = (quote as { tax?: Decimal }).tax ?? new Decimal(0);
      return {
        amount: quote.amount.toFixed(),
        commission: quote.commission.toFixed(),
        tax: tax.toFixed(),
        total: quote.amount.plus(quote.commission).plus(tax).toFixed(),
        currency: quote.currency,
        tariffVersionId: quote.tariffVersionId,
      };
    },
  };
}
