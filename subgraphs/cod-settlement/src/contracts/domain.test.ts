import { describe, expect, it } from 'vitest';
import { INDIA_COD_FEE_SCHEDULES } from '../fees/domain.js';
import { checkEffectiveFrom, contractTerms } from './domain.js';

const schedule = INDIA_COD_FEE_SCHEDULES[0]!;
const code = (fn: () => unknown) => {
  try {
    fn();
    return 'OK';
  } catch (error) {
    return `${(error as { code?: string }).code}${(error as { field?: string }).field ? `:${(error as { field?: string }).field}` : ''}`;
  }
};

describe('contract terms', () => {
  it('default to T+8 Monday to Friday, Rs 50,000, 3 dispute days, 7 hold days, the schedule copied, no early settlement', () => {
    expect(contractTerms(null, schedule)).toEqual({
      feeRule: schedule.rule,
      taxes: [{ name: 'GST', percent: '18' }],
      feeSource: 'IN-COD-FEE-2017-07-01',
      settlementCycleDays: 8,
      payoutWeekdays: [1, 2, 3, 4, 5],
      earlySettlementEnabled: false,
      earlySettlementDays: null,
      earlySettlementFeePercent: null,
      maxArticleAmount: '50000',
      disputeWindowDays: 3,
      bankDetailsHoldDays: 7,
      holidayCalendar: 'IN',
    });
  });

  it('early settlement defaults to T+2 for 1%', () => {
    expect(contractTerms({ earlySettlement: {} }, schedule)).toMatchObject({ earlySettlementEnabled: true, earlySettlementDays: 2, earlySettlementFeePercent: '1' });
  });

  it('takes a negotiated rule the fees domain accepts, with the schedule taxes', () => {
    const terms = contractTerms({ feeRule: { threshold: '5000', percentUpToThreshold: '1.5', minimumFee: '40', baseAboveThreshold: '75', percentOfExcess: '0.75' } }, schedule);
    expect(terms).toMatchObject({ feeSource: 'NEGOTIATED', feeRule: { kind: 'PERCENT_WITH_MINIMUM_THEN_EXCESS', percentUpToThreshold: '1.5' }, taxes: [{ name: 'GST', percent: '18' }] });
  });

  it.each([
    [{ settlementCycleDays: 61 }, 'BAD_USER_INPUT:settlementCycleDays'],
    [{ settlementCycleDays: -1 }, 'BAD_USER_INPUT:settlementCycleDays'],
    [{ disputeWindowDays: 91 }, 'BAD_USER_INPUT:disputeWindowDays'],
    [{ bankDetailsHoldDays: 1.5 }, 'BAD_USER_INPUT:bankDetailsHoldDays'],
    [{ payoutWeekdays: [] }, 'BAD_USER_INPUT:payoutWeekdays'],
    [{ payoutWeekdays: [0, 1] }, 'BAD_USER_INPUT:payoutWeekdays'],
    [{ payoutWeekdays: [1, 1] }, 'BAD_USER_INPUT:payoutWeekdays'],
    [{ payoutWeekdays: [8] }, 'BAD_USER_INPUT:payoutWeekdays'],
    [{ settlementCycleDays: 2, earlySettlement: { days: 2 } }, 'BAD_USER_INPUT:earlySettlement.days'],
    [{ earlySettlement: { feePercent: '101' } }, 'BAD_USER_INPUT:earlySettlement.feePercent'],
    [{ earlySettlement: { feePercent: '-1' } }, 'BAD_USER_INPUT:earlySettlement.feePercent'],
    [{ maxArticleAmount: '50000.01' }, 'AMOUNT_OUT_OF_RANGE:maxArticleAmount'],
    [{ maxArticleAmount: '0' }, 'AMOUNT_OUT_OF_RANGE:maxArticleAmount'],
    [{ maxArticleAmount: '10.001' }, 'BAD_USER_INPUT:maxArticleAmount'],
    [{ holidayCalendar: 'in' }, 'BAD_USER_INPUT:holidayCalendar'],
    [{ feeRule: { threshold: '0', percentUpToThreshold: '2', minimumFee: '50', baseAboveThreshold: '100', percentOfExcess: '1' } }, 'INVALID_FEE_SCHEDULE'],
    [{ feeRule: { threshold: '5000', percentUpToThreshold: '200', minimumFee: '50', baseAboveThreshold: '100', percentOfExcess: '1' } }, 'INVALID_FEE_SCHEDULE'],
    [{ feeRule: { threshold: '5000', percentUpToThreshold: '2', minimumFee: '50.001', baseAboveThreshold: '100', percentOfExcess: '1' } }, 'INVALID_FEE_SCHEDULE'],
  ])('refuses %o (%s)', (input, expected) => {
    expect(code(() => contractTerms(input as never, schedule))).toBe(expected);
  });

  it('accepts the bounds', () => {
    expect(code(() => contractTerms({ settlementCycleDays: 0, disputeWindowDays: 90, bankDetailsHoldDays: 0, payoutWeekdays: [7, 1], maxArticleAmount: '50000' }, schedule))).toBe('OK');
    expect(contractTerms({ payoutWeekdays: [7, 1] }, schedule).payoutWeekdays).toEqual([1, 7]);
  });

  it('a version starts today or later', () => {
    expect(code(() => checkEffectiveFrom('2026-03-10', '2026-03-10'))).toBe('OK');
    expect(code(() => checkEffectiveFrom('2026-03-09', '2026-03-10'))).toBe('EFFECTIVE_FROM_IN_PAST:effectiveFrom');
  });
});
