import { Decimal } from '@postal/money';
import { describe, expect, it } from 'vitest';
import { checkEntry, deltasOf, requestHashOf, reversalPostings, withinConstraint, type EntryCheckOptions, type PostableAccount } from './domain.js';
import type { PostEntryCommand } from './model.js';

const TODAY = '2026-11-20';

function account(code: string, overrides: Partial<PostableAccount> = {}): PostableAccount {
  return {
    code,
    kind: 'DETAIL',
    status: 'OPEN',
    currency: 'INR',
    officeCode: code.split(':')[0] ?? null,
    balanceConstraint: 'NONE',
    allowManualEntries: true,
    closedThrough: null,
    debitTotal: '0',
    creditTotal: '0',
    pendingDebit: '0',
    pendingCredit: '0',
    ...overrides,
  };
}

const ACCOUNTS = new Map<string, PostableAccount>(
  [
    account('A:1100', { balanceConstraint: 'CREDITS_NOT_EXCEED_DEBITS', debitTotal: '100.00' }),
    account('A:2100', { balanceConstraint: 'DEBITS_NOT_EXCEED_CREDITS', creditTotal: '50.00', allowManualEntries: false }),
    account('A:4100'),
    account('A:USD', { currency: 'USD' }),
    account('A:USD2', { currency: 'USD' }),
    account('A:JPY', { currency: 'JPY' }),
    account('A:FROZEN', { status: 'FROZEN' }),
    account('A:CLOSED', { status: 'CLOSED' }),
    account('1000', { kind: 'HEADER', currency: null, officeCode: null }),
    account('B:1100', { officeCode: 'B', closedThrough: '2026-11-19' }),
    account('A:1600'),
    account('B:1600', { officeCode: 'B', closedThrough: '2026-11-19' }),
    account('GLOBAL', { officeCode: null }),
  ].map((a) => [a.code, a]),
);

function command(postings: PostEntryCommand['postings'], overrides: Partial<PostEntryCommand> = {}): PostEntryCommand {
  return { idempotencyKey: 'k1', officeCode: 'A', effectiveDate: TODAY, description: 'entry', source: { type: 'TEST' }, postings, ...overrides };
}

const pair = (debit: string, credit: string, amount: string) => [
  { accountCode: debit, side: 'DEBIT' as const, amount },
  { accountCode: credit, side: 'CREDIT' as const, amount },
];

/** A transfer between two offices' accounts through their inter-office clearing accounts. */
const across = (debit: string, credit: string, amount: string) => [
  ...pair(debit, `${debit.split(':')[0]}:1600`, amount),
  ...pair(`${credit.split(':')[0]}:1600`, credit, amount),
];

