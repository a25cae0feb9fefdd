import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, operatorToday, setOperatorTimeZone } from './dates';
import { formatMoney, readAmount, sumAmounts } from './money';

describe('money on screen', () => {
  it('groups in lakh and crore from the exact string', () => {
    expect(formatMoney({ amount: '1234567.00', currency: 'INR' })).toBe('12,34,567.00');
    expect(formatMoney({ amount: '-100000000.5', currency: 'INR' })).toBe('-10,00,00,000.50');
    // Past 2^53, where a JavaScript number would already have lost the paisa.
    expect(formatMoney({ amount: '90071992547409931.07', currency: 'INR' })).toBe('90,07,19,92,54,74,09,931.07');
  });

  it('reads typed amounts by the server rules, refusing what the server refuses', () => {
    expect(readAmount('2500.50')).toMatchObject({ ok: true });
    expect(readAmount('1e5')).toMatchObject({ ok: false });
    expect(readAmount('12,500')).toMatchObject({ ok: false });
    expect(readAmount('1.005')).toMatchObject({ ok: false });
    const refused = readAmount('1.005');
    expect(refused.ok === false && refused.message).toMatch(/decimal places/);
  });

  it('sums exactly', () => {
    expect(sumAmounts(['0.10', '0.20']).toFixed(2)).toBe('0.30');
  });
});

describe('dates in the operator time zone', () => {
  it('shows an instant in the operator zone and a calendar day as it is', () => {
    setOperatorTimeZone('Asia/Kolkata');
    expect(formatDateTime('2026-12-02T18:45:00.000Z')).toMatch(/03 Dec 2026.*00:15:00/);
    expect(formatDate('2026-12-02')).toBe('02 Dec 2026');
    expect(operatorToday(new Date('2026-12-02T19:00:00Z'))).toBe('2026-12-03');
  });
});
