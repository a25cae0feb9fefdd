/**
 * Money-order tariffs: versioned data (per product, by effective date) and the pure functions that pick a version
 * and quote the commission. No I/O and no GraphQL here; the resolver and the seed migration build on this.
 */
import { Decimal, MoneyError, currencyOf, formatAmount, money, percentOf, roundToMinor, type Currency } from '@postal/money';
import { isCalendarDate } from '@postal/calendar';
import { TariffError } from './errors.js';

export { INDIA_TARIFFS } from './india-tariffs.js';
export { PAKISTAN_TARIFFS } from './pakistan-tariffs.js';

export type MoneyOrderProduct = 'ORDINARY' | 'ELECTRONIC' | 'INSTANT' | 'SERVICE';

export const MONEY_ORDER_PRODUCTS: readonly MoneyOrderProduct[] = Object.freeze([
  'ORDINARY',
  'ELECTRONIC',
  'INSTANT',
  'SERVICE',
]);

export interface TariffSlab {
  /** Inclusive upper bound of the slab, in major units ("10000" = Rs 10,000). */
  readonly upTo: string;
  /** Commission for any amount in the slab. */
  readonly charge: string;
}

/** How the commission is computed. Amounts are decimal strings in the version's currency, never floats. */
export type TariffRule =
  /** `chargePerUnit` for every `unit` of the amount or part of one: India, Re 1 for every Rs 20 or part. */
  | { readonly kind: 'PER_UNIT_OR_PART'; readonly unit: string; readonly chargePerUnit: string }
  /** The charge of the first slab (in ascending order) whose `upTo` is at least the amount: Pakistan style. */
  | { readonly kind: 'SLABS'; readonly slabs: readonly TariffSlab[] }
  /** No commission: service money orders. */
  | { readonly kind: 'FREE' };

export interface TariffVersion {
  /** Stable id, shown on every quote and booking so a charge can be traced to the tariff that produced it. */
  readonly id: string;
  readonly product: MoneyOrderProduct;
  /** ISO 4217 code of the amounts, limits and charges. */
  readonly currency: string;
  /** First day in force, 'YYYY-MM-DD', inclusive. */
  readonly effectiveFrom: string;
  /** First day no longer in force, 'YYYY-MM-DD', exclusive; null while current. */
  readonly effectiveTo: string | null;
  /** Smallest amount that may be booked, inclusive. */
  readonly minAmount: string;
  /** Largest amount that may be booked, inclusive. */
  readonly maxAmount: string;
  /** Amounts must be whole currency units (India: whole rupees, no paise). */
  readonly wholeUnitsOnly: boolean;
  readonly rule: TariffRule;
  /**
   * Tax on the commission, in percent ("18" = 18%), a decimal string from 0 to 100 with at most 4 decimals. The tax
   * is commission * rate / 100, rounded HALF_UP to the currency's minor units (TAX_ROUNDING).
   */
  readonly taxRatePercent: string;
}

/**
 * How tax on a commission is rounded to the currency's minor units: half up, the usual rule for Indian fees and GST
 * (and the one cod-settlement's fees use), so a tax of Rs 0.585 is Rs 0.59.
 */
export const TAX_ROUNDING = 'HALF_UP' as const;

/** A tax rate is a percent with at most this many decimals ("12.3456"). */
const TAX_RATE = /^(?:0|[1-9]\d{0,2})(?:\.\d{1,4})?$/;

export interface MoneyOrderQuote {
  /** The amount to be paid out to the payee. */
  readonly amount: Decimal;
  readonly commission: Decimal;
  /** Tax on the commission at the tariff's rate, rounded per TAX_ROUNDING. */
  readonly tax: Decimal;
  /** amount + commission + tax: what the sender pays at the counter. */
  readonly total: Decimal;
  readonly currency: string;
  readonly tariffVersionId: string;
}

