import { createColumnHelper } from '@tanstack/react-table';
import { Link, useNavigate } from 'react-router';
import { op } from '../../api/operation';
import { ReconBankAccountsDocument, type BankAccountFilter, type BankAccountPurpose, type ReconBankAccountsQuery } from '../../gql/graphql';
import { useKeysetList } from '../../lists/useKeysetList';
import { useUrlFilters } from '../../lists/useUrlFilters';
import { useMe } from '../../session/me';
import { can } from '../../session/permissions';
import { DataTable } from '../../ui/DataTable';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { SelectField } from '../../ui/SelectField';
import { groupedAccountNumber, PURPOSE_LABELS, PURPOSES } from './labels';
import '../cod/cod.css';
import './recon.css';

type Row = ReconBankAccountsQuery['bankAccounts']['edges'][number]['node'];

const FILTERS = ['purpose'] as const;

const column = createColumnHelper<Row>();
const columns = [
  column.accessor('name', { header: 'Name', cell: (info) => <Link to={`/recon/accounts/${info.row.original.id}`}>{info.getValue()}</Link> }),
  column.accessor('accountNumber', { header: 'Account number', cell: (info) => <span className="mono">{groupedAccountNumber(info.getValue(), info.row.original.isIban)}</span> }),
  column.accessor((row) => row.ifsc ?? row.bic ?? null, { id: 'bank', header: 'IFSC / BIC', cell: (info) => <span className="mono">{info.getValue() ?? '—'}</span> }),
  column.accessor('currency', { header: 'Currency' }),
  column.accessor('purpose', { header: 'Purpose', cell: (info) => PURPOSE_LABELS[info.getValue()] }),
  column.accessor('officeCode', { header: 'Office' }),
  column.accessor('ledgerAccountCode', { header: 'Ledger account', cell: (info) => <span className="mono">{info.getValue()}</span> }),
];

/** The operator's bank accounts in the person's recon.read scope, by office then name; filtered by purpose (in the URL). */
export default function BankAccounts() {
  const me = useMe();
  const navigate = useNavigate();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const filter: BankAccountFilter = filters.purpose ? { purpose: filters.purpose as BankAccountPurpose } : {};
  const list = useKeysetList({
    query: op(ReconBankAccountsDocument),
    variables: { filter },
    pageSize: 50,
    select: (data) => ({ rows: data.bankAccounts.edges.map((edge) => edge.node), endCursor: data.bankAccounts.pageInfo.endCursor, hasNextPage: data.bankAccounts.pageInfo.hasNextPage }),
  });
  return (
    <>
      <PageHeader
        title="Bank accounts"
        subtitle="The operator's own bank accounts, each kept in the ledger under head 1500 at its office."
        actions={can(me, 'recon.bank.manage') ? <Link to="/recon/accounts/new" className="button button-primary">Register bank account</Link> : null}
      />
      <search className="filters" aria-label="Filter bank accounts">
        <SelectField label="Purpose" value={filters.purpose} onChange={(purpose) => setFilters({ purpose })} options={PURPOSES.map((value) => ({ value, label: PURPOSE_LABELS[value] }))} />
      </search>
      <ProblemList problems={list.problems} />
      <DataTable
        caption="Bank accounts"
        columns={columns}
        rows={list.rows}
        rowKey={(row) => row.id}
        hasMore={list.hasMore}
        loadingMore={list.loading || list.loadingMore}
        onLoadMore={list.loadMore}
        onOpen={(row) => void navigate(`/recon/accounts/${row.id}`)}
        emptyText={list.loading ? 'Loading…' : 'No bank accounts match this filter.'}
      />
    </>
  );
}