describe('checkEntry refuses each broken rule with its code', () => {
  const cases: Array<[string, PostEntryCommand, { manual?: boolean; officeClosedThrough?: string | null }, string]> = [
    ['one posting only', command([{ accountCode: 'A:1100', side: 'DEBIT', amount: '1.00' }]), {}, 'UNBALANCED_ENTRY'],
    ['debits differ from credits', command([pair('A:1100', 'A:4100', '1.00')[0]!, { accountCode: 'A:4100', side: 'CREDIT', amount: '1.01' }]), {}, 'UNBALANCED_ENTRY'],
    ['balanced in total but not per currency', command([...pair('A:1100', 'A:USD', '1.00')]), {}, 'UNBALANCED_ENTRY'],
    ['a zero amount', command(pair('A:1100', 'A:4100', '0.00')), {}, 'INVALID_AMOUNT'],
    ['a negative amount', command(pair('A:1100', 'A:4100', '-5.00')), {}, 'INVALID_AMOUNT'],
    ['more decimals than the currency has', command(pair('A:1100', 'A:4100', '1.005')), {}, 'INVALID_AMOUNT'],
    ['decimals on a currency without minor units', command(pair('A:JPY', 'A:JPY', '1.5')), {}, 'INVALID_AMOUNT'],
    ['an exponent', command(pair('A:1100', 'A:4100', '1e3')), {}, 'INVALID_AMOUNT'],
    ['a stated currency that is not the account’s', command([{ ...pair('A:1100', 'A:4100', '1.00')[0]!, currency: 'USD' }, pair('A:1100', 'A:4100', '1.00')[1]!]), {}, 'CURRENCY_MISMATCH'],
    ['an account that does not exist', command(pair('A:1100', 'A:9999', '1.00')), {}, 'ACCOUNT_NOT_FOUND'],
    ['a closed account', command(pair('A:1100', 'A:CLOSED', '1.00')), {}, 'ACCOUNT_CLOSED'],
    ['a frozen account', command(pair('A:1100', 'A:FROZEN', '1.00')), {}, 'ACCOUNT_FROZEN'],
    ['a header account', command(pair('A:1100', '1000', '1.00')), {}, 'HEADER_ACCOUNT'],
    ['a manual journal on a control account', command(pair('A:1100', 'A:2100', '1.00')), { manual: true }, 'MANUAL_ENTRY_NOT_ALLOWED'],
    ['cash taken below zero', command(pair('A:4100', 'A:1100', '100.01')), {}, 'INSUFFICIENT_FUNDS'],
    ['a payable overdrawn', command(pair('A:2100', 'A:4100', '50.01')), {}, 'INSUFFICIENT_FUNDS'],
    ['a day the entry office closed', command(pair('A:1100', 'A:4100', '1.00'), { effectiveDate: '2026-11-18' }), { officeClosedThrough: '2026-11-18' }, 'DAY_CLOSED'],
    ['a day an account’s office closed', command(across('B:1100', 'A:4100', '1.00'), { effectiveDate: '2026-11-19' }), {}, 'DAY_CLOSED'],
    ['balanced in total but not within each office', command(pair('B:1100', 'A:4100', '1.00')), {}, 'UNBALANCED_OFFICE'],
    ['cleared for only part of what crosses', command([
      { accountCode: 'B:1100', side: 'DEBIT', amount: '1.00' },
      { accountCode: 'B:1600', side: 'CREDIT', amount: '0.50' },
      { accountCode: 'A:1600', side: 'DEBIT', amount: '0.50' },
      { accountCode: 'A:4100', side: 'CREDIT', amount: '1.00' },
    ]), {}, 'UNBALANCED_OFFICE'],
    ['a date after today', command(pair('A:1100', 'A:4100', '1.00'), { effectiveDate: '2026-11-21' }), {}, 'BAD_USER_INPUT'],
    ['a date that is not one', command(pair('A:1100', 'A:4100', '1.00'), { effectiveDate: '2026-02-30' }), {}, 'BAD_USER_INPUT'],
    ['a blank description', command(pair('A:1100', 'A:4100', '1.00'), { description: '  ' }), {}, 'BAD_USER_INPUT'],
    ['a lower-case source type', command(pair('A:1100', 'A:4100', '1.00'), { source: { type: 'manual' } }), {}, 'BAD_USER_INPUT'],
    ['an over-long idempotency key', command(pair('A:1100', 'A:4100', '1.00'), { idempotencyKey: 'k'.repeat(201) }), {}, 'BAD_USER_INPUT'],
    ['an unknown side', command([{ accountCode: 'A:1100', side: 'UP' as 'DEBIT', amount: '1.00' }, pair('A:1100', 'A:4100', '1.00')[1]!]), {}, 'BAD_USER_INPUT'],
  ];

  it.each(cases)('%s', (_name, entry, options, code) => {
    expect(() => checkEntry(entry, ACCOUNTS, { manual: options.manual ?? false, today: TODAY, officeClosedThrough: options.officeClosedThrough ?? null })).toThrow(
      expect.objectContaining({ code }),
    );
  });
});