function isInForce(version: TariffVersion, onDate: string): boolean {
  return version.effectiveFrom <= onDate && (version.effectiveTo === null || onDate < version.effectiveTo);
}

/** The version of `product` whose [effectiveFrom, effectiveTo) contains `onDate` ('YYYY-MM-DD'). */
export function selectTariff(
  versions: readonly TariffVersion[],
  product: MoneyOrderProduct,
  onDate: string,
): TariffVersion {
  if (!isCalendarDate(onDate)) {
    throw new TariffError('INVALID_DATE', `tariff date must be a calendar date 'YYYY-MM-DD'; got ${String(onDate)}`, {
      field: 'onDate',
    });
  }
  const inForce = versions.filter((version) => version.product === product && isInForce(version, onDate));
  const [selected, ...others] = inForce;
  if (!selected) {
    throw new TariffError('TARIFF_NOT_FOUND', `no ${product} money-order tariff is in force on ${onDate}`, {
      details: { product, onDate },
    });
  }
  if (others.length > 0) {
    const ids = inForce.map((version) => version.id).join(', ');
    throw new TariffError('OVERLAPPING_TARIFFS', `${product} tariffs ${ids} are all in force on ${onDate}`, {
      details: { product, onDate, tariffVersionIds: inForce.map((version) => version.id) },
    });
  }
  return selected;
}

function invalidTariff(version: TariffVersion, problem: string): TariffError {
  return new TariffError('INVALID_TARIFF', `tariff ${String(version.id)}: ${problem}`, {
    details: { tariffVersionId: version.id },
  });
}

/** Reads an amount from tariff data, which must itself obey the currency's minor units. */
function tariffAmount(version: TariffVersion, currency: Currency, field: string, text: string): Decimal {
  try {
    return money(text, currency.code).amount;
  } catch (error) {
    if (error instanceof MoneyError) throw invalidTariff(version, `${field}: ${error.message}`);
    throw error;
  }
}

function tariffCurrency(version: TariffVersion): Currency {
  try {
    return currencyOf(version.currency);
  } catch (error) {
    if (error instanceof MoneyError) throw invalidTariff(version, error.message);
    throw error;
  }
}

/** How a clerk names whole units and their fractions; only for error messages. */
const UNIT_NAMES: Readonly<Record<string, { whole: string; fraction: string }>> = {
  INR: { whole: 'rupees', fraction: 'paise' },
  PKR: { whole: 'rupees', fraction: 'paisa' },
};

function display(currency: Currency, amount: Decimal): string {
  return `${currency.code} ${formatAmount(money(amount, currency.code))}`;
}

/**
 * Checks a version's data is consistent, throwing INVALID_TARIFF otherwise. The seed migration and every quote run
 * it: a commission computed from inconsistent data is worse than no quote.
 */
