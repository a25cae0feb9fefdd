/**
 * Cash-on-delivery fees: versioned schedules (by effective date) and the pure function that quotes the fee and its
 * taxes for an article. No I/O and no GraphQL here.
 */
import {
  Decimal,
  MoneyError,
  add,
  currencyOf,
  formatAmount,
  money,
  parseAmount,
  percentOf,
  roundToMinor,
  type Currency,
} from '@postal/money';
import { isCalendarDate } from '@postal/calendar';
import { CodFeeError } from './errors.js';

export { INDIA_COD_FEE_SCHEDULES } from './india-fee-schedules.js';

/**
 * Up to `threshold`: the higher of `percentUpToThreshold`% of the amount and `minimumFee`. Above it:
 * `baseAboveThreshold` plus `percentOfExcess`% of the part above the threshold. (India: 2% min Rs 50 up to Rs 5,000,
 * then Rs 100 + 1% of the excess.) Amounts are decimal strings in the schedule's currency; percentages are
 * plain decimal strings ("2" = 2%).
 */
export type CodFeeRule = {
  readonly kind: 'PERCENT_WITH_MINIMUM_THEN_EXCESS';
  readonly threshold: string;
  readonly percentUpToThreshold: string;
  readonly minimumFee: string;
  readonly baseAboveThreshold: string;
  readonly percentOfExcess: string;
};

/** A tax charged on the fee, e.g. GST 18%. */
export interface CodTax {
  readonly name: string;
  readonly percent: string;
}

export interface CodFeeSchedule {
  /** Stable id, shown on every quote so a fee can be traced to the schedule that produced it. */
  readonly id: string;
  readonly currency: string;
  /** First day in force, 'YYYY-MM-DD', inclusive. */
  readonly effectiveFrom: string;
  /** First day no longer in force, 'YYYY-MM-DD', exclusive; null while current. */
  readonly effectiveTo: string | null;
  /** Largest COD amount per article, inclusive. */
  readonly maxCodAmount: string;
  readonly rule: CodFeeRule;
  readonly taxes: readonly CodTax[];
}

export interface CodTaxLine {
  readonly name: string;
  readonly percent: string;
  /** percent% of the (rounded) fee, rounded HALF_UP to minor units. */
  readonly amount: Decimal;
}

export interface CodFeeQuote {
  /** The amount the postman collects for the biller. */
  readonly codAmount: Decimal;
  /** The COD fee, rounded to minor units. */
  readonly fee: Decimal;
  /** Sum of the tax lines. */
  readonly tax: Decimal;
  readonly taxes: readonly CodTaxLine[];
  /** fee + tax: what is deducted from the biller's remittance for this article (the COD amount not included). */
  readonly total: Decimal;
  readonly currency: string;
  readonly scheduleId: string;
}

function isInForce(schedule: CodFeeSchedule, onDate: string): boolean {
  return schedule.effectiveFrom <= onDate && (schedule.effectiveTo === null || onDate < schedule.effectiveTo);
}

/**
 * The schedule whose [effectiveFrom, effectiveTo) contains `onDate` ('YYYY-MM-DD'), optionally only among those in
 * `currency` (needed once schedules for several currencies are stored together).
 */
export function selectFeeSchedule(
  schedules: readonly CodFeeSchedule[],
  onDate: string,
  currency?: string,
): CodFeeSchedule {
  if (!isCalendarDate(onDate)) {
    throw new CodFeeError('INVALID_DATE', `fee date must be a calendar date 'YYYY-MM-DD'; got ${String(onDate)}`, {
      field: 'onDate',
    });
  }
  const inForce = schedules.filter(
    (schedule) => (currency === undefined || schedule.currency === currency) && isInForce(schedule, onDate),
  );
  const [selected, ...others] = inForce;
  const inCurrency = currency === undefined ? '' : ` for ${currency}`;
  if (!selected) {
    throw new CodFeeError('FEE_SCHEDULE_NOT_FOUND', `no COD fee schedule${inCurrency} is in force on ${onDate}`, {
      details: { onDate, ...(currency === undefined ? {} : { currency }) },
    });
  }
  if (others.length > 0) {
    const ids = inForce.map((schedule) => schedule.id);
    throw new CodFeeError(
      'OVERLAPPING_FEE_SCHEDULES',
      `COD fee schedules ${ids.join(', ')}${inCurrency} are all in force on ${onDate}`,
      { details: { onDate, scheduleIds: ids } },
    );
  }
  return selected;
}

function invalidSchedule(schedule: CodFeeSchedule, problem: string): CodFeeError {
  return new CodFeeError('INVALID_FEE_SCHEDULE', `COD fee schedule ${String(schedule.id)}: ${problem}`, {
    details: { scheduleId: schedule.id },
  });
}