describe('the journal’s sanity rules: no account on both sides, no date before the ledger or the office began', () => {
  type Case = [name: string, entry: PostEntryCommand, options: Partial<EntryCheckOptions>, outcome: string | 'POSTS'];
  const line = (accountCode: string, side: 'DEBIT' | 'CREDIT', amount: string) => ({ accountCode, side, amount });
  const cases: Case[] = [
    ['an account debited and credited', command(pair('A:4100', 'A:4100', '1.00')), {}, 'SAME_ACCOUNT_BOTH_SIDES'],
    ['an account on both sides among other lines', command([line('A:1100', 'DEBIT', '5.00'), line('A:4100', 'CREDIT', '3.00'), line('A:1100', 'CREDIT', '2.00')]), {}, 'SAME_ACCOUNT_BOTH_SIDES'],
    ['two lines on the same side of one account', command([line('A:1100', 'DEBIT', '3.00'), line('A:1100', 'DEBIT', '2.00'), line('A:4100', 'CREDIT', '5.00')]), {}, 'POSTS'],
    ['a reversal that mirrors an entry on both sides of one account', command(pair('A:4100', 'A:4100', '1.00')), { reversal: true }, 'POSTS'],
    ['a date before the ledger start', command(pair('A:1100', 'A:4100', '1.00'), { effectiveDate: '2019-03-31' }), { ledgerStartDate: '2019-04-01' }, 'BEFORE_LEDGER_START'],
    ['the ledger start itself', command(pair('A:1100', 'A:4100', '1.00'), { effectiveDate: '2019-04-01' }), { ledgerStartDate: '2019-04-01' }, 'POSTS'],
    ['a date before the office opened', command(pair('A:1100', 'A:4100', '1.00'), { effectiveDate: '2015-03-31' }), { officeOpenedOn: '2015-04-01' }, 'BEFORE_OFFICE_OPENED'],
    ['the day the office opened', command(pair('A:1100', 'A:4100', '1.00'), { effectiveDate: '2015-04-01' }), { officeOpenedOn: '2015-04-01' }, 'POSTS'],
    ['an office whose opening is not known', command(pair('A:1100', 'A:4100', '1.00'), { effectiveDate: '1990-01-01' }), { officeOpenedOn: null }, 'POSTS'],
    ['before both: the ledger start is named first', command(pair('A:1100', 'A:4100', '1.00'), { effectiveDate: '2010-01-01' }), { ledgerStartDate: '2012-01-01', officeOpenedOn: '2015-04-01' }, 'BEFORE_LEDGER_START'],
    ['today by default, long after both', command(pair('A:1100', 'A:4100', '1.00'), { effectiveDate: null }), { ledgerStartDate: '2019-04-01', officeOpenedOn: '2015-04-01' }, 'POSTS'],
  ];

  it.each(cases)('%s', (_name, entry, options, outcome) => {
    const check = () => checkEntry(entry, ACCOUNTS, { manual: false, today: TODAY, officeClosedThrough: null, ...options });
    if (outcome === 'POSTS') expect(check).not.toThrow();
    else expect(check).toThrow(expect.objectContaining({ code: outcome }));
  });

  it('says which account and which dates', () => {
    expect(() => checkEntry(command(pair('A:4100', 'A:4100', '1.00')), ACCOUNTS, { manual: false, today: TODAY, officeClosedThrough: null })).toThrow(
      expect.objectContaining({ details: { accountCode: 'A:4100' } }),
    );
    expect(() =>
      checkEntry(command(pair('A:1100', 'A:4100', '1.00'), { effectiveDate: '2015-03-31' }), ACCOUNTS, { manual: false, today: TODAY, officeClosedThrough: null, officeOpenedOn: '2015-04-01' }),
    ).toThrow(expect.objectContaining({ details: { officeCode: 'A', effectiveDate: '2015-03-31', openedOn: '2015-04-01' } }));
    expect(() =>
      checkEntry(command(pair('A:1100', 'A:4100', '1.00'), { effectiveDate: '2019-03-31' }), ACCOUNTS, { manual: false, today: TODAY, officeClosedThrough: null, ledgerStartDate: '2019-04-01' }),
    ).toThrow(expect.objectContaining({ details: { effectiveDate: '2019-03-31', ledgerStartDate: '2019-04-01' } }));
  });
});