export function validateTariffVersion(version: TariffVersion): void {
  if (typeof version.id !== 'string' || version.id.trim() === '') throw invalidTariff(version, 'id is empty');
  if (!MONEY_ORDER_PRODUCTS.includes(version.product)) {
    throw invalidTariff(version, `unknown product ${String(version.product)}`);
  }
  const currency = tariffCurrency(version);
  if (!isCalendarDate(version.effectiveFrom)) {
    throw invalidTariff(version, `effectiveFrom ${String(version.effectiveFrom)} is not a 'YYYY-MM-DD' date`);
  }
  if (version.effectiveTo !== null) {
    if (!isCalendarDate(version.effectiveTo)) {
      throw invalidTariff(version, `effectiveTo ${String(version.effectiveTo)} is not a 'YYYY-MM-DD' date`);
    }
    if (version.effectiveTo <= version.effectiveFrom) {
      throw invalidTariff(version, 'effectiveTo must be after effectiveFrom (it is exclusive)');
    }
  }
  const min = tariffAmount(version, currency, 'minAmount', version.minAmount);
  const max = tariffAmount(version, currency, 'maxAmount', version.maxAmount);
  if (!min.gt(0)) throw invalidTariff(version, 'minAmount must be greater than zero');
  if (min.gt(max)) throw invalidTariff(version, 'minAmount is above maxAmount');
  if (version.wholeUnitsOnly && !(min.isInteger() && max.isInteger())) {
    throw invalidTariff(version, 'minAmount and maxAmount must be whole units when wholeUnitsOnly');
  }
  validateTaxRate(version);
  const rule = version.rule;
  switch (rule.kind) {
    case 'PER_UNIT_OR_PART': {
      if (!tariffAmount(version, currency, 'unit', rule.unit).gt(0)) {
        throw invalidTariff(version, 'unit must be greater than zero');
      }
      if (tariffAmount(version, currency, 'chargePerUnit', rule.chargePerUnit).isNegative()) {
        throw invalidTariff(version, 'chargePerUnit must not be negative');
      }
      return;
    }
    case 'SLABS': {
      let previousUpTo = new Decimal(0);
      rule.slabs.forEach((slab, index) => {
        const upTo = tariffAmount(version, currency, `slabs[${index}].upTo`, slab.upTo);
        if (!upTo.gt(previousUpTo)) throw invalidTariff(version, 'slab upTo values must be positive and ascending');
        if (tariffAmount(version, currency, `slabs[${index}].charge`, slab.charge).isNegative()) {
          throw invalidTariff(version, `slabs[${index}].charge must not be negative`);
        }
        previousUpTo = upTo;
      });
      if (previousUpTo.lt(max)) throw invalidTariff(version, 'the slabs stop below maxAmount');
      return;
    }
    case 'FREE':
      return;
    default: {
      const unknown: never = rule;
      throw invalidTariff(version, `unknown rule kind ${String((unknown as { kind?: unknown }).kind)}`);
    }
  }
}

function validateTaxRate(version: TariffVersion): void {
  const rate = version.taxRatePercent;
  if (typeof rate !== 'string' || !TAX_RATE.test(rate) || new Decimal(rate).gt(100)) {
    throw invalidTariff(version, `taxRatePercent must be a percent from 0 to 100 with at most 4 decimals; got ${String(rate)}`);
  }
}

/** Tax on a commission: commission * rate / 100, rounded HALF_UP to the currency's minor units. */
export function taxOn(commission: Decimal, taxRatePercent: string, currency: string): Decimal {
  return roundToMinor(percentOf(commission, taxRatePercent), currency, TAX_ROUNDING);
}

/**
 * Validates a whole set of versions, as the seed migration inserts it: each version consistent, ids unique, and no
 * two versions of one product in one currency in force on the same day (each operator's tariffs are its own).
 */
export function validateTariffVersions(versions: readonly TariffVersion[]): void {
  const ids = new Set<string>();
  versions.forEach((version, index) => {
    validateTariffVersion(version);
    if (ids.has(version.id)) throw invalidTariff(version, 'id is used by more than one version');
    ids.add(version.id);
    for (const other of versions.slice(index + 1)) {
      const overlaps =
        other.product === version.product &&
        other.currency === version.currency &&
        (version.effectiveTo === null || other.effectiveFrom < version.effectiveTo) &&
        (other.effectiveTo === null || version.effectiveFrom < other.effectiveTo);
      if (overlaps) {
        throw new TariffError('OVERLAPPING_TARIFFS', `${version.product} tariffs ${version.id} and ${other.id} overlap`, {
          details: { product: version.product, tariffVersionIds: [version.id, other.id] },
        });
      }
    }
  });
}

