import { describe, expect, it } from 'vitest';
import { newIdempotencyKey } from './idempotency';
import { checkLine, postingsOf, totalsOf, type DraftLine } from './lines';
import { placeProblems, postingPlace, type JournalProblem } from './problems';

const line = (accountCode: string, debit: string, credit: string, key = accountCode || Math.random().toString(36)): DraftLine => ({ key, accountCode, debit, credit });
const problem = (fields: Partial<JournalProblem>): JournalProblem => ({ message: 'm', code: undefined, field: undefined, requestId: undefined, accountCode: undefined, ...fields });

describe('a manual journal as it is typed', () => {
  it('totals debits and credits exactly, past what a JavaScript number holds', () => {
    const totals = totalsOf([line('A:1100', '0.10', ''), line('A:1100', '0.20', ''), line('A:1500', '', '0.30')]);
    expect(totals.debits.toFixed()).toBe('0.3');
    expect(totals.difference.isZero()).toBe(true);
    expect(totals.balanced).toBe(true);
    const large = totalsOf([line('A:1100', '90071992547409931.07', ''), line('A:1500', '', '90071992547409931.06')]);
    expect(large.difference.toFixed()).toBe('0.01');
    expect(large.balanced).toBe(false);
  });

  it('checks each amount by the server\'s rules, counting only those that read', () => {
    expect(checkLine(line('A', '1.005', '')).amountError).toMatch(/decimal places/);
    expect(checkLine(line('A', '1e5', '')).amountError).toBeDefined();
    expect(checkLine(line('A', '0', '')).amountError).toMatch(/greater than zero/);
    expect(checkLine(line('A', '-5', '')).amountError).toMatch(/greater than zero/);
    expect(checkLine(line('A', '5', '5')).amountError).toMatch(/not both/);
    expect(checkLine(line('A', ' 1,000 ', '')).amountError).toBeDefined();
    expect(checkLine(line('A', '', '12.5'))).toMatchObject({ side: 'CREDIT', amountError: undefined });
    const totals = totalsOf([line('A', '10', ''), line('B', '1.005', ''), line('C', '', '10')]);
    expect(totals.debits.toFixed()).toBe('10');
    expect(totals.balanced).toBe(true);
  });

  it('sends the lines that are not blank, and says what stops it being sent', () => {
    const ready = postingsOf([line('a:1100', '100', ''), line('', '', ''), line('A:1500', '', '100.00')]);
    expect(ready.postings).toEqual([
      { lineKey: 'a:1100', accountCode: 'A:1100', side: 'DEBIT', amount: '100' },
      { lineKey: 'A:1500', accountCode: 'A:1500', side: 'CREDIT', amount: '100' },
    ]);
    expect(ready.journalError).toBeUndefined();
    expect(postingsOf([line('A', '100', '')]).journalError).toMatch(/two lines/);
    expect(postingsOf([line('A', '100', ''), line('B', '', '99.99')]).journalError).toMatch(/differ by 0.01 INR/);
    const missing = postingsOf([line('', '100', '', 'k1'), line('B', '', '', 'k2')]);
    expect(missing.lineErrors.get('k1')).toEqual({ account: 'Enter the account code.' });
    expect(missing.lineErrors.get('k2')).toEqual({ amount: 'Enter a debit or a credit amount.' });
  });
});

describe('the API\'s refusals on the form', () => {
  it('reads both shapes of a posting field', () => {
    expect(postingPlace('postings[1].amount')).toEqual({ index: 1, part: 'amount' });
    expect(postingPlace('input.postings.0.accountCode')).toEqual({ index: 0, part: 'accountCode' });
    expect(postingPlace('postings')).toBeUndefined();
  });

  it('puts each problem next to the field or line it names', () => {
    const placed = placeProblems(
      [
        problem({ code: 'INVALID_AMOUNT', field: 'postings[1].amount' }),
        problem({ code: 'ACCOUNT_NOT_FOUND', accountCode: 'B:9999' }),
        problem({ code: 'DAY_CLOSED', field: 'effectiveDate' }),
        problem({ code: 'UNBALANCED_ENTRY', field: 'postings' }),
        problem({ code: 'BAD_USER_INPUT', field: 'description' }),
        problem({ code: 'FORBIDDEN' }),
      ],
      ['A:1100', 'A:1500', 'B:9999'],
    );
    expect(placed.lines.get(1)?.amount.map((p) => p.code)).toEqual(['INVALID_AMOUNT']);
    expect(placed.lines.get(2)?.account.map((p) => p.code)).toEqual(['ACCOUNT_NOT_FOUND']);
    expect(placed.fields.get('effectiveDate')?.map((p) => p.code)).toEqual(['DAY_CLOSED']);
    expect(placed.fields.get('description')?.map((p) => p.code)).toEqual(['BAD_USER_INPUT']);
    expect(placed.postings.map((p) => p.code)).toEqual(['UNBALANCED_ENTRY']);
    expect(placed.form.map((p) => p.code)).toEqual(['FORBIDDEN']);
  });
});

describe('idempotency keys', () => {
  it('are new each time and fit the API (1 to 200 characters)', () => {
    const a = newIdempotencyKey('journal');
    expect(a).toMatch(/^console-journal-[0-9a-f]{32}$/);
    expect(newIdempotencyKey('journal')).not.toBe(a);
  });
});

describe('business days', () => {
  it('finds the next day across month and year ends', async () => {
    const { nextDay } = await import('./days');
    expect(nextDay('2026-12-01')).toBe('2026-12-02');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
  });
});
