import { describe, expect, it } from 'vitest';
import { Decimal } from '@postal/money';
import { PAKISTAN_TARIFFS, quoteMoneyOrder, selectTariff, taxOn, validateTariffVersion, validateTariffVersions, type TariffVersion } from './domain.js';
import { INDIA_TARIFFS } from './india-tariffs.js';

const ELECTRONIC = selectTariff(INDIA_TARIFFS, 'ELECTRONIC', '2025-01-01');
const PAKISTAN_ORDINARY = selectTariff(PAKISTAN_TARIFFS, 'ORDINARY', '2025-01-01');
const at = (version: TariffVersion, taxRatePercent: string): TariffVersion => ({ ...version, taxRatePercent });

describe('tax on the commission: commission * rate / 100, HALF_UP to the minor unit', () => {
  it.each([
    // amount, rate, commission, tax, total
    ['1000', '0', '50', '0.00', '1050.00'],
    ['1000', '18', '50', '9.00', '1059.00'],
    // Rs 1 commission at 18%: 0.18
    ['1', '18', '1', '0.18', '2.18'],
    // Rs 13 at 4.5%: 0.585 -> 0.59 (half up, not half even)
    ['260', '4.5', '13', '0.59', '273.59'],
    // Rs 3 at 12.5%: 0.375 -> 0.38
    ['60', '12.5', '3', '0.38', '63.38'],
    // Rs 1 at 0.0001%: 0.000001 -> 0.00
    ['20', '0.0001', '1', '0.00', '21.00'],
    ['5000', '100', '250', '250.00', '5500.00'],
  ])('Rs %s at %s%%: commission %s, tax %s, total %s', (amount, rate, commission, tax, total) => {
    const quote = quoteMoneyOrder(at(ELECTRONIC, rate), new Decimal(amount));
    expect(quote.commission.toFixed(0)).toBe(commission);
    expect(quote.tax.toFixed(2)).toBe(tax);
    expect(quote.total.toFixed(2)).toBe(total);
    expect(quote.tax.decimalPlaces()).toBeLessThanOrEqual(2);
  });

  it('rounds ties up and everything else to the nearest paisa', () => {
    expect(taxOn(new Decimal('0.5'), '1', 'INR').toFixed(3)).toBe('0.010'); // 0.005 -> 0.01
    expect(taxOn(new Decimal('0.5'), '0.9', 'INR').toFixed(3)).toBe('0.000'); // 0.0045 -> 0.00
    expect(taxOn(new Decimal('75'), '18', 'PKR').toFixed(2)).toBe('13.50');
  });

  it('charges no tax on the seeded India and Pakistan tariffs (none is sourced)', () => {
    for (const version of [...INDIA_TARIFFS, ...PAKISTAN_TARIFFS]) expect(version.taxRatePercent).toBe('0');
    expect(quoteMoneyOrder(ELECTRONIC, new Decimal('1000')).tax.toFixed()).toBe('0');
  });

  it.each(['-1', '100.01', '101', '1000', '18.12345', 'abc', '', ' 18', '1e1', '018'])('refuses the tax rate %j', (rate) => {
    expect(() => validateTariffVersion(at(ELECTRONIC, rate))).toThrow(expect.objectContaining({ code: 'INVALID_TARIFF' }));
  });

  it.each(['0', '18', '100', '12.5', '0.0001', '99.9999'])('accepts the tax rate %j', (rate) => {
    expect(() => validateTariffVersion(at(ELECTRONIC, rate))).not.toThrow();
  });
});

describe('the seeded Pakistan slab tariff (DOMAIN.md: Rs 75 up to Rs 10,000, Rs 100 up to Rs 20,000)', () => {
  it.each([
    ['1', '75'],
    ['9999', '75'],
    ['10000', '75'],
    ['10001', '100'],
    ['15000', '100'],
    ['20000', '100'],
  ])('Rs %s -> commission Rs %s, in PKR', (amount, commission) => {
    const quote = quoteMoneyOrder(PAKISTAN_ORDINARY, new Decimal(amount));
    expect(quote.commission.toFixed()).toBe(commission);
    expect(quote.total.toFixed()).toBe(new Decimal(amount).plus(commission).toFixed());
    expect(quote.currency).toBe('PKR');
    expect(quote.tariffVersionId).toBe('PK-MO-ORDINARY-2015-01-01');
  });

  it('refuses above Rs 20,000 and paisa', () => {
    expect(() => quoteMoneyOrder(PAKISTAN_ORDINARY, new Decimal('20001'))).toThrow(expect.objectContaining({ code: 'AMOUNT_OUT_OF_RANGE' }));
    expect(() => quoteMoneyOrder(PAKISTAN_ORDINARY, new Decimal('100.50'))).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
  });

  it('is in force from 2015 and not before; service orders are free; no electronic tariff is invented', () => {
    expect(() => selectTariff(PAKISTAN_TARIFFS, 'ORDINARY', '2014-12-31')).toThrow(expect.objectContaining({ code: 'TARIFF_NOT_FOUND' }));
    expect(quoteMoneyOrder(selectTariff(PAKISTAN_TARIFFS, 'SERVICE', '2025-01-01'), new Decimal('5000')).commission.toFixed()).toBe('0');
    expect(() => selectTariff(PAKISTAN_TARIFFS, 'ELECTRONIC', '2025-01-01')).toThrow(expect.objectContaining({ code: 'TARIFF_NOT_FOUND' }));
  });

  it('lives beside the India data without overlapping it (each currency is its own set)', () => {
    expect(() => validateTariffVersions([...INDIA_TARIFFS, ...PAKISTAN_TARIFFS])).not.toThrow();
    const sameDayIndia = { ...PAKISTAN_ORDINARY, id: 'IN-COPY', currency: 'INR', effectiveFrom: '2015-01-01' };
    expect(() => validateTariffVersions([...INDIA_TARIFFS, sameDayIndia])).toThrow(expect.objectContaining({ code: 'OVERLAPPING_TARIFFS' }));
  });
});
