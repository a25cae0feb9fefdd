import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isExpectedError } from '@postal/errors';
import { Decimal } from '@postal/money';
import {
  INDIA_TARIFFS,
  MONEY_ORDER_PRODUCTS,
  PAKISTAN_TARIFFS,
  quoteMoneyOrder,
  selectTariff,
  validateTariffVersion,
  validateTariffVersions,
  type MoneyOrderProduct,
  type TariffVersion,
} from './domain.js';
import { TariffError, type TariffErrorCode } from './errors.js';

function tariffError(action: () => unknown): TariffError {
  try {
    action();
  } catch (error) {
    if (error instanceof TariffError) return error;
    throw error;
  }
  throw new Error('expected a TariffError, nothing was thrown');
}

const inIndiaOn = (product: MoneyOrderProduct, onDate: string) => selectTariff(INDIA_TARIFFS, product, onDate);
const ELECTRONIC = inIndiaOn('ELECTRONIC', '2025-01-01');

function quote(version: TariffVersion, amount: string) {
  const result = quoteMoneyOrder(version, new Decimal(amount));
  return {
    amount: result.amount.toFixed(2),
    commission: result.commission.toFixed(2),
    total: result.total.toFixed(2),
    currency: result.currency,
    tariffVersionId: result.tariffVersionId,
  };
}

/** The seeded Pakistan slab tariff (DOMAIN.md, 2015: Rs 75 up to Rs 10,000, Rs 100 up to Rs 20,000). */
const PAKISTAN_STYLE: TariffVersion = selectTariff(PAKISTAN_TARIFFS, 'ORDINARY', '2020-01-01');

describe('India eMO: Re 1 for every Rs 20 or part, whole rupees, Rs 5,000 maximum', () => {
  it.each([
    ['1000', '50.00', '1050.00'],
    ['1001', '51.00', '1052.00'],
    ['1', '1.00', '2.00'],
    ['19', '1.00', '20.00'],
    ['20', '1.00', '21.00'],
    ['21', '2.00', '23.00'],
    ['40', '2.00', '42.00'],
    ['41', '3.00', '44.00'],
    ['4999', '250.00', '5249.00'],
    ['5000', '250.00', '5250.00'],
    ['1000.00', '50.00', '1050.00'],
  ])('Rs %s -> commission %s, total %s', (amount, commission, total) => {
    expect(quote(ELECTRONIC, amount)).toEqual({
      amount: new Decimal(amount).toFixed(2),
      commission,
      total,
      currency: 'INR',
      tariffVersionId: 'IN-MO-ELECTRONIC-2008-10-10',
    });
  });

  it.each<[string, TariffErrorCode, string]>([
    ['5001', 'AMOUNT_OUT_OF_RANGE', 'maximum of INR 5000.00'],
    ['1000000', 'AMOUNT_OUT_OF_RANGE', 'maximum of INR 5000.00'],
    ['1' + '0'.repeat(40), 'AMOUNT_OUT_OF_RANGE', 'maximum of INR 5000.00'],
    ['0.5', 'INVALID_AMOUNT', 'whole rupees'],
    ['100.50', 'INVALID_AMOUNT', 'whole rupees (no paise)'],
    ['100.01', 'INVALID_AMOUNT', 'whole rupees'],
    ['100.001', 'INVALID_AMOUNT', 'INR allows 2'],
    ['0', 'INVALID_AMOUNT', 'greater than zero'],
    ['-20', 'INVALID_AMOUNT', 'greater than zero'],
  ])('Rs %s -> %s', (amount, code, message) => {
    const error = tariffError(() => quoteMoneyOrder(ELECTRONIC, new Decimal(amount)));
    expect(error.code).toBe(code);
    expect(error.field).toBe('amount');
    expect(error.message).toContain(message);
  });

  it('names the limit in the error details', () => {
    expect(tariffError(() => quoteMoneyOrder(ELECTRONIC, new Decimal('5001'))).details).toEqual({
      maxAmount: '5000.00',
      currency: 'INR',
    });
  });

  it.each([[new Decimal(NaN)], [new Decimal(Infinity)], [5000], ['100']])('refuses %s as an amount', (amount) => {
    expect(tariffError(() => quoteMoneyOrder(ELECTRONIC, amount as unknown as Decimal)).code).toBe('INVALID_AMOUNT');
  });

  it('commission = ceil(amount / 20) for every whole amount from Rs 1 to Rs 5,000 (exhaustive)', () => {
    for (let rupees = 1n; rupees <= 5000n; rupees += 1n) {
      const expected = (rupees + 19n) / 20n; // ceiling division on integers
      expect(quoteMoneyOrder(ELECTRONIC, new Decimal(rupees.toString())).commission.toFixed()).toBe(expected.toString());
    }
  });

  it('property: commission = ceil(amount / 20), total = amount + commission', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 5000n }), (rupees) => {
        const result = quoteMoneyOrder(ELECTRONIC, new Decimal(rupees.toString()));
        const expected = (rupees + 19n) / 20n;
        expect(result.commission.toFixed()).toBe(expected.toString());
        expect(result.total.toFixed()).toBe((rupees + expected).toString());
      }),
    );
  });
});

