import type { TariffVersion } from './domain.js';

/**
 * Pakistan Post money-order tariffs: the reference data a PKR operator uses (MoneyOrdersOptions.currency = 'PKR').
 *
 * Sources. DOMAIN.md (Money orders): "Pakistan used slabs (2015: Rs 75 up to Rs 10,000, Rs 100 up to Rs 20,000)" and
 * service MOs (government/departmental) carry no commission. DOMAIN.md gives no day in 2015, no minimum and no tax:
 * the version starts on 2015-01-01, the minimum is Rs 1, amounts are whole rupees (paisa coins are out of use), the
 * maximum is the top of the last slab (Rs 20,000), and no tax is charged. Check them against Pakistan Post's
 * notification before relying on them for historical bookings.
 *
 * Deliberately absent: ELECTRONIC and INSTANT. DOMAIN.md gives no Pakistani tariff for them, so quoting one fails
 * with TARIFF_NOT_FOUND rather than charging an invented amount.
 */
export const PAKISTAN_TARIFFS: readonly TariffVersion[] = Object.freeze([
  Object.freeze({
    id: 'PK-MO-ORDINARY-2015-01-01',
    product: 'ORDINARY',
    currency: 'PKR',
    effectiveFrom: '2015-01-01',
    effectiveTo: null,
    minAmount: '1',
    maxAmount: '20000',
    wholeUnitsOnly: true,
    rule: Object.freeze({
      kind: 'SLABS',
      slabs: Object.freeze([Object.freeze({ upTo: '10000', charge: '75' }), Object.freeze({ upTo: '20000', charge: '100' })]),
    } as const),
    taxRatePercent: '0',
  }),
  Object.freeze({
    id: 'PK-MO-SERVICE-2015-01-01',
    product: 'SERVICE',
    currency: 'PKR',
    effectiveFrom: '2015-01-01',
    effectiveTo: null,
    minAmount: '1',
    maxAmount: '20000',
    wholeUnitsOnly: true,
    rule: Object.freeze({ kind: 'FREE' } as const),
    taxRatePercent: '0',
  }),
]);
