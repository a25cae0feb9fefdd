import type { TariffVersion } from './domain.js';

/**
 * "Re 1 for every Rs 20 or part" (5%): DOMAIN.md, Money orders, India tariff.
 */
const RE_1_PER_RS_20 = Object.freeze({ kind: 'PER_UNIT_OR_PART', unit: '20', chargePerUnit: '1' } as const);

/**
 * DOMAIN.md sources no tax on money-order commission (its GST 18% is on COD fees), so none is charged: a finance
 * officer who knows the notified rate proposes a new version with it through the approvals inbox.
 */
const NO_TAX_SOURCED = '0';

/**
 * India Post money-order tariffs: the reference data the seed migration inserts.
 *
 * Sources. DOMAIN.md (Money orders) gives: commission Re 1 for every Rs 20 or part; whole rupees only; maximum
 * Rs 5,000 per eMO; "2024 regulations: Rs 10,000 per MO"; service MOs carry no commission. DOMAIN.md gives no
 * effective dates and no minimum: the dates below (2008-10-10, 2010-01-01, 2024-12-16) come from the engineering
 * brief for this module, and the minimum is Rs 1, the smallest whole-rupee amount. Check both against the gazette
 * notifications before relying on them for historical bookings.
 *
 * Deliberately absent: INSTANT (iMO). DOMAIN.md gives its limits (Rs 1,000 - 50,000) but no commission, so there is
 * no tariff and quoting one fails with TARIFF_NOT_FOUND rather than charging an invented amount.
 */
export const INDIA_TARIFFS: readonly TariffVersion[] = Object.freeze([
  Object.freeze({
    id: 'IN-MO-ORDINARY-2010-01-01',
    product: 'ORDINARY',
    currency: 'INR',
    effectiveFrom: '2010-01-01',
    effectiveTo: '2024-12-16',
    minAmount: '1',
    // DOMAIN.md: Rs 5,000 maximum before the 2024 regulations.
    maxAmount: '5000',
    wholeUnitsOnly: true,
    rule: RE_1_PER_RS_20,
    taxRatePercent: NO_TAX_SOURCED,
  }),
  Object.freeze({
    id: 'IN-MO-ORDINARY-2024-12-16',
    product: 'ORDINARY',
    currency: 'INR',
    effectiveFrom: '2024-12-16',
    effectiveTo: null,
    minAmount: '1',
    // DOMAIN.md: "2024 regulations: Rs 10,000 per MO". The Rs 25,000 per sender per month retail cap is a limit on
    // a sender's bookings over a month, checked at booking, not a per-order tariff.
    maxAmount: '10000',
    wholeUnitsOnly: true,
    rule: RE_1_PER_RS_20,
    taxRatePercent: NO_TAX_SOURCED,
  }),
  Object.freeze({
    id: 'IN-MO-ELECTRONIC-2008-10-10',
    product: 'ELECTRONIC',
    currency: 'INR',
    effectiveFrom: '2008-10-10',
    effectiveTo: null,
    minAmount: '1',
    // DOMAIN.md: "maximum Rs 5,000 per eMO".
    maxAmount: '5000',
    wholeUnitsOnly: true,
    rule: RE_1_PER_RS_20,
    taxRatePercent: NO_TAX_SOURCED,
  }),
  Object.freeze({
    id: 'IN-MO-SERVICE-2010-01-01',
    product: 'SERVICE',
    currency: 'INR',
    effectiveFrom: '2010-01-01',
    effectiveTo: null,
    minAmount: '1',
    // DOMAIN.md gives no service-MO limit; Rs 5,000 per the engineering brief.
    maxAmount: '5000',
    wholeUnitsOnly: true,
    // DOMAIN.md: service MO, "government/departmental, no commission".
    rule: Object.freeze({ kind: 'FREE' } as const),
    taxRatePercent: NO_TAX_SOURCED,
  }),
]);
