import { createColumnHelper } from '@tanstack/react-table';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { LedgerTrialBalanceDocument } from '../../gql/graphql';
import { op } from '../../api/operation';
import { problemsFor, problemsOf, unclaimed } from '../../api/problems';
import { formatDate, operatorToday } from '../../format/dates';
import { formatMoney } from '../../format/money';
import { ExportButton } from '../../lists/ExportButton';
import { debounce, useUrlFilters } from '../../lists/useUrlFilters';
import { useMe } from '../../session/me';
import { DataTable } from '../../ui/DataTable';
import { Loading } from '../../ui/Loading';
import { Money } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { TextField } from '../../ui/TextField';
import { isDateText, statementPath } from './links';
import { trialBalanceCsvColumns, trialBalanceCsvRows, type TrialBalanceLineRow } from './trial-balance-csv';
import './ledger.css';

const FILTERS = ['asOf', 'office'] as const;
const CURRENCY = 'INR';

const column = createColumnHelper<TrialBalanceLineRow>();
const money = (id: 'debitTotal' | 'creditTotal' | 'debitBalance' | 'creditBalance', header: string) =>
  column.accessor(id, { header, meta: { numeric: true }, cell: (info) => <Money value={info.getValue()} showCurrency={false} /> });
const columns = [
  column.accessor('accountCode', {
    header: 'Account',
    cell: (info) => (
      <Link to={statementPath(info.getValue())}>
        <span className="mono">{info.getValue()}</span>
      </Link>
    ),
  }),
  column.accessor((row) => row.account.name, { id: 'name', header: 'Name' }),
  column.accessor((row) => row.account.type, { id: 'type', header: 'Type' }),
  column.accessor((row) => row.account.officeCode ?? '', { id: 'office', header: 'Office' }),
  money('debitTotal', 'Debits'),
  money('creditTotal', 'Credits'),
  money('debitBalance', 'Debit balance'),
  money('creditBalance', 'Credit balance'),
];

/**
 * The trial balance as of a day for an office and the offices under it: every account's totals and its balance on
 * its side, and the two totals, which balance. The CSV export is this very answer, lines and totals, amounts as the
 * exact decimal strings the API sent, so the file and the screen cannot disagree.
 */
export default function TrialBalance() {
  const me = useMe();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  useEffect(() => {
    if (!filters.asOf || !filters.office) setFilters({ asOf: filters.asOf || operatorToday(), office: filters.office || me.office.code });
  }, [filters.asOf, filters.office, me.office.code, setFilters]);
  const [officeText, setOfficeText] = useState(filters.office || me.office.code);
  const pushOffice = useMemo(() => debounce((value: string) => setFilters({ office: value.trim().toUpperCase() })), [setFilters]);
  const ready = isDateText(filters.asOf) && filters.office !== '';
  const [{ data, error, fetching }] = useQuery({
    query: op(LedgerTrialBalanceDocument),
    variables: { asOf: filters.asOf, officeCode: filters.office, currency: CURRENCY },
    pause: !ready,
  });
  const problems = problemsOf(error);
  // An answer for other filters (while the new one loads) is not shown as if it were this one's.
  const report = data?.trialBalance && data.trialBalance.asOf === filters.asOf && data.trialBalance.officeCode === filters.office ? data.trialBalance : undefined;

  return (
    <>
      <PageHeader
        title="Trial balance"
        subtitle={report ? `As of ${formatDate(report.asOf)} for ${report.officeCode ?? 'the whole ledger'} and the offices under it, in ${report.currency}.` : 'As of a day, for an office and the offices under it.'}
        actions={
          report ? (
            <ExportButton
              filename={`trial-balance-${report.officeCode ?? 'ledger'}-${report.asOf}.csv`}
              columns={trialBalanceCsvColumns}
              fetchPage={() => Promise.resolve({ rows: trialBalanceCsvRows(report), endCursor: null, hasNextPage: false })}
            />
          ) : null
        }
      />
      <search className="filters" aria-label="Trial balance filters">
        <TextField label="As of" type="date" value={filters.asOf} onChange={(asOf) => isDateText(asOf) && setFilters({ asOf })} problems={problemsFor(problems, 'asOf')} />
        <TextField
          label="Office"
          description="Office code: it and the offices under it"
          value={officeText}
          onChange={(value) => {
            setOfficeText(value);
            pushOffice(value);
          }}
          problems={problemsFor(problems, 'officeCode')}
        />
      </search>
      <ProblemList problems={unclaimed(problems, ['asOf', 'officeCode'])} />
      {!report ? (
        fetching ? <Loading what="Adding up the ledger" /> : null
      ) : (
        <>
          <dl className="ledger-summary" aria-label="Totals">
            <div>
              <dt>Total debit balances</dt>
              <dd>
                <Money value={report.totalDebit} />
              </dd>
            </div>
            <div>
              <dt>Total credit balances</dt>
              <dd>
                <Money value={report.totalCredit} />
              </dd>
            </div>
            <div>
              <dt>Balanced</dt>
              <dd>
                <span className={`status status-${report.balanced ? 'ok' : 'broken'}`} role="status">
                  {report.balanced ? 'Debits equal credits' : 'NOT BALANCED'}
                </span>
              </dd>
            </div>
          </dl>
          <DataTable
            caption={`Trial balance as of ${report.asOf} for ${report.officeCode ?? 'the whole ledger'}`}
            columns={columns}
            rows={report.lines}
            rowKey={(row) => row.accountCode}
            emptyText="No account of this scope has postings on or before this day."
            summary={`${report.lines.length.toLocaleString('en-IN')} accounts · debit balances ${formatMoney(report.totalDebit)}, credit balances ${formatMoney(report.totalCredit)} ${report.currency}`}
          />
        </>
      )}
    </>
  );
}
