import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isExpectedError } from '@postal/errors';
import { Decimal } from '@postal/money';
import {
  INDIA_COD_FEE_SCHEDULES,
  quoteCodFee,
  selectFeeSchedule,
  validateFeeSchedule,
  validateFeeSchedules,
  type CodFeeSchedule,
} from './domain.js';
import { CodFeeError, type CodFeeErrorCode } from './errors.js';

function codFeeError(action: () => unknown): CodFeeError {
  try {
    action();
  } catch (error) {
    if (error instanceof CodFeeError) return error;
    throw error;
  }
  throw new Error('expected a CodFeeError, nothing was thrown');
}

const INDIA = selectFeeSchedule(INDIA_COD_FEE_SCHEDULES, '2025-01-01');

function quote(codAmount: string) {
  const result = quoteCodFee(INDIA, new Decimal(codAmount));
  return {
    fee: result.fee.toFixed(2),
    tax: result.tax.toFixed(2),
    total: result.total.toFixed(2),
  };
}

/** Paise written as rupees: 432137n -> "4321.37". */
function rupees(paise: bigint): string {
  const digits = paise.toString().padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** a / b rounded half up, for non-negative integers. */
function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

/**
 * The India rule again, in integer paise with bigint: an oracle independent of decimal.js. Fee: up to Rs 5,000 the
 * higher of 2% and Rs 50; above, Rs 100 + 1% of the excess; rounded half up to paise. GST 18% of the fee, half up.
 */
function oracle(codPaise: bigint): { fee: bigint; tax: bigint } {
  const threshold = 500_000n;
  const fee =
    codPaise <= threshold
      ? (() => {
          const twoPercent = divideHalfUp(codPaise * 2n, 100n);
          return twoPercent > 5_000n ? twoPercent : 5_000n;
        })()
      : 10_000n + divideHalfUp(codPaise - threshold, 100n);
  return { fee, tax: divideHalfUp(fee * 18n, 100n) };
}

describe('India COD fee: up to Rs 5,000 max(2%, Rs 50); above, Rs 100 + 1% of the excess; GST 18%', () => {
  it.each([
    ['1000', '50.00', '9.00', '59.00'],
    ['4000', '80.00', '14.40', '94.40'],
    ['6000', '110.00', '19.80', '129.80'],
    ['5000', '100.00', '18.00', '118.00'],
    ['50000', '550.00', '99.00', '649.00'],
    ['4321.37', '86.43', '15.56', '101.99'],
    ['0.01', '50.00', '9.00', '59.00'],
    ['2500', '50.00', '9.00', '59.00'],
    ['2500.01', '50.00', '9.00', '59.00'],
    ['2525', '50.50', '9.09', '59.59'],
    ['5000.01', '100.00', '18.00', '118.00'],
    ['5000.50', '100.01', '18.00', '118.01'],
    ['49999.99', '550.00', '99.00', '649.00'],
  ])('Rs %s -> fee %s, tax %s, total %s', (codAmount, fee, tax, total) => {
    expect(quote(codAmount)).toEqual({ fee, tax, total });
  });

  it('returns the amounts, the tax lines, the currency and the schedule', () => {
    const result = quoteCodFee(INDIA, new Decimal('6000'));
    expect(result.codAmount.toFixed()).toBe('6000');
    expect(result.currency).toBe('INR');
    expect(result.scheduleId).toBe('IN-COD-FEE-2017-07-01');
    expect(result.taxes.map((line) => ({ ...line, amount: line.amount.toFixed(2) }))).toEqual([
      { name: 'GST', percent: '18', amount: '19.80' },
    ]);
  });

  it('rounds the 2% fee half up: 4321.37 -> 86.4274 -> 86.43, ties go up', () => {
    expect(quote('4321.37').fee).toBe('86.43');
    expect(quote('4321.25').fee).toBe('86.43'); // 86.425 -> half up
    expect(quote('4320.75').fee).toBe('86.42'); // 86.415 -> half up
  });

  it.each<[string, CodFeeErrorCode, string]>([
    ['50000.01', 'AMOUNT_OUT_OF_RANGE', 'maximum of INR 50000.00 per article'],
    ['1000000', 'AMOUNT_OUT_OF_RANGE', 'maximum of INR 50000.00'],
    ['1' + '0'.repeat(40), 'AMOUNT_OUT_OF_RANGE', 'maximum of INR 50000.00'],
    ['0', 'INVALID_AMOUNT', 'greater than zero'],
    ['-100', 'INVALID_AMOUNT', 'greater than zero'],
    ['4321.125', 'INVALID_AMOUNT', 'INR allows 2'],
    ['100.001', 'INVALID_AMOUNT', 'INR allows 2'],
  ])('Rs %s -> %s', (codAmount, code, message) => {
    const error = codFeeError(() => quoteCodFee(INDIA, new Decimal(codAmount)));
    expect(error.code).toBe(code);
    expect(error.field).toBe('codAmount');
    expect(error.message).toContain(message);
  });

  it('errors are expected errors, so the API shows the caller their code', () => {
    const error = codFeeError(() => quoteCodFee(INDIA, new Decimal('0')));
    expect(isExpectedError(error)).toBe(true);
    expect(error.name).toBe('CodFeeError');
  });

  it('names the limit in the error details', () => {
    expect(codFeeError(() => quoteCodFee(INDIA, new Decimal('50000.01'))).details).toEqual({
      maxCodAmount: '50000.00',
      currency: 'INR',
    });
  });

  it.each([[new Decimal(NaN)], [new Decimal(Infinity)], [1000], ['1000']])('refuses %s as an amount', (codAmount) => {
    expect(codFeeError(() => quoteCodFee(INDIA, codAmount as unknown as Decimal)).code).toBe('INVALID_AMOUNT');
  });
});

describe('properties over every paise amount up to Rs 50,000', () => {
  const codPaise = fc.oneof(
    fc.bigInt({ min: 1n, max: 5_000_000n }),
    // Dwell on the edges: the minimum (Rs 2,500), the threshold (Rs 5,000) and the maximum.
    fc.bigInt({ min: 249_900n, max: 250_100n }),
    fc.bigInt({ min: 499_900n, max: 500_100n }),
    fc.bigInt({ min: 4_999_900n, max: 5_000_000n }),
  );

  it('fee and tax match the integer-paise oracle; total = fee + tax', () => {
    fc.assert(
      fc.property(codPaise, (paise) => {
        const result = quoteCodFee(INDIA, new Decimal(rupees(paise)));
        const expected = oracle(paise);
        expect(result.fee.toFixed(2)).toBe(rupees(expected.fee));
        expect(result.tax.toFixed(2)).toBe(rupees(expected.tax));
        expect(result.total.eq(result.fee.plus(result.tax))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('tax == round_half_up(fee * 0.18) to paise, and never has more than 2 decimals', () => {
    fc.assert(
      fc.property(codPaise, (paise) => {
        const result = quoteCodFee(INDIA, new Decimal(rupees(paise)));
        expect(result.tax.eq(result.fee.times('0.18').toDecimalPlaces(2, Decimal.ROUND_HALF_UP))).toBe(true);
        expect(result.fee.decimalPlaces()).toBeLessThanOrEqual(2);
        expect(result.tax.decimalPlaces()).toBeLessThanOrEqual(2);
      }),
    );
  });

  it('the fee never decreases as the COD amount grows', () => {
    fc.assert(
      fc.property(codPaise, codPaise, (a, b) => {
        const [smaller, larger] = a <= b ? [a, b] : [b, a];
        const feeSmaller = quoteCodFee(INDIA, new Decimal(rupees(smaller))).fee;
        const feeLarger = quoteCodFee(INDIA, new Decimal(rupees(larger))).fee;
        expect(feeSmaller.lte(feeLarger)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('selectFeeSchedule', () => {
  it.each(['2017-07-01', '2024-02-29', '2030-12-31'])('finds the India schedule on %s', (onDate) => {
    expect(selectFeeSchedule(INDIA_COD_FEE_SCHEDULES, onDate).id).toBe('IN-COD-FEE-2017-07-01');
    expect(selectFeeSchedule(INDIA_COD_FEE_SCHEDULES, onDate, 'INR').id).toBe('IN-COD-FEE-2017-07-01');
  });

  it.each<[string, string | undefined, string]>([
    ['2017-06-30', undefined, 'no COD fee schedule is in force on 2017-06-30'],
    ['2025-01-01', 'PKR', 'no COD fee schedule for PKR is in force on 2025-01-01'],
  ])('on %s (%s) -> FEE_SCHEDULE_NOT_FOUND', (onDate, currency, message) => {
    const error = codFeeError(() => selectFeeSchedule(INDIA_COD_FEE_SCHEDULES, onDate, currency));
    expect(error.code).toBe('FEE_SCHEDULE_NOT_FOUND');
    expect(error.message).toBe(message);
  });

  it('picks by period: the old schedule up to the day before, the new one from its first day', () => {
    const old: CodFeeSchedule = { ...INDIA, id: 'OLD', effectiveFrom: '2017-07-01', effectiveTo: '2026-04-01' };
    const current: CodFeeSchedule = { ...INDIA, id: 'NEW', effectiveFrom: '2026-04-01', effectiveTo: null };
    expect(selectFeeSchedule([old, current], '2026-03-31').id).toBe('OLD');
    expect(selectFeeSchedule([old, current], '2026-04-01').id).toBe('NEW');
    expect(() => validateFeeSchedules([old, current])).not.toThrow();
  });

  it('refuses overlapping schedules instead of picking one', () => {
    const overlapping = [...INDIA_COD_FEE_SCHEDULES, { ...INDIA, id: 'DUPLICATE', effectiveFrom: '2020-01-01' }];
    const error = codFeeError(() => selectFeeSchedule(overlapping, '2021-01-01'));
    expect(error.code).toBe('OVERLAPPING_FEE_SCHEDULES');
    expect(codFeeError(() => validateFeeSchedules(overlapping)).code).toBe('OVERLAPPING_FEE_SCHEDULES');
  });

  it('schedules in two currencies are told apart by the currency argument', () => {
    const pkr: CodFeeSchedule = { ...INDIA, id: 'PK-TEST', currency: 'PKR' };
    const both = [...INDIA_COD_FEE_SCHEDULES, pkr];
    expect(selectFeeSchedule(both, '2025-01-01', 'PKR').id).toBe('PK-TEST');
    expect(codFeeError(() => selectFeeSchedule(both, '2025-01-01')).code).toBe('OVERLAPPING_FEE_SCHEDULES');
    expect(() => validateFeeSchedules(both)).not.toThrow();
  });

  it.each(['2023-02-29', '01-01-2025', ''])('refuses the date %j', (onDate) => {
    const error = codFeeError(() => selectFeeSchedule(INDIA_COD_FEE_SCHEDULES, onDate));
    expect(error.code).toBe('INVALID_DATE');
    expect(error.field).toBe('onDate');
  });
});

describe('reference data and validation', () => {
  it('the India schedules are consistent and frozen', () => {
    expect(() => validateFeeSchedules(INDIA_COD_FEE_SCHEDULES)).not.toThrow();
    expect(Object.isFrozen(INDIA_COD_FEE_SCHEDULES)).toBe(true);
    expect(Object.isFrozen(INDIA.rule) && Object.isFrozen(INDIA.taxes)).toBe(true);
  });

  const rule = INDIA.rule;
  it.each<[string, CodFeeSchedule, string]>([
    ['empty id', { ...INDIA, id: '' }, 'id is empty'],
    ['bad currency', { ...INDIA, currency: 'XYZ' }, 'ISO 4217'],
    ['bad effectiveFrom', { ...INDIA, effectiveFrom: '2017-7-1' }, 'effectiveFrom'],
    ['empty period', { ...INDIA, effectiveTo: '2017-07-01' }, 'after effectiveFrom'],
    ['zero maximum', { ...INDIA, maxCodAmount: '0' }, 'greater than zero'],
    ['maximum with paise beyond 2 places', { ...INDIA, maxCodAmount: '50000.001' }, 'INR allows 2'],
    ['zero threshold', { ...INDIA, rule: { ...rule, threshold: '0' } }, 'threshold'],
    ['negative minimum', { ...INDIA, rule: { ...rule, minimumFee: '-50' } }, 'must not be negative'],
    ['percent over 100', { ...INDIA, rule: { ...rule, percentOfExcess: '101' } }, 'from 0 to 100'],
    ['percent as a fraction', { ...INDIA, rule: { ...rule, percentUpToThreshold: '2%' } }, 'percentUpToThreshold'],
    ['tax without a name', { ...INDIA, taxes: [{ name: ' ', percent: '18' }] }, 'no name'],
    ['tax twice', { ...INDIA, taxes: [{ name: 'GST', percent: '9' }, { name: 'GST', percent: '9' }] }, 'twice'],
    ['negative tax', { ...INDIA, taxes: [{ name: 'GST', percent: '-18' }] }, 'from 0 to 100'],
    [
      'unknown rule',
      { ...INDIA, rule: { ...rule, kind: 'FLAT' } as unknown as CodFeeSchedule['rule'] },
      'unknown rule kind FLAT',
    ],
  ])('%s -> INVALID_FEE_SCHEDULE', (_label, schedule, message) => {
    const error = codFeeError(() => validateFeeSchedule(schedule));
    expect(error.code).toBe('INVALID_FEE_SCHEDULE');
    expect(error.message).toContain(message);
    // A quote never runs on such data.
    expect(codFeeError(() => quoteCodFee(schedule, new Decimal('1000'))).code).toBe('INVALID_FEE_SCHEDULE');
  });

  it('split taxes (CGST 9% + SGST 9%) are rounded line by line', () => {
    const split = { ...INDIA, taxes: [{ name: 'CGST', percent: '9' }, { name: 'SGST', percent: '9' }] };
    const result = quoteCodFee(split, new Decimal('4321.37')); // fee 86.43; 9% = 7.7787 -> 7.78 each
    expect(result.taxes.map((line) => line.amount.toFixed(2))).toEqual(['7.78', '7.78']);
    expect(result.tax.toFixed(2)).toBe('15.56');
    expect(result.total.toFixed(2)).toBe('101.99');
  });

  it('no taxes: tax 0, total = fee', () => {
    const result = quoteCodFee({ ...INDIA, taxes: [] }, new Decimal('1000'));
    expect(result.tax.toFixed(2)).toBe('0.00');
    expect(result.total.toFixed(2)).toBe('50.00');
  });

  it('a percentage too long to multiply exactly is the schedule fault, not a crash', () => {
    const schedule = { ...INDIA, rule: { ...rule, percentUpToThreshold: '1.23456789012345678901234567890123456' } };
    expect(codFeeError(() => quoteCodFee(schedule, new Decimal('4321.37'))).code).toBe('INVALID_FEE_SCHEDULE');
  });
});
