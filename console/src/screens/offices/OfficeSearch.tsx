import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { OfficesSearchDocument, type OfficeFilter, type OfficesSearchQuery } from '../../gql/graphql';
import { op } from '../../api/operation';
import { formatDate } from '../../format/dates';
import { ExportButton } from '../../lists/ExportButton';
import { useKeysetList } from '../../lists/useKeysetList';
import { debounce, useUrlFilters } from '../../lists/useUrlFilters';
import { DataTable } from '../../ui/DataTable';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { OFFICE_STATUSES, OFFICE_TYPES, statusName, typeName } from './office-types';
import './offices.css';

type OfficeRow = OfficesSearchQuery['offices']['edges'][number]['node'];

const FILTERS = ['search', 'type', 'status', 'under'] as const;
/** The API's own bound on a search (BAD_USER_INPUT beyond it). */
const MAX_SEARCH = 100;

const column = createColumnHelper<OfficeRow>();
const columns = [
  column.accessor('code', {
    header: 'Code',
    cell: (info) => (
      <Link to={`/offices/${encodeURIComponent(info.getValue())}`} className="mono">
        {info.getValue()}
      </Link>
    ),
  }),
  column.accessor('name', { header: 'Name' }),
  column.accessor('type', { header: 'Type', cell: (info) => typeName(info.getValue()) }),
  column.accessor('status', { header: 'Status', cell: (info) => <span className={`status status-${info.getValue().toLowerCase()}`}>{statusName(info.getValue())}</span> }),
  column.accessor('pin', { header: 'PIN', cell: (info) => <span className="mono">{info.getValue() ?? ''}</span> }),
  column.accessor((row) => row.parent?.code ?? '', { id: 'parent', header: 'Parent', cell: (info) => <span className="mono">{info.getValue()}</span> }),
  column.accessor((row) => row.accountOffice?.code ?? '', { id: 'accountOffice', header: 'Account office', cell: (info) => <span className="mono">{info.getValue()}</span> }),
  column.accessor((row) => [row.address?.city, row.address?.state].filter(Boolean).join(', '), { id: 'place', header: 'City, state' }),
  column.accessor('openedOn', { header: 'Opened', cell: (info) => formatDate(info.getValue()) }),
];

/**
 * Offices within the person's office.read scope, found by code prefix, part of the name or PIN, filtered by type,
 * status and subtree (all in the URL), paged by the API as the table scrolls, exportable whole as CSV.
 */
export default function OfficeSearch() {
  const navigate = useNavigate();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const [search, setSearch] = useState(filters.search);
  const pushSearch = useMemo(() => debounce((value: string) => setFilters({ search: value.trim() })), [setFilters]);
  const tooLong = search.trim().length > MAX_SEARCH;
  const filter: OfficeFilter = {
    ...(filters.search && filters.search.length <= MAX_SEARCH ? { search: filters.search } : {}),
    ...(filters.type ? { type: filters.type as OfficeFilter['type'] } : {}),
    ...(filters.status ? { status: filters.status as OfficeFilter['status'] } : {}),
    ...(filters.under ? { underCode: filters.under } : {}),
  };
  const list = useKeysetList({
    query: op(OfficesSearchDocument),
    variables: { filter },
    select: (data) => ({
      rows: data.offices.edges.map((edge) => edge.node),
      endCursor: data.offices.pageInfo.endCursor,
      hasNextPage: data.offices.pageInfo.hasNextPage,
    }),
  });

  return (
    <>
      <PageHeader
        title="Find offices"
        subtitle={
          <>
            Offices you may see, by code, name or PIN. <Link to="/offices">Back to the office tree</Link>
          </>
        }
        actions={
          <ExportButton
            filename={`offices${filters.under ? `-under-${filters.under}` : ''}.csv`}
            fetchPage={list.fetchPage}
            columns={[
              { header: 'Code', value: (row) => row.code },
              { header: 'Name', value: (row) => row.name },
              { header: 'Type', value: (row) => row.type },
              { header: 'Status', value: (row) => row.status },
              { header: 'PIN', value: (row) => row.pin },
              { header: 'Parent', value: (row) => row.parent?.code },
              { header: 'Account office', value: (row) => row.accountOffice?.code },
              { header: 'City', value: (row) => row.address?.city },
              { header: 'District', value: (row) => row.address?.district },
              { header: 'State', value: (row) => row.address?.state },
              { header: 'Opened on', value: (row) => row.openedOn },
              { header: 'Closed on', value: (row) => row.closedOn },
            ]}
          />
        }
      />
      <search className="filters" aria-label="Filter offices">
        <TextField
          label="Search"
          description="Code, part of the name, or PIN"
          value={search}
          localError={tooLong ? `At most ${MAX_SEARCH} characters.` : undefined}
          onChange={(value) => {
            setSearch(value);
            pushSearch(value);
          }}
        />
        <SelectField label="Type" value={filters.type} onChange={(type) => setFilters({ type })} options={OFFICE_TYPES.map((value) => ({ value, label: typeName(value) }))} />
        <SelectField label="Status" value={filters.status} onChange={(status) => setFilters({ status })} options={OFFICE_STATUSES.map((value) => ({ value, label: statusName(value) }))} />
        <TextField
          label="Under office"
          description="Office code: only offices below it"
          value={filters.under}
          onChange={(under) => setFilters({ under: under.trim().toUpperCase() })}
          inputClassName="mono"
        />
      </search>
      <ProblemList problems={list.problems} />
      <DataTable
        caption="Offices"
        columns={columns}
        rows={list.rows}
        rowKey={(row) => row.code}
        hasMore={list.hasMore}
        loadingMore={list.loading || list.loadingMore}
        onLoadMore={list.loadMore}
        onOpen={(row) => void navigate(`/offices/${encodeURIComponent(row.code)}`)}
        emptyText={list.loading ? 'Loading…' : 'No offices match these filters.'}
      />
    </>
  );
}
