/**
 * A contract version's terms, pure: the defaults a finance officer need not type, the ranges each term may take (the
 * database checks the same ones), and the fee rule, copied from the operator's schedule in force or negotiated and
 * then checked with the fees domain. No I/O here; contracts/service.ts reads the schedule and writes the version.
 */
import { BadUserInputError } from '@postal/errors';
import { Decimal, MoneyError, money } from '@postal/money';
import { validateFeeSchedule, type CodFeeRule, type CodFeeSchedule, type CodTax } from '../fees/domain.js';
import { ContractError } from './errors.js';

export const CONTRACT_DEFAULTS = {
  settlementCycleDays: 8,
  payoutWeekdays: [1, 2, 3, 4, 5],
  earlySettlementDays: 2,
  earlySettlementFeePercent: '1',
  maxArticleAmount: '50000',
  disputeWindowDays: 3,
  bankDetailsHoldDays: 7,
  holidayCalendar: 'IN',
} as const;

/** The ranges of the database's CHECKs (contracts/tables.ts), said again here so a caller hears which field. */
const RANGES = { settlementCycleDays: [0, 60], disputeWindowDays: [0, 90], bankDetailsHoldDays: [0, 90] } as const;

/** The rule's amounts and percentages as the API takes them; its kind is the one the fees domain knows. */
export interface NegotiatedFeeRuleInput {
  threshold: Decimal | string;
  percentUpToThreshold: Decimal | string;
  minimumFee: Decimal | string;
  baseAboveThreshold: Decimal | string;
  percentOfExcess: Decimal | string;
}

export interface ContractTermsInput {
  settlementCycleDays?: number | null;
  payoutWeekdays?: readonly number[] | null;
  earlySettlement?: { days?: number | null; feePercent?: Decimal | string | null } | null;
  maxArticleAmount?: Decimal | string | null;
  disputeWindowDays?: number | null;
  bankDetailsHoldDays?: number | null;
  feeRule?: NegotiatedFeeRuleInput | null;
  holidayCalendar?: string | null;
}

/** The terms as stored (contracts table), without the ids, version and who/when. */
export interface ContractTerms {
  feeRule: CodFeeRule;
  taxes: CodTax[];
  feeSource: string;
  settlementCycleDays: number;
  payoutWeekdays: number[];
  earlySettlementEnabled: boolean;
  earlySettlementDays: number | null;
  earlySettlementFeePercent: string | null;
  maxArticleAmount: string;
  disputeWindowDays: number;
  bankDetailsHoldDays: number;
  holidayCalendar: string;
}

function days(value: number | null | undefined, fallback: number, field: keyof typeof RANGES): number {
  const result = value ?? fallback;
  const [min, max] = RANGES[field];
  if (!Number.isInteger(result) || result < min || result > max) throw new BadUserInputError(field, `${field} is a whole number of days from ${min} to ${max}`);
  return result;
}

function weekdays(value: readonly number[] | null | undefined): number[] {
  const list = value ?? CONTRACT_DEFAULTS.payoutWeekdays;
  const unique = [...new Set(list)].sort((a, b) => a - b);
  if (unique.length === 0 || unique.length !== list.length || !unique.every((day) => Number.isInteger(day) && day >= 1 && day <= 7)) {
    throw new BadUserInputError('payoutWeekdays', 'payoutWeekdays lists distinct ISO weekdays, 1 (Monday) to 7 (Sunday), at least one');
  }
  return unique;
}

function decimalOf(value: Decimal | string, field: string): Decimal {
  try {
    const decimal = new Decimal(value);
    if (decimal.isFinite()) return decimal;
  } catch {
    // Falls through to the error below.
  }
  throw new BadUserInputError(field, `${field} is a decimal number`);
}

function percent(value: Decimal | string, field: string): string {
  const decimal = decimalOf(value, field);
  if (decimal.isNegative() || decimal.gt(100) || decimal.decimalPlaces() > 4) throw new BadUserInputError(field, `${field} is a percentage from 0 to 100, at most 4 decimals`);
  return decimal.toFixed();
}

function maxArticleAmount(value: Decimal | string | null | undefined, schedule: CodFeeSchedule): string {
  let amount: Decimal;
  try {
    amount = money(decimalOf(value ?? CONTRACT_DEFAULTS.maxArticleAmount, 'maxArticleAmount').toFixed(), schedule.currency).amount;
  } catch (error) {
    if (error instanceof MoneyError) throw new BadUserInputError('maxArticleAmount', `maxArticleAmount: ${error.message}`);
    throw error;
  }
  if (!amount.gt(0) || amount.gt(schedule.maxCodAmount)) {
    throw new ContractError('AMOUNT_OUT_OF_RANGE', `maxArticleAmount is above 0 and at most the fee schedule's ${schedule.maxCodAmount}`, {
      field: 'maxArticleAmount',
      details: { max: schedule.maxCodAmount, feeSchedule: schedule.id },
    });
  }
  return amount.toFixed();
}