/** The amount as booked: a positive Decimal within the currency's minor units, whole if required, within limits. */
function bookableAmount(version: TariffVersion, currency: Currency, amount: Decimal): Decimal {
  if (!Decimal.isDecimal(amount) || !amount.isFinite()) {
    throw new TariffError('INVALID_AMOUNT', 'amount must be a finite decimal number', { field: 'amount' });
  }
  if (!amount.gt(0)) {
    throw new TariffError('INVALID_AMOUNT', `amount must be greater than zero; got ${amount.toFixed()}`, {
      field: 'amount',
    });
  }
  const max = tariffAmount(version, currency, 'maxAmount', version.maxAmount);
  const aboveMaximum = () =>
    new TariffError(
      'AMOUNT_OUT_OF_RANGE',
      `amount ${amount.toFixed()} is above the maximum of ${display(currency, max)} per ${version.product} money order`,
      { field: 'amount', details: { maxAmount: formatAmount(money(max, currency.code)), currency: currency.code } },
    );
  let value: Decimal;
  try {
    value = money(amount, currency.code).amount;
  } catch (error) {
    if (error instanceof MoneyError && error.code === 'AMOUNT_TOO_LARGE') throw aboveMaximum();
    if (error instanceof MoneyError) throw new TariffError('INVALID_AMOUNT', error.message, { field: 'amount' });
    throw error;
  }
  if (version.wholeUnitsOnly && !value.isInteger()) {
    const names = UNIT_NAMES[currency.code] ?? { whole: `${currency.code} units`, fraction: 'fractions' };
    throw new TariffError(
      'INVALID_AMOUNT',
      `money orders are booked in whole ${names.whole} (no ${names.fraction}); got ${value.toFixed()}`,
      { field: 'amount', details: { currency: currency.code } },
    );
  }
  const min = tariffAmount(version, currency, 'minAmount', version.minAmount);
  if (value.lt(min)) {
    throw new TariffError(
      'AMOUNT_OUT_OF_RANGE',
      `amount ${value.toFixed()} is below the minimum of ${display(currency, min)} per ${version.product} money order`,
      { field: 'amount', details: { minAmount: formatAmount(money(min, currency.code)), currency: currency.code } },
    );
  }
  if (value.gt(max)) throw aboveMaximum();
  return value;
}

function commissionFor(version: TariffVersion, currency: Currency, amount: Decimal): Decimal {
  const rule = version.rule;
  switch (rule.kind) {
    case 'PER_UNIT_OR_PART': {
      const unit = tariffAmount(version, currency, 'unit', rule.unit);
      const chargePerUnit = tariffAmount(version, currency, 'chargePerUnit', rule.chargePerUnit);
      // "or part": a started unit counts in full. Integer division plus remainder, not div().ceil(): a quotient
      // rounded to 40 digits could land exactly on an integer and lose the part.
      const wholeUnits = amount.dividedToIntegerBy(unit);
      const units = amount.modulo(unit).isZero() ? wholeUnits : wholeUnits.plus(1);
      return chargePerUnit.times(units);
    }
    case 'SLABS': {
      for (const [index, slab] of rule.slabs.entries()) {
        if (amount.lte(tariffAmount(version, currency, `slabs[${index}].upTo`, slab.upTo))) {
          return tariffAmount(version, currency, `slabs[${index}].charge`, slab.charge);
        }
      }
      throw invalidTariff(version, `no slab covers ${display(currency, amount)}`);
    }
    case 'FREE':
      return new Decimal(0);
  }
}

/**
 * Quotes booking a money order of `amount` under `version`. Commissions are exact (a whole number of charges or a
 * slab's charge), so only the tax on the commission is rounded (TAX_ROUNDING).
 */
export function quoteMoneyOrder(version: TariffVersion, amount: Decimal): MoneyOrderQuote {
  validateTariffVersion(version);
  const currency = tariffCurrency(version);
  const bookedAmount = bookableAmount(version, currency, amount);
  const commission = commissionFor(version, currency, bookedAmount);
  const tax = taxOn(commission, version.taxRatePercent, currency.code);
  return Object.freeze({
    amount: bookedAmount,
    commission,
    tax,
    total: bookedAmount.plus(commission).plus(tax),
    currency: currency.code,
    tariffVersionId: version.id,
  });
}