describe('selectTariff on the India reference data', () => {
  it.each<[MoneyOrderProduct, string, string, string]>([
    ['ORDINARY', '2010-01-01', 'IN-MO-ORDINARY-2010-01-01', '5000'],
    ['ORDINARY', '2024-12-15', 'IN-MO-ORDINARY-2010-01-01', '5000'],
    ['ORDINARY', '2024-12-16', 'IN-MO-ORDINARY-2024-12-16', '10000'],
    ['ORDINARY', '2030-06-30', 'IN-MO-ORDINARY-2024-12-16', '10000'],
    ['ELECTRONIC', '2008-10-10', 'IN-MO-ELECTRONIC-2008-10-10', '5000'],
    ['ELECTRONIC', '2025-01-01', 'IN-MO-ELECTRONIC-2008-10-10', '5000'],
    ['SERVICE', '2024-02-29', 'IN-MO-SERVICE-2010-01-01', '5000'],
  ])('%s on %s -> %s (max Rs %s)', (product, onDate, id, maxAmount) => {
    const version = inIndiaOn(product, onDate);
    expect(version.id).toBe(id);
    expect(version.maxAmount).toBe(maxAmount);
  });

  it.each<[MoneyOrderProduct, string]>([
    ['INSTANT', '2025-01-01'], // DOMAIN.md gives no iMO commission: no invented tariff
    ['ELECTRONIC', '2008-10-09'],
    ['ORDINARY', '2009-12-31'],
    ['SERVICE', '2009-12-31'],
  ])('%s on %s -> TARIFF_NOT_FOUND', (product, onDate) => {
    const error = tariffError(() => inIndiaOn(product, onDate));
    expect(error.code).toBe('TARIFF_NOT_FOUND');
    expect(error.message).toContain(`no ${product} money-order tariff is in force on ${onDate}`);
  });

  it.each(['2023-02-29', '2024-13-01', '16/12/2024', '', '2024-12-16T00:00:00Z'])('refuses the date %j', (onDate) => {
    const error = tariffError(() => inIndiaOn('ORDINARY', onDate));
    expect(error.code).toBe('INVALID_DATE');
    expect(error.field).toBe('onDate');
  });

  it('errors are expected errors, so the API shows the caller their code', () => {
    const error = tariffError(() => inIndiaOn('INSTANT', '2025-01-01'));
    expect(isExpectedError(error)).toBe(true);
    expect(error.name).toBe('TariffError');
    expect(error.details).toEqual({ product: 'INSTANT', onDate: '2025-01-01' });
  });

  it('refuses overlapping versions instead of picking one', () => {
    const overlapping = [...INDIA_TARIFFS, { ...ELECTRONIC, id: 'DUPLICATE', effectiveFrom: '2020-01-01' }];
    const error = tariffError(() => selectTariff(overlapping, 'ELECTRONIC', '2021-01-01'));
    expect(error.code).toBe('OVERLAPPING_TARIFFS');
    expect(error.message).toContain('IN-MO-ELECTRONIC-2008-10-10, DUPLICATE');
    expect(tariffError(() => validateTariffVersions(overlapping)).code).toBe('OVERLAPPING_TARIFFS');
  });
});

