import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { op } from '../../api/operation';
import { CodBillersDocument, type BillerFilter, type CodBillersQuery } from '../../gql/graphql';
import { useKeysetList } from '../../lists/useKeysetList';
import { debounce, useUrlFilters } from '../../lists/useUrlFilters';
import { useMe } from '../../session/me';
import { can } from '../../session/permissions';
import { DataTable } from '../../ui/DataTable';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { BILLER_STATUS_LABELS, BILLER_STATUSES, BILLER_TYPE_LABELS, BILLER_TYPES } from './labels';
import './cod.css';

type Row = CodBillersQuery['billers']['edges'][number]['node'];

const FILTERS = ['search', 'status', 'type'] as const;

const column = createColumnHelper<Row>();
const columns = [
  column.accessor('code', { header: 'Code', cell: (info) => <Link to={`/cod/billers/${info.row.original.id}`} className="mono">{info.getValue()}</Link> }),
  column.accessor('name', { header: 'Name' }),
  column.accessor('type', { header: 'Type', cell: (info) => BILLER_TYPE_LABELS[info.getValue()] }),
  column.accessor('status', { header: 'Status', cell: (info) => BILLER_STATUS_LABELS[info.getValue()] }),
  column.accessor('gstin', { header: 'GSTIN', cell: (info) => <span className="mono">{info.getValue() ?? '—'}</span> }),
  column.accessor('settlementOfficeCode', { header: 'Settlement office' }),
  column.accessor((row) => row.bankAccount?.accountNumber ?? null, { id: 'account', header: 'Payout account', cell: (info) => <span className="mono">{info.getValue() ?? 'none'}</span> }),
  column.accessor((row) => (row.pendingBankChange ? 'Bank change waiting' : ''), { id: 'pending', header: 'Pending' }),
];

/** The billers in the person's cod.read scope, by code; filtered by name, code or GSTIN, status and type (in the URL). */
export default function Billers() {
  const me = useMe();
  const navigate = useNavigate();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const [search, setSearch] = useState(filters.search);
  const pushSearch = useMemo(() => debounce((value: string) => setFilters({ search: value.trim() })), [setFilters]);
  const filter: BillerFilter = {
    ...(filters.search ? { search: filters.search } : {}),
    ...(filters.status ? { status: filters.status as BillerFilter['status'] } : {}),
    ...(filters.type ? { type: filters.type as BillerFilter['type'] } : {}),
  };
  const list = useKeysetList({
    query: op(CodBillersDocument),
    variables: { filter },
    pageSize: 50,
    select: (data) => ({ rows: data.billers.edges.map((edge) => edge.node), endCursor: data.billers.pageInfo.endCursor, hasNextPage: data.billers.pageInfo.hasNextPage }),
  });
  return (
    <>
      <PageHeader
        title="COD billers"
        subtitle="Contracted sellers whose cash on delivery the post office collects and remits."
        actions={can(me, 'cod.biller.manage') ? <Link to="/cod/billers/new" className="button button-primary">Register a biller</Link> : null}
      />
      <search className="filters" aria-label="Filter billers">
        <TextField label="Name, code or GSTIN" value={search} onChange={(value) => { setSearch(value); pushSearch(value); }} />
        <SelectField label="Status" value={filters.status} onChange={(status) => setFilters({ status })} options={BILLER_STATUSES.map((value) => ({ value, label: BILLER_STATUS_LABELS[value] }))} />
        <SelectField label="Type" value={filters.type} onChange={(type) => setFilters({ type })} options={BILLER_TYPES.map((value) => ({ value, label: BILLER_TYPE_LABELS[value] }))} />
      </search>
      <ProblemList problems={list.problems} />
      <DataTable
        caption="COD billers"
        columns={columns}
        rows={list.rows}
        rowKey={(row) => row.id}
        hasMore={list.hasMore}
        loadingMore={list.loading || list.loadingMore}
        onLoadMore={list.loadMore}
        onOpen={(row) => void navigate(`/cod/billers/${row.id}`)}
        emptyText={list.loading ? 'Loading…' : 'No billers match these filters.'}
      />
    </>
  );
}
