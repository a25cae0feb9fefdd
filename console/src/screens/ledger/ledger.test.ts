import { describe, expect, it } from 'vitest';
import { branchesOf, buildChart, type AccountRow, type HeaderRow } from './chart-tree';
import { statementPath } from './links';
import { trialBalanceCsvRows } from './trial-balance-csv';

const header = (code: string, parentCode: string | null, name = `Header ${code}`): HeaderRow => ({ code, name, type: 'ASSET', status: 'OPEN', parentCode, headCode: code });
const account = (code: string, parentCode: string, amount: string, currency = 'INR'): AccountRow => ({
  code,
  name: `Account ${code}`,
  type: 'ASSET',
  status: 'OPEN',
  parentCode,
  headCode: parentCode,
  officeCode: code.split(':')[0]!,
  currency,
  balance: { amount, currency },
});

describe('the chart as a tree', () => {
  const headers = [header('1000', null), header('1100', '1000'), header('1200', '1000')];

  it('hangs accounts under their headers and totals each header exactly, per currency', () => {
    const accounts = [account('A:1100', '1100', '0.10'), account('B:1100', '1100', '0.20'), account('A:1200', '1200', '90071992547409931.07')];
    const [assets] = buildChart(headers, branchesOf(headers, accounts));
    expect(assets?.kind).toBe('header');
    if (assets?.kind !== 'header') return;
    const cash = assets.children.find((child) => child.kind === 'header' && child.header.code === '1100');
    expect(cash?.kind === 'header' && cash.totals).toEqual([{ amount: '0.30', currency: 'INR' }]);
    // Past 2^53: a JavaScript number would have lost the paise.
    expect(assets.totals).toEqual([{ amount: '90071992547409931.37', currency: 'INR' }]);
    expect(assets.accountCount).toBe(3);
  });

  it('gives no total for a header whose accounts are not all loaded (a partial sum would mislead)', () => {
    const branches = new Map([
      ['1000', { accounts: [], complete: true }],
      ['1100', { accounts: [account('A:1100', '1100', '5.00')], complete: false }],
      ['1200', { accounts: [], complete: true }],
    ]);
    const [assets] = buildChart(headers, branches);
    expect(assets?.kind === 'header' && assets.totals).toBeNull();
    const other = assets?.kind === 'header' ? assets.children.find((child) => child.kind === 'header' && child.header.code === '1200') : undefined;
    expect(other?.kind === 'header' && other.totals).toEqual([]);
  });

  it('keeps a header whose parent is unknown at the top rather than losing it', () => {
    const tree = buildChart([header('1100', '9999')], new Map());
    expect(tree.map((node) => (node.kind === 'header' ? node.header.code : ''))).toEqual(['1100']);
  });
});

describe('ledger links and exports', () => {
  it('encodes an account code as one path segment', () => {
    expect(statementPath('NDGPO:1100', { from: '2026-11-01', to: '2026-11-30' })).toBe('/ledger/accounts/NDGPO%3A1100/statement?from=2026-11-01&to=2026-11-30');
  });

  it('exports the trial balance with the totals the API computed, as exact strings', () => {
    const line = (code: string, debit: string, credit: string) => ({
      accountCode: code,
      account: { code, name: code, type: 'ASSET' as const, officeCode: 'HO1' },
      debitTotal: { amount: debit, currency: 'INR' },
      creditTotal: { amount: credit, currency: 'INR' },
      debitBalance: { amount: debit, currency: 'INR' },
      creditBalance: { amount: credit, currency: 'INR' },
    });
    const rows = trialBalanceCsvRows({
      asOf: '2026-11-20',
      officeCode: 'HO1',
      currency: 'INR',
      balanced: true,
      totalDebit: { amount: '12345678901234567.89', currency: 'INR' },
      totalCredit: { amount: '12345678901234567.89', currency: 'INR' },
      lines: [line('HO1:1100', '12345678901234567.89', '0.00'), line('HO1:2100', '0.00', '12345678901234567.89')],
    });
    expect(rows).toHaveLength(3);
    expect(rows.at(-1)).toMatchObject({ account: 'TOTAL', debitBalance: '12345678901234567.89', creditBalance: '12345678901234567.89' });
  });
});
