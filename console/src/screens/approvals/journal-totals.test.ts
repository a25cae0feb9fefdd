import { describe, expect, it } from 'vitest';
import { journalTotals } from './journal-totals';

describe("a manual journal's totals", () => {
  it('sums debits and credits exactly, per currency', () => {
    const { totals, unsummed } = journalTotals([
      { side: 'DEBIT', amount: '1234567.5', currency: 'INR' },
      { side: 'DEBIT', amount: '0.1', currency: 'INR' },
      { side: 'DEBIT', amount: '0.2', currency: 'INR' },
      { side: 'CREDIT', amount: '1234567.8', currency: 'INR' },
    ]);
    expect(unsummed).toBe(0);
    expect(totals).toEqual([{ currency: 'INR', debit: '1234567.8', credit: '1234567.8', difference: '0' }]);
  });

  it('shows the difference of an entry that does not balance, beyond what a JS number holds', () => {
    const { totals } = journalTotals([
      { side: 'DEBIT', amount: '90071992547409931.07', currency: 'INR' },
      { side: 'CREDIT', amount: '90071992547409931.06', currency: 'INR' },
    ]);
    expect(totals[0]).toMatchObject({ debit: '90071992547409931.07', difference: '0.01' });
  });

  it('leaves out, and counts, amounts the server would refuse and lines of unknown currency', () => {
    const { totals, unsummed } = journalTotals([
      { side: 'DEBIT', amount: '1e5', currency: 'INR' },
      { side: 'DEBIT', amount: '10.00', currency: null },
      { side: 'CREDIT', amount: '5.00', currency: 'INR' },
    ]);
    expect(unsummed).toBe(2);
    expect(totals).toEqual([{ currency: 'INR', debit: '0', credit: '5', difference: '-5' }]);
  });
});