function earlySettlement(input: ContractTermsInput['earlySettlement'], cycleDays: number) {
  if (input == null) return { earlySettlementEnabled: false, earlySettlementDays: null, earlySettlementFeePercent: null };
  const earlyDays = input.days ?? CONTRACT_DEFAULTS.earlySettlementDays;
  if (!Number.isInteger(earlyDays) || earlyDays < 0 || earlyDays >= cycleDays) {
    throw new BadUserInputError('earlySettlement.days', `earlySettlement.days is a whole number from 0 to below the cycle's ${cycleDays}`);
  }
  const fee = percent(input.feePercent ?? CONTRACT_DEFAULTS.earlySettlementFeePercent, 'earlySettlement.feePercent');
  return { earlySettlementEnabled: true, earlySettlementDays: earlyDays, earlySettlementFeePercent: fee };
}

/** The schedule's rule and taxes, or a negotiated rule (with the schedule's taxes) that the fees domain accepts. */
function feeTerms(input: NegotiatedFeeRuleInput | null | undefined, schedule: CodFeeSchedule): Pick<ContractTerms, 'feeRule' | 'taxes' | 'feeSource'> {
  const taxes = schedule.taxes.map((tax) => ({ name: tax.name, percent: tax.percent }));
  if (input == null) return { feeRule: { ...schedule.rule }, taxes, feeSource: schedule.id };
  const text = (value: Decimal | string, field: string) => decimalOf(value, `feeRule.${field}`).toFixed();
  const feeRule: CodFeeRule = {
    kind: 'PERCENT_WITH_MINIMUM_THEN_EXCESS',
    threshold: text(input.threshold, 'threshold'),
    percentUpToThreshold: text(input.percentUpToThreshold, 'percentUpToThreshold'),
    minimumFee: text(input.minimumFee, 'minimumFee'),
    baseAboveThreshold: text(input.baseAboveThreshold, 'baseAboveThreshold'),
    percentOfExcess: text(input.percentOfExcess, 'percentOfExcess'),
  };
  // The fees domain's own checks (amounts in the currency's minor units, percentages 0-100): INVALID_FEE_SCHEDULE.
  validateFeeSchedule({ ...schedule, id: 'NEGOTIATED', rule: feeRule });
  return { feeRule, taxes, feeSource: 'NEGOTIATED' };
}

/** The terms of a version from what the caller gave and the fee schedule in force on its first day. */
export function contractTerms(input: ContractTermsInput | null | undefined, schedule: CodFeeSchedule): ContractTerms {
  const terms = input ?? {};
  const settlementCycleDays = days(terms.settlementCycleDays, CONTRACT_DEFAULTS.settlementCycleDays, 'settlementCycleDays');
  const calendar = terms.holidayCalendar ?? CONTRACT_DEFAULTS.holidayCalendar;
  if (!/^[A-Z]{2,10}$/.test(calendar)) throw new BadUserInputError('holidayCalendar', 'holidayCalendar is a calendar name such as IN');
  return {
    ...feeTerms(terms.feeRule, schedule),
    settlementCycleDays,
    payoutWeekdays: weekdays(terms.payoutWeekdays),
    ...earlySettlement(terms.earlySettlement, settlementCycleDays),
    maxArticleAmount: maxArticleAmount(terms.maxArticleAmount, schedule),
    disputeWindowDays: days(terms.disputeWindowDays, CONTRACT_DEFAULTS.disputeWindowDays, 'disputeWindowDays'),
    bankDetailsHoldDays: days(terms.bankDetailsHoldDays, CONTRACT_DEFAULTS.bankDetailsHoldDays, 'bankDetailsHoldDays'),
    holidayCalendar: calendar,
  };
}

/** A version starts today or later (today allowed: a contract signed this morning applies to today's articles). */
export function checkEffectiveFrom(effectiveFrom: string, today: string): void {
  if (effectiveFrom < today) {
    throw new ContractError('EFFECTIVE_FROM_IN_PAST', `a contract version starts today (${today}) or later, not ${effectiveFrom}`, {
      field: 'effectiveFrom',
      details: { today },
    });
  }
}
