import type { LedgerTrialBalanceQuery } from '../../gql/graphql';
import type { CsvColumn } from '../../lists/csv';

type Report = LedgerTrialBalanceQuery['trialBalance'];
export type TrialBalanceLineRow = Report['lines'][number];

/** A CSV row: an account's line, or the totals row at the end (the report's own totals, not re-added). */
export interface TrialBalanceCsvRow {
  account: string;
  name: string;
  type: string;
  office: string;
  debitTotal: string;
  creditTotal: string;
  debitBalance: string;
  creditBalance: string;
  currency: string;
}

export const trialBalanceCsvColumns: CsvColumn<TrialBalanceCsvRow>[] = [
  { header: 'Account', value: (row) => row.account },
  { header: 'Name', value: (row) => row.name },
  { header: 'Type', value: (row) => row.type },
  { header: 'Office', value: (row) => row.office },
  { header: 'Debits', value: (row) => row.debitTotal },
  { header: 'Credits', value: (row) => row.creditTotal },
  { header: 'Debit balance', value: (row) => row.debitBalance },
  { header: 'Credit balance', value: (row) => row.creditBalance },
  { header: 'Currency', value: (row) => row.currency },
];

/** The report as the screen shows it: every line, then one TOTAL row with the totals the API computed. */
export function trialBalanceCsvRows(report: Report): TrialBalanceCsvRow[] {
  return [
    ...report.lines.map((line) => ({
      account: line.accountCode,
      name: line.account.name,
      type: line.account.type,
      office: line.account.officeCode ?? '',
      debitTotal: line.debitTotal.amount,
      creditTotal: line.creditTotal.amount,
      debitBalance: line.debitBalance.amount,
      creditBalance: line.creditBalance.amount,
      currency: report.currency,
    })),
    {
      account: 'TOTAL',
      name: `Trial balance as of ${report.asOf}${report.officeCode ? ` for ${report.officeCode}` : ''}`,
      type: '',
      office: report.officeCode ?? '',
      debitTotal: '',
      creditTotal: '',
      debitBalance: report.totalDebit.amount,
      creditBalance: report.totalCredit.amount,
      currency: report.currency,
    },
  ];
}
