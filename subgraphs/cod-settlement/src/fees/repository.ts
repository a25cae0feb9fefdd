import { and, asc, gt, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '@postal/db';
import type { CodFeeSchedule } from './domain.js';
import { feeSchedules } from './tables.js';

export async function feeSchedulesInForce(db: Db, onDate: string): Promise<CodFeeSchedule[]> {
  const rows = await db
    .select({
      id: feeSchedules.id,
      currency: feeSchedules.currency,
      effectiveFrom: feeSchedules.effectiveFrom,
      effectiveTo: feeSchedules.effectiveTo,
      maxCodAmount: feeSchedules.maxCodAmount,
      rule: feeSchedules.rule,
      taxes: feeSchedules.taxes,
    })
    .from(feeSchedules)
    .where(and(lte(feeSchedules.effectiveFrom, onDate), or(isNull(feeSchedules.effectiveTo), gt(feeSchedules.effectiveTo, onDate))))
    .orderBy(asc(feeSchedules.effectiveFrom));
  return rows as CodFeeSchedule[];
}