describe('India reference data', () => {
  it('is consistent: every version valid, ids unique, no overlaps', () => {
    expect(() => validateTariffVersions(INDIA_TARIFFS)).not.toThrow();
  });

  it('has no INSTANT tariff', () => {
    expect(INDIA_TARIFFS.some((version) => version.product === 'INSTANT')).toBe(false);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(INDIA_TARIFFS)).toBe(true);
    expect(INDIA_TARIFFS.every((version) => Object.isFrozen(version) && Object.isFrozen(version.rule))).toBe(true);
  });

  it('ordinary MO after 2024-12-16 goes to Rs 10,000 at the same rate', () => {
    const ordinary2024 = inIndiaOn('ORDINARY', '2025-01-01');
    expect(quote(ordinary2024, '10000')).toMatchObject({ commission: '500.00', total: '10500.00' });
    expect(tariffError(() => quoteMoneyOrder(ordinary2024, new Decimal('10001'))).code).toBe('AMOUNT_OUT_OF_RANGE');
    expect(tariffError(() => quoteMoneyOrder(inIndiaOn('ORDINARY', '2024-12-15'), new Decimal('5001'))).code).toBe(
      'AMOUNT_OUT_OF_RANGE',
    );
  });

  it('service MO: no commission, still whole rupees and within its limit', () => {
    const service = inIndiaOn('SERVICE', '2025-01-01');
    expect(quote(service, '4321')).toMatchObject({ commission: '0.00', total: '4321.00' });
    expect(tariffError(() => quoteMoneyOrder(service, new Decimal('10.50'))).code).toBe('INVALID_AMOUNT');
    expect(tariffError(() => quoteMoneyOrder(service, new Decimal('5001'))).code).toBe('AMOUNT_OUT_OF_RANGE');
  });

  it('every product is known', () => {
    expect(INDIA_TARIFFS.every((version) => MONEY_ORDER_PRODUCTS.includes(version.product))).toBe(true);
  });
});

describe('SLABS (Pakistan style)', () => {
  it.each([
    ['1', '75.00'],
    ['9999', '75.00'],
    ['10000', '75.00'],
    ['10001', '100.00'],
    ['20000', '100.00'],
  ])('Rs %s -> commission %s', (amount, commission) => {
    expect(quote(PAKISTAN_STYLE, amount)).toMatchObject({ commission, currency: 'PKR' });
  });

  it('Rs 20001 is above the maximum; paisa are refused', () => {
    expect(tariffError(() => quoteMoneyOrder(PAKISTAN_STYLE, new Decimal('20001'))).code).toBe('AMOUNT_OUT_OF_RANGE');
    const paisa = tariffError(() => quoteMoneyOrder(PAKISTAN_STYLE, new Decimal('10.50')));
    expect(paisa.code).toBe('INVALID_AMOUNT');
    expect(paisa.message).toContain('no paisa');
  });

  it('property: the charge is that of the first slab whose upTo is at least the amount', () => {
    // Random ascending slabs (bounds and charges in whole rupees) and an amount up to the last bound.
    const slabsArbitrary = fc
      .uniqueArray(fc.bigInt({ min: 1n, max: 1_000_000n }), { minLength: 1, maxLength: 8 })
      .chain((bounds) =>
        fc.tuple(
          fc.constant([...bounds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))),
          fc.array(fc.bigInt({ min: 0n, max: 10_000n }), { minLength: bounds.length, maxLength: bounds.length }),
        ),
      );
    fc.assert(
      fc.property(
        slabsArbitrary.chain(([bounds, charges]) =>
          fc.tuple(fc.constant(bounds), fc.constant(charges), fc.bigInt({ min: 1n, max: bounds.at(-1) ?? 1n })),
        ),
        ([bounds, charges, amount]) => {
          const version: TariffVersion = {
            ...PAKISTAN_STYLE,
            maxAmount: (bounds.at(-1) ?? 1n).toString(),
            rule: {
              kind: 'SLABS',
              slabs: bounds.map((upTo, index) => ({ upTo: upTo.toString(), charge: String(charges[index]) })),
            },
          };
          const slabIndex = bounds.findIndex((upTo) => upTo >= amount);
          const result = quoteMoneyOrder(version, new Decimal(amount.toString()));
          expect(result.commission.toFixed()).toBe(String(charges[slabIndex]));
          expect(result.total.toFixed()).toBe((amount + (charges[slabIndex] ?? 0n)).toString());
        },
      ),
    );
  });
});

