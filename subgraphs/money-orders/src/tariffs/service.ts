import type { Identity } from '@postal/auth';
import type { Database } from '@postal/db';
import { assertHolds } from '@postal/authz';
import type { Decimal } from '@postal/money';
import { businessDate } from '@postal/calendar';
import { quoteMoneyOrder, selectTariff, type MoneyOrderProduct } from './domain.js';
import { tariffsInForce } from './repository.js';

export interface TariffServiceOptions {
  database: Database;
  clock: () => Date;
  timeZone: string;
  /** The operator's currency: only its tariffs apply. */
  currency: string;
}

export function createTariffService(options: TariffServiceOptions) {
  return {
    /** What a money order of `amount` costs today at the counter, under the tariff in force today. */
    async quote(identity: Identity, amount: Decimal, product: MoneyOrderProduct) {
      assertHolds(identity, 'mo.quote');
      const today = businessDate(options.clock(), options.timeZone);
      const versions = await tariffsInForce(options.database.db, product, today, options.currency);
      const tariff = selectTariff(versions, product, today);
      return { product, ...quoteMoneyOrder(tariff, amount) };
    },
  };
}

export type TariffService = ReturnType<typeof createTariffService>;
