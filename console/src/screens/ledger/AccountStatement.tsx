import { createColumnHelper } from '@tanstack/react-table';
import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { problemsFor, unclaimed } from '../../api/problems';
import { formatDate } from '../../format/dates';
import { ExportButton } from '../../lists/ExportButton';
import { useUrlFilters } from '../../lists/useUrlFilters';
import { DataTable } from '../../ui/DataTable';
import { Loading } from '../../ui/Loading';
import { Money } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { TextField } from '../../ui/TextField';
import { defaultStatementRange, entryPath, isDateText } from './links';
import { useStatement, type StatementLineRow } from './useStatement';
import './ledger.css';

const FILTERS = ['from', 'to'] as const;

const column = createColumnHelper<StatementLineRow>();
const sideAmount = (side: 'DEBIT' | 'CREDIT') => (row: StatementLineRow) => (row.side === side ? row.amount : null);
const columns = [
  column.accessor('effectiveDate', { header: 'Date', cell: (info) => formatDate(info.getValue()) }),
  column.accessor((row) => row.entry?.sequence ?? '', {
    id: 'entry',
    header: 'Entry',
    cell: (info) => (
      <Link to={entryPath(info.row.original.entryId)} aria-label={`Entry ${info.getValue() || info.row.original.entryId}: ${info.row.original.description}`}>
        {info.getValue() ? `#${info.getValue()}` : 'entry'}
      </Link>
    ),
  }),
  column.accessor('description', { header: 'Description' }),
  column.accessor((row) => (row.entry ? [row.entry.source.type, row.entry.source.reference].filter(Boolean).join(' ') : ''), { id: 'source', header: 'Source' }),
  column.accessor(sideAmount('DEBIT'), { id: 'debit', header: 'Debit', meta: { numeric: true }, cell: (info) => (info.getValue() ? <Money value={info.getValue()} showCurrency={false} /> : null) }),
  column.accessor(sideAmount('CREDIT'), { id: 'credit', header: 'Credit', meta: { numeric: true }, cell: (info) => (info.getValue() ? <Money value={info.getValue()} showCurrency={false} /> : null) }),
  column.accessor('runningBalance', { header: 'Balance', meta: { numeric: true }, cell: (info) => <Money value={info.getValue()} showCurrency={false} /> }),
];

/**
 * An account's statement for a period: the opening balance, every line with the balance after it, the closing
 * balance. The lines arrive in the API's largest pages as the person scrolls (or presses End), into a virtualised
 * grid, so the end of a 100,000-line statement costs what its start costs. Each line opens its journal entry.
 */
export default function AccountStatement() {
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  // The period is always in the URL, so the view is the same when bookmarked or shared.
  useEffect(() => {
    if (filters.from && filters.to) return;
    const range = defaultStatementRange();
    setFilters({ from: filters.from || range.from, to: filters.to || range.to });
  }, [filters.from, filters.to, setFilters]);
  const ready = isDateText(filters.from) && isDateText(filters.to);
  const { list, summary } = useStatement(code, filters.from, filters.to, !ready);
  const account = summary?.account;

  return (
    <>
      <PageHeader
        title={account ? `Statement: ${account.name}` : 'Account statement'}
        subtitle={
          <>
            <span className="mono">{code}</span>
            {account ? ` · ${account.type.toLowerCase()} · ${account.officeCode ?? 'no office'} · ${account.status}` : null}
          </>
        }
        actions={
          account ? (
            <ExportButton
              filename={`statement-${code.replace(/[^A-Za-z0-9._-]/g, '_')}-${filters.from}-${filters.to}.csv`}
              fetchPage={list.fetchPage}
              columns={[
                { header: 'Date', value: (row) => row.effectiveDate },
                { header: 'Entry id', value: (row) => row.entryId },
                { header: 'Entry sequence', value: (row) => row.entry?.sequence },
                { header: 'Description', value: (row) => row.description },
                { header: 'Source', value: (row) => row.entry?.source.type },
                { header: 'Reference', value: (row) => row.entry?.source.reference },
                { header: 'Debit', value: (row) => (row.side === 'DEBIT' ? row.amount.amount : '') },
                { header: 'Credit', value: (row) => (row.side === 'CREDIT' ? row.amount.amount : '') },
                { header: 'Balance', value: (row) => row.runningBalance.amount },
                { header: 'Currency', value: (row) => row.amount.currency },
              ]}
            />
          ) : null
        }
      />
      <search className="filters" aria-label="Statement period">
        <TextField label="From" type="date" value={filters.from} onChange={(from) => isDateText(from) && setFilters({ from })} problems={problemsFor(list.problems, 'from')} />
        <TextField label="To" type="date" value={filters.to} onChange={(to) => isDateText(to) && setFilters({ to })} problems={problemsFor(list.problems, 'to')} />
      </search>
      <ProblemList problems={unclaimed(list.problems, ['from', 'to'])} />
      {summary === null ? (
        <p role="alert">No account {code} in your ledger scope.</p>
      ) : summary === undefined && list.loading ? (
        <Loading what="Reading the statement" />
      ) : (
        <>
          {summary ? (
            <dl className="ledger-summary">
              <div>
                <dt>Opening balance, {formatDate(summary.from)}</dt>
                <dd>
                  <Money value={summary.openingBalance} />
                </dd>
              </div>
              <div>
                <dt>Closing balance, {formatDate(summary.to)}</dt>
                <dd>
                  <Money value={summary.closingBalance} />
                </dd>
              </div>
              <div>
                <dt>Balance now</dt>
                <dd>
                  <Money value={summary.account.balance} />
                </dd>
              </div>
            </dl>
          ) : null}
          <DataTable
            caption={`Statement lines of ${code} from ${filters.from} to ${filters.to}`}
            columns={columns}
            rows={list.rows}
            rowKey={(row) => row.cursor}
            hasMore={list.hasMore}
            loadingMore={list.loading || list.loadingMore}
            onLoadMore={list.loadMore}
            onOpen={(row) => void navigate(entryPath(row.entryId))}
            emptyText={list.loading ? 'Loading…' : 'No postings in this period.'}
            summary={`${list.rows.length.toLocaleString('en-IN')} ${list.rows.length === 1 ? 'line' : 'lines'}${list.hasMore ? ' loaded, more on scroll' : list.loading ? '' : ', the whole period'}`}
          />
        </>
      )}
    </>
  );
}