describe('validateTariffVersion refuses inconsistent data (INVALID_TARIFF)', () => {
  const base = ELECTRONIC;
  it.each<[string, TariffVersion, string]>([
    ['empty id', { ...base, id: ' ' }, 'id is empty'],
    ['unknown product', { ...base, product: 'EXPRESS' as MoneyOrderProduct }, 'unknown product'],
    ['bad currency', { ...base, currency: 'inr' }, 'upper-case'],
    ['bad effectiveFrom', { ...base, effectiveFrom: '2008-02-30' }, 'effectiveFrom'],
    ['empty period', { ...base, effectiveTo: base.effectiveFrom }, 'after effectiveFrom'],
    ['zero minimum', { ...base, minAmount: '0' }, 'greater than zero'],
    ['min above max', { ...base, minAmount: '6000' }, 'above maxAmount'],
    ['fractional max with whole units', { ...base, maxAmount: '5000.50' }, 'whole units'],
    ['max with too many decimals', { ...base, maxAmount: '5000.001' }, 'INR allows 2'],
    ['zero unit', { ...base, rule: { kind: 'PER_UNIT_OR_PART', unit: '0', chargePerUnit: '1' } }, 'unit'],
    ['negative charge', { ...base, rule: { kind: 'PER_UNIT_OR_PART', unit: '20', chargePerUnit: '-1' } }, 'negative'],
    ['float-ish charge', { ...base, rule: { kind: 'PER_UNIT_OR_PART', unit: '20', chargePerUnit: '1e0' } }, 'exponent'],
    [
      'unsorted slabs',
      { ...PAKISTAN_STYLE, rule: { kind: 'SLABS', slabs: [{ upTo: '20000', charge: '100' }, { upTo: '10000', charge: '75' }] } },
      'ascending',
    ],
    ['slabs short of max', { ...PAKISTAN_STYLE, maxAmount: '25000' }, 'stop below maxAmount'],
    ['no slabs', { ...PAKISTAN_STYLE, rule: { kind: 'SLABS', slabs: [] } }, 'stop below maxAmount'],
    ['unknown rule', { ...base, rule: { kind: 'PERCENT' } as unknown as TariffVersion['rule'] }, 'unknown rule kind'],
  ])('%s', (_label, version, message) => {
    const error = tariffError(() => validateTariffVersion(version));
    expect(error.code).toBe('INVALID_TARIFF');
    expect(error.message).toContain(message);
    // A quote never runs on such data.
    expect(tariffError(() => quoteMoneyOrder(version, new Decimal('100'))).code).toBe('INVALID_TARIFF');
  });

  it('duplicate ids', () => {
    const duplicate = [base, { ...base, product: 'SERVICE' as const, rule: { kind: 'FREE' as const } }];
    expect(tariffError(() => validateTariffVersions(duplicate)).message).toContain('more than one version');
  });
});
