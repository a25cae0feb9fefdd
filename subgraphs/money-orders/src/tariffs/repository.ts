import { and, asc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '@postal/db';
import type { MoneyOrderProduct, TariffVersion } from './domain.js';
import { tariffs } from './tables.js';

/** The versions of a product's tariff in force on a date (normally one; the domain refuses an overlap). */
export async function tariffsInForce(db: Db, product: MoneyOrderProduct, onDate: string): Promise<TariffVersion[]> {
  const rows = await db
    .select({
      id: tariffs.id,
      product: tariffs.product,
      currency: tariffs.currency,
      effectiveFrom: tariffs.effectiveFrom,
      effectiveTo: tariffs.effectiveTo,
      minAmount: tariffs.minAmount,
      maxAmount: tariffs.maxAmount,
      wholeUnitsOnly: tariffs.wholeUnitsOnly,
      rule: tariffs.rule,
    })
    .from(tariffs)
    .where(
      and(
        eq(tariffs.product, product),
        lte(tariffs.effectiveFrom, onDate),
        or(isNull(tariffs.effectiveTo), gt(tariffs.effectiveTo, onDate)),
      ),
    )
    .orderBy(asc(tariffs.effectiveFrom));
  return rows as TariffVersion[];
}