function scheduleCurrency(schedule: CodFeeSchedule): Currency {
  try {
    return currencyOf(schedule.currency);
  } catch (error) {
    if (error instanceof MoneyError) throw invalidSchedule(schedule, error.message);
    throw error;
  }
}

/** An amount from schedule data: a non-negative amount within the currency's minor units. */
function scheduleAmount(schedule: CodFeeSchedule, currency: Currency, field: string, text: string): Decimal {
  let value: Decimal;
  try {
    value = money(text, currency.code).amount;
  } catch (error) {
    if (error instanceof MoneyError) throw invalidSchedule(schedule, `${field}: ${error.message}`);
    throw error;
  }
  if (value.isNegative()) throw invalidSchedule(schedule, `${field} must not be negative`);
  return value;
}

/** A percentage from schedule data, 0 to 100. */
function schedulePercent(schedule: CodFeeSchedule, field: string, text: string): Decimal {
  let value: Decimal;
  try {
    value = parseAmount(text, field);
  } catch (error) {
    if (error instanceof MoneyError) throw invalidSchedule(schedule, error.message);
    throw error;
  }
  if (value.isNegative() || value.gt(100)) throw invalidSchedule(schedule, `${field} must be from 0 to 100`);
  return value;
}

/** Checks a schedule's data is consistent, throwing INVALID_FEE_SCHEDULE otherwise. Every quote runs it. */
export function validateFeeSchedule(schedule: CodFeeSchedule): void {
  if (typeof schedule.id !== 'string' || schedule.id.trim() === '') throw invalidSchedule(schedule, 'id is empty');
  const currency = scheduleCurrency(schedule);
  if (!isCalendarDate(schedule.effectiveFrom)) {
    throw invalidSchedule(schedule, `effectiveFrom ${String(schedule.effectiveFrom)} is not a 'YYYY-MM-DD' date`);
  }
  if (schedule.effectiveTo !== null) {
    if (!isCalendarDate(schedule.effectiveTo)) {
      throw invalidSchedule(schedule, `effectiveTo ${String(schedule.effectiveTo)} is not a 'YYYY-MM-DD' date`);
    }
    if (schedule.effectiveTo <= schedule.effectiveFrom) {
      throw invalidSchedule(schedule, 'effectiveTo must be after effectiveFrom (it is exclusive)');
    }
  }
  if (!scheduleAmount(schedule, currency, 'maxCodAmount', schedule.maxCodAmount).gt(0)) {
    throw invalidSchedule(schedule, 'maxCodAmount must be greater than zero');
  }
  const rule = schedule.rule;
  switch (rule.kind) {
    case 'PERCENT_WITH_MINIMUM_THEN_EXCESS':
      if (!scheduleAmount(schedule, currency, 'threshold', rule.threshold).gt(0)) {
        throw invalidSchedule(schedule, 'threshold must be greater than zero');
      }
      scheduleAmount(schedule, currency, 'minimumFee', rule.minimumFee);
      scheduleAmount(schedule, currency, 'baseAboveThreshold', rule.baseAboveThreshold);
      schedulePercent(schedule, 'percentUpToThreshold', rule.percentUpToThreshold);
      schedulePercent(schedule, 'percentOfExcess', rule.percentOfExcess);
      break;
    default: {
      const unknown: never = rule.kind;
      throw invalidSchedule(schedule, `unknown rule kind ${String(unknown)}`);
    }
  }
  if (!Array.isArray(schedule.taxes)) throw invalidSchedule(schedule, 'taxes must be a list');
  const names = new Set<string>();
  for (const tax of schedule.taxes) {
    if (typeof tax.name !== 'string' || tax.name.trim() === '') throw invalidSchedule(schedule, 'a tax has no name');
    if (names.has(tax.name)) throw invalidSchedule(schedule, `tax ${tax.name} is listed twice`);
    names.add(tax.name);
    schedulePercent(schedule, `taxes.${tax.name}.percent`, tax.percent);
  }
}

/**
 * Validates a whole set of schedules, as the seed migration inserts it: each consistent, ids unique, and no two
 * schedules of one currency in force on the same day.
 */
