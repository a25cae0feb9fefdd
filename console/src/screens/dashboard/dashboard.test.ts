import { describe, expect, it } from 'vitest';
import { barFraction, cashByOffice, officeNameOf, totalCash, type CashAccount } from './cash';

const account = (code: string, name: string, amount: string, currency = 'INR'): CashAccount => ({ code, name, officeCode: code.split(':')[0]!, balance: { amount, currency } });

describe('cash by office', () => {
  it('adds each office\'s counter and postman cash exactly, largest first', () => {
    const rows = cashByOffice(
      [account('A:1100', 'Cash on hand, Office A', '0.10'), account('B:1100', 'Cash on hand, Office B', '90071992547409931.07'), account('C:1100', 'Cash on hand, Office C', '5.00')],
      [account('A:1200', 'Postman cash in hand, Office A', '0.20'), account('C:1200', 'Postman cash in hand, Office C', '5.00')],
    );
    expect(rows.map((row) => [row.officeCode, row.officeName, row.counter, row.postman, row.total])).toEqual([
      ['B', 'Office B', '90071992547409931.07', '0', '90071992547409931.07'],
      ['C', 'Office C', '5', '5', '10'],
      ['A', 'Office A', '0.1', '0.2', '0.3'],
    ]);
    expect(totalCash(rows, 'INR')).toBe('90071992547409941.37');
  });

  it('keeps currencies apart and leaves out headers and accounts without an office', () => {
    const header: CashAccount = { code: '1100', name: 'Cash on hand', officeCode: null, balance: null };
    const rows = cashByOffice([header, account('A:1100', 'Cash on hand, Office A', '1.00'), account('A:1101', 'Cash on hand, Office A', '2.00', 'PKR')], []);
    expect(rows.map((row) => [row.officeCode, row.currency, row.total])).toEqual([
      ['A', 'PKR', '2'],
      ['A', 'INR', '1'],
    ]);
  });

  it('takes the office\'s name from its account\'s, or the account\'s name as it is', () => {
    expect(officeNameOf('Cash on hand, New Delhi GPO', 'Cash on hand')).toBe('New Delhi GPO');
    expect(officeNameOf('Petty cash', 'Cash on hand')).toBe('Petty cash');
  });

  it('draws bars as fractions of the largest, never beyond the ends', () => {
    expect(barFraction('50', '200')).toBe(0.25);
    expect(barFraction('0', '0')).toBe(0);
    expect(barFraction('-5', '10')).toBe(0);
    expect(barFraction('90071992547409931.07', '90071992547409931.07')).toBe(1);
  });
});
