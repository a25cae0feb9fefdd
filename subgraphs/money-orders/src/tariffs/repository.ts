import { and, asc, desc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { Db, Tx } from '@postal/db';
import type { MoneyOrderProduct, TariffVersion } from './domain.js';
import { tariffs } from './tables.js';

const versionColumns = {
  id: tariffs.id,
  product: tariffs.product,
  currency: tariffs.currency,
  effectiveFrom: tariffs.effectiveFrom,
  effectiveTo: tariffs.effectiveTo,
  minAmount: tariffs.minAmount,
  maxAmount: tariffs.maxAmount,
  wholeUnitsOnly: tariffs.wholeUnitsOnly,
  rule: tariffs.rule,
  taxRatePercent: tariffs.taxRatePercent,
};

/**
 * The versions of a product's tariff in `currency` (the operator's) in force on a date: normally one; the domain
 * refuses an overlap. Another operator's tariffs in the same table never apply.
 */
export async function tariffsInForce(db: Db | Tx, product: MoneyOrderProduct, onDate: string, currency: string): Promise<TariffVersion[]> {
  const rows = await db
    .select(versionColumns)
    .from(tariffs)
    .where(
      and(
        eq(tariffs.currency, currency),
        eq(tariffs.product, product),
        lte(tariffs.effectiveFrom, onDate),
        or(isNull(tariffs.effectiveTo), gt(tariffs.effectiveTo, onDate)),
      ),
    )
    .orderBy(asc(tariffs.effectiveFrom));
  return rows as TariffVersion[];
}

/** Every version in `currency` (past, current and scheduled), by product then newest first. At most a few per product. */
export async function listTariffs(db: Db | Tx, currency: string, product?: MoneyOrderProduct): Promise<TariffVersion[]> {
  const rows = await db
    .select(versionColumns)
    .from(tariffs)
    .where(and(eq(tariffs.currency, currency), product ? eq(tariffs.product, product) : undefined))
    .orderBy(asc(tariffs.product), desc(tariffs.effectiveFrom));
  return rows as TariffVersion[];
}

/**
 * Locks every version of one product in one currency, newest first: the tariff change that adds a version holds
 * them while it closes the open one, so two approved changes of one product apply one after the other.
 */
export async function lockProductTariffs(tx: Tx, product: MoneyOrderProduct, currency: string): Promise<TariffVersion[]> {
  const rows = await tx
    .select(versionColumns)
    .from(tariffs)
    .where(and(eq(tariffs.currency, currency), eq(tariffs.product, product)))
    .orderBy(desc(tariffs.effectiveFrom))
    .for('update');
  return rows as TariffVersion[];
}

export async function endTariff(tx: Tx, id: string, effectiveTo: string): Promise<void> {
  await tx.update(tariffs).set({ effectiveTo }).where(eq(tariffs.id, id));
}

/** Inserts a version; false when its id or its (currency, product, effectiveFrom) or its request is taken. */
export async function insertTariff(tx: Tx, version: TariffVersion, origin: { source: string; approvalRequestId: string | null }): Promise<boolean> {
  const inserted = await tx
    .insert(tariffs)
    .values({ ...version, rule: version.rule, ...origin })
    .onConflictDoNothing()
    .returning({ id: tariffs.id });
  return inserted.length > 0;
}

export async function findTariffByRequest(db: Db | Tx, approvalRequestId: string): Promise<TariffVersion | undefined> {
  const [row] = await db.select(versionColumns).from(tariffs).where(eq(tariffs.approvalRequestId, approvalRequestId));
  return row as TariffVersion | undefined;
}
