import type { CodFeeSchedule } from './domain.js';

/**
 * India Post COD fee schedules: the reference data the seed migration inserts.
 *
 * Sources. DOMAIN.md (Cash on delivery): "up to Rs 50,000 per article. COD fee: up to Rs 5,000 the higher of 2% or
 * Rs 50; above Rs 5,000, Rs 100 plus 1% of the excess; taxes (GST 18%) extra."
 *
 * DOMAIN.md gives no effective date. 2017-07-01 is a lower bound, not the notified date: the schedule charges GST,
 * which India introduced on 1 July 2017, so it cannot have applied earlier. Replace it with the date of the tariff
 * notification when finance confirms it.
 */
export const INDIA_COD_FEE_SCHEDULES: readonly CodFeeSchedule[] = Object.freeze([
  Object.freeze({
    id: 'IN-COD-FEE-2017-07-01',
    currency: 'INR',
    effectiveFrom: '2017-07-01',
    effectiveTo: null,
    maxCodAmount: '50000',
    rule: Object.freeze({
      kind: 'PERCENT_WITH_MINIMUM_THEN_EXCESS',
      threshold: '5000',
      percentUpToThreshold: '2',
      minimumFee: '50',
      baseAboveThreshold: '100',
      percentOfExcess: '1',
    } as const),
    taxes: Object.freeze([Object.freeze({ name: 'GST', percent: '18' })]),
  }),
]);