export function validateFeeSchedules(schedules: readonly CodFeeSchedule[]): void {
  const ids = new Set<string>();
  schedules.forEach((schedule, index) => {
    validateFeeSchedule(schedule);
    if (ids.has(schedule.id)) throw invalidSchedule(schedule, 'id is used by more than one schedule');
    ids.add(schedule.id);
    for (const other of schedules.slice(index + 1)) {
      const overlaps =
        other.currency === schedule.currency &&
        (schedule.effectiveTo === null || other.effectiveFrom < schedule.effectiveTo) &&
        (other.effectiveTo === null || schedule.effectiveFrom < other.effectiveTo);
      if (overlaps) {
        throw new CodFeeError(
          'OVERLAPPING_FEE_SCHEDULES',
          `COD fee schedules ${schedule.id} and ${other.id} overlap`,
          { details: { scheduleIds: [schedule.id, other.id] } },
        );
      }
    }
  });
}

/** The COD amount as collected: a positive amount in the currency's minor units, within the per-article maximum. */
function collectableAmount(schedule: CodFeeSchedule, currency: Currency, codAmount: Decimal): Decimal {
  if (!Decimal.isDecimal(codAmount) || !codAmount.isFinite()) {
    throw new CodFeeError('INVALID_AMOUNT', 'COD amount must be a finite decimal number', { field: 'codAmount' });
  }
  if (!codAmount.gt(0)) {
    throw new CodFeeError('INVALID_AMOUNT', `COD amount must be greater than zero; got ${codAmount.toFixed()}`, {
      field: 'codAmount',
    });
  }
  const max = scheduleAmount(schedule, currency, 'maxCodAmount', schedule.maxCodAmount);
  const maxText = formatAmount(money(max, currency.code));
  const aboveMaximum = () =>
    new CodFeeError(
      'AMOUNT_OUT_OF_RANGE',
      `COD amount ${codAmount.toFixed()} is above the maximum of ${currency.code} ${maxText} per article`,
      { field: 'codAmount', details: { maxCodAmount: maxText, currency: currency.code } },
    );
  let value: Decimal;
  try {
    value = money(codAmount, currency.code).amount;
  } catch (error) {
    if (error instanceof MoneyError && error.code === 'AMOUNT_TOO_LARGE') throw aboveMaximum();
    if (error instanceof MoneyError) throw new CodFeeError('INVALID_AMOUNT', error.message, { field: 'codAmount' });
    throw error;
  }
  if (value.gt(max)) throw aboveMaximum();
  return value;
}

/** The fee before rounding, per the schedule's rule. */
function unroundedFee(schedule: CodFeeSchedule, currency: Currency, codAmount: Decimal): Decimal {
  const rule = schedule.rule;
  const threshold = scheduleAmount(schedule, currency, 'threshold', rule.threshold);
  if (codAmount.lte(threshold)) {
    const minimumFee = scheduleAmount(schedule, currency, 'minimumFee', rule.minimumFee);
    return Decimal.max(percentOf(codAmount, rule.percentUpToThreshold), minimumFee);
  }
  const base = scheduleAmount(schedule, currency, 'baseAboveThreshold', rule.baseAboveThreshold);
  return base.plus(percentOf(codAmount.minus(threshold), rule.percentOfExcess));
}

/**
 * Quotes the COD fee and its taxes for an article of `codAmount`.
 *
 * Rounding, explicitly: the fee is rounded once to minor units (paise) HALF_UP, e.g. 2% of 4321.37 = 86.4274 ->
 * 86.43; each tax is then computed on that rounded fee, as it is charged on the invoice, and rounded HALF_UP on its
 * own line (18% of 86.43 = 15.5574 -> 15.56). HALF_UP is the ordinary commercial rounding and what this project's
 * fee rules use; the tests pin it.
 */
export function quoteCodFee(schedule: CodFeeSchedule, codAmount: Decimal): CodFeeQuote {
  validateFeeSchedule(schedule);
  const currency = scheduleCurrency(schedule);
  const collected = collectableAmount(schedule, currency, codAmount);
  try {
    const fee = money(roundToMinor(unroundedFee(schedule, currency, collected), currency.code, 'HALF_UP'), currency.code);
    const taxes = schedule.taxes.map((tax) =>
      Object.freeze({
        name: tax.name,
        percent: tax.percent,
        amount: roundToMinor(percentOf(fee.amount, tax.percent), currency.code, 'HALF_UP'),
      }),
    );
    const tax = taxes.reduce((sum, line) => add(sum, money(line.amount, currency.code)), money('0', currency.code));
    return Object.freeze({
      codAmount: collected,
      fee: fee.amount,
      tax: tax.amount,
      taxes: Object.freeze(taxes),
      total: add(fee, tax).amount,
      currency: currency.code,
      scheduleId: schedule.id,
    });
  } catch (error) {
    // The amount is valid by now, so a money rule refusing the arithmetic (say a percentage with more digits than
    // can be multiplied exactly) is the schedule's fault.
    if (error instanceof MoneyError) throw invalidSchedule(schedule, error.message);
    throw error;
  }
}