describe('checkEntry accepts', () => {
  it('a balanced entry and answers each account’s summed change in code order', () => {
    const checked = checkEntry(
      command([
        { accountCode: 'A:4100', side: 'CREDIT', amount: '5.00' },
        { accountCode: 'A:1100', side: 'DEBIT', amount: '105' },
        { accountCode: 'A:2100', side: 'CREDIT', amount: '100.00' },
      ]),
      ACCOUNTS,
      { manual: false, today: TODAY, officeClosedThrough: null },
    );
    expect(checked.effectiveDate).toBe(TODAY);
    expect(checked.deltas.map((d) => [d.accountCode, d.debit.toFixed(2), d.credit.toFixed(2)])).toEqual([
      ['A:1100', '105.00', '0.00'],
      ['A:2100', '0.00', '100.00'],
      ['A:4100', '0.00', '5.00'],
    ]);
  });

  it('an entry between two offices through their clearing accounts, and an office-less account in the entry office', () => {
    expect(() => checkEntry(command(across('B:1100', 'A:4100', '1.00'), { effectiveDate: TODAY }), ACCOUNTS, { manual: false, today: TODAY, officeClosedThrough: null })).not.toThrow();
    expect(() => checkEntry(command(pair('A:1100', 'GLOBAL', '1.00')), ACCOUNTS, { manual: false, today: TODAY, officeClosedThrough: null })).not.toThrow();
    expect(() => checkEntry(command(pair('GLOBAL', 'B:1100', '1.00'), { effectiveDate: TODAY }), ACCOUNTS, { manual: false, today: TODAY, officeClosedThrough: null })).toThrow(
      expect.objectContaining({ code: 'UNBALANCED_OFFICE' }),
    );
  });

  it('a reversal that mirrors an entry posted across offices before the rule', () => {
    expect(() => checkEntry(command(pair('B:1100', 'A:4100', '1.00')), ACCOUNTS, { manual: false, today: TODAY, officeClosedThrough: null, reversal: true })).not.toThrow();
  });

  it('an entry balanced in each of two currencies', () => {
    expect(() => checkEntry(command([...pair('A:1100', 'A:4100', '1.00'), ...pair('A:USD', 'A:USD2', '2.00')]), ACCOUNTS, { manual: false, today: TODAY, officeClosedThrough: null })).not.toThrow();
  });

  it('today when the date is left out, and the day after the last closed one', () => {
    const checked = checkEntry(command(across('B:1100', 'A:4100', '1.00'), { effectiveDate: null }), ACCOUNTS, { manual: false, today: TODAY, officeClosedThrough: '2026-11-19' });
    expect(checked.effectiveDate).toBe(TODAY);
  });

  it('the same request hash for the same amounts written differently, another for another request', () => {
    const options = { manual: false, today: TODAY, officeClosedThrough: null };
    const a = checkEntry(command(pair('A:1100', 'A:4100', '1.5')), ACCOUNTS, options);
    const b = checkEntry(command(pair('A:1100', 'A:4100', '1.50')), ACCOUNTS, options);
    const c = checkEntry(command(pair('A:1100', 'A:4100', '1.51')), ACCOUNTS, options);
    expect(a.requestHash).toBe(b.requestHash);
    expect(c.requestHash).not.toBe(a.requestHash);
    expect(requestHashOf({ ...a, description: 'other' }, a.postings)).not.toBe(a.requestHash);
  });
});

describe('balance constraints count pending amounts', () => {
  const cases: Array<[string, Partial<PostableAccount>, Parameters<typeof withinConstraint>[1], boolean]> = [
    ['cash down to exactly zero', { balanceConstraint: 'CREDITS_NOT_EXCEED_DEBITS', debitTotal: '10' }, { credit: new Decimal(10) }, true],
    ['cash a paisa below zero', { balanceConstraint: 'CREDITS_NOT_EXCEED_DEBITS', debitTotal: '10' }, { credit: new Decimal('10.01') }, false],
    ['cash held by a pending credit', { balanceConstraint: 'CREDITS_NOT_EXCEED_DEBITS', debitTotal: '10', pendingCredit: '6' }, { credit: new Decimal(5) }, false],
    ['a payable drawn to zero', { balanceConstraint: 'DEBITS_NOT_EXCEED_CREDITS', creditTotal: '10' }, { debit: new Decimal(10) }, true],
    ['a payable held by a pending debit', { balanceConstraint: 'DEBITS_NOT_EXCEED_CREDITS', creditTotal: '10', pendingDebit: '1' }, { debit: new Decimal(10) }, false],
    ['an unconstrained account anywhere', { balanceConstraint: 'NONE' }, { credit: new Decimal('1e9') }, true],
  ];
  it.each(cases)('%s', (_name, overrides, change, expected) => {
    expect(withinConstraint(account('X:1', overrides), change)).toBe(expected);
  });
});

describe('helpers', () => {
  it('deltasOf sums lines naming one account twice', () => {
    const deltas = deltasOf([
      { accountCode: 'B', side: 'DEBIT', amount: new Decimal(1) },
      { accountCode: 'A', side: 'CREDIT', amount: new Decimal(2) },
      { accountCode: 'B', side: 'CREDIT', amount: new Decimal(3) },
    ]);
    expect(deltas.map((d) => [d.accountCode, d.debit.toFixed(), d.credit.toFixed()])).toEqual([
      ['A', '0', '2'],
      ['B', '1', '3'],
    ]);
  });

  it('reversalPostings swaps each side', () => {
    expect(reversalPostings([{ accountCode: 'A', side: 'DEBIT', amount: '1.00' }, { accountCode: 'B', side: 'CREDIT', amount: '1.00' }])).toEqual([
      { accountCode: 'A', side: 'CREDIT', amount: '1.00' },
      { accountCode: 'B', side: 'DEBIT', amount: '1.00' },
    ]);
  });
});
